package dev.paperboy.digest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivery as metrics on /q/metrics, read from the database that every node shares (so they are the cluster's, not
 * one node's, whichever node is scraped): digests queued, sent, retried, failed and bounced in all, digests by state
 * now, and the last finished run's duration and messages per second. Read again on a scrape when older than a few
 * seconds; never on the event loop.
 */
@Startup
@ApplicationScoped
class DigestMetrics {

    private static final Logger LOG = Logger.getLogger(DigestMetrics.class);
    private static final Duration FRESH = Duration.ofSeconds(5);
    private static final List<String> STATES = List.of("queued", "sending", "sent", "retrying", "failed", "empty", "cancelled");

    private final EntityManager entityManager;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile Map<String, Double> figures = Map.of();
    private volatile Instant readAt = Instant.EPOCH;

    DigestMetrics(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        counter(registry, "paperboy.digests.queued", "queued", "Digests decided with papers to send, in all");
        counter(registry, "paperboy.digests.sent", "sent", "Digests the relay accepted, in all");
        counter(registry, "paperboy.digests.retried", "retried", "Sends tried again after a failure, in all");
        counter(registry, "paperboy.digests.failed", "failed", "Digests given up (refused, or too old to send), in all");
        counter(registry, "paperboy.digests.bounced", "bounced", "Digests that bounced (refused at send time or a bounce notification), in all");
        for (String state : STATES) {
            Gauge.builder("paperboy.digests", this, m -> m.value("state:" + state)).tag("state", state)
                    .description("Digests in this state now").register(registry);
        }
        Gauge.builder("paperboy.digest.run.duration", this, m -> m.value("runSeconds")).baseUnit("seconds")
                .description("How long the last finished run took, from its start to its last digest settled")
                .register(registry);
        Gauge.builder("paperboy.digest.run.messages.per.second", this, m -> m.value("runRate"))
                .description("Digests the last finished run sent per second, from its start to its last send")
                .register(registry);
    }

    private void counter(MeterRegistry registry, String name, String figure, String description) {
        FunctionCounter.builder(name, this, m -> m.value(figure)).description(description).register(registry);
    }

    private double value(String figure) {
        if (Duration.between(readAt, Instant.now()).compareTo(FRESH) > 0 && !Context.isOnEventLoopThread()) {
            reload();
        }
        return figures.getOrDefault(figure, Double.NaN);
    }

    private void reload() {
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        try {
            figures = QuarkusTransaction.requiringNew().call(this::read);
            readAt = Instant.now();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not read the delivery figures for the metrics");
        } finally {
            reading.set(false);
        }
    }

    private Map<String, Double> read() {
        Map<String, Double> read = new HashMap<>();
        STATES.forEach(state -> read.put("state:" + state, 0.0));
        List<Object[]> states = entityManager.createNativeQuery(
                "select state, count(*), coalesce(sum(greatest(attempts - 1, 0)), 0) from digest group by state").getResultList();
        double queued = 0;
        double retried = 0;
        for (Object[] row : states) {
            double count = ((Number) row[1]).doubleValue();
            read.put("state:" + row[0], count);
            queued += "empty".equals(row[0]) ? 0 : count;
            retried += ((Number) row[2]).doubleValue();
        }
        read.put("queued", queued);
        read.put("sent", read.get("state:sent"));
        read.put("failed", read.get("state:failed"));
        read.put("retried", retried);
        read.put("bounced", ((Number) entityManager.createNativeQuery(
                "select count(distinct (subscriber_id, mail_key)) from subscriber_bounce").getSingleResult()).doubleValue());
        // the sent count from the run's counts kept by state (V22), a few rows, not a second walk of its digests
        List<Object[]> run = entityManager.createNativeQuery("""
                select extract(epoch from r.finished_at - r.started_at),
                       (select coalesce(sum(c.sent), 0) from digest_run_count c where c.run_id = r.id),
                       (select extract(epoch from max(d.sent_at) - r.started_at) from digest d where d.run_id = r.id)
                from digest_run r where r.finished_at is not null and r.started_at is not null
                order by r.finished_at desc limit 1""").getResultList();
        if (!run.isEmpty()) {
            Object[] last = run.get(0);
            read.put("runSeconds", number(last[0]));
            double sent = number(last[1]);
            double sending = number(last[2]);
            read.put("runRate", sent > 0 && sending > 0 ? sent / sending : 0.0);
        }
        return read;
    }

    private static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
}
