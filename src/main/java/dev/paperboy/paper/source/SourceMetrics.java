package dev.paperboy.paper.source;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToDoubleFunction;

/**
 * Each source's state as metrics tagged {@code source=<name>}, read from the database (which every node shares):
 * refreshed after each change and poll on this node, and on a scrape when older than a few seconds.
 */
@ApplicationScoped
class SourceMetrics {

    private static final Logger LOG = Logger.getLogger(SourceMetrics.class);
    private static final Duration FRESH = Duration.ofSeconds(10);

    private final MeterRegistry registry;
    private final SourceJobs jobs;
    private final Map<String, List<Meter>> meters = new HashMap<>();
    private volatile Map<String, Snapshot> snapshots = Map.of();
    private volatile Instant refreshedAt = Instant.EPOCH;
    private final AtomicBoolean reading = new AtomicBoolean();

    SourceMetrics(MeterRegistry registry, SourceJobs jobs) {
        this.registry = registry;
        this.jobs = jobs;
    }

    /** Reads every source again and (un)registers the meters of sources added or removed. */
    synchronized void refresh() {
        Map<String, Snapshot> read = reload();
        for (int tries = 0; read == null && reading.get() && tries < 100; tries++) {
            // a scrape is reading them this moment: ours must include this node's latest change
            sleep();
            read = reload();
        }
        if (read == null) {
            return;
        }
        Map<String, Snapshot> now = read;
        now.keySet().stream().filter(name -> !meters.containsKey(name)).forEach(name -> meters.put(name, register(name)));
        meters.keySet().removeIf(name -> {
            boolean gone = !now.containsKey(name);
            if (gone) {
                meters.get(name).forEach(registry::remove);
            }
            return gone;
        });
    }

    /** The figures of every source, read again (null when another thread is reading them, or the read failed). */
    private Map<String, Snapshot> reload() {
        if (!reading.compareAndSet(false, true)) {
            return null;
        }
        try {
            Map<String, Snapshot> read = QuarkusTransaction.requiringNew().call(() -> {
                Map<String, Snapshot> all = new HashMap<>();
                for (PaperSource s : PaperSource.all()) {
                    all.put(s.name, new Snapshot(seconds(s.lastSuccessAt), seconds(s.lastErrorAt),
                            s.lastAdded == null ? Double.NaN : s.lastAdded, s.totalAdded, s.failures,
                            seconds(jobs.nextPoll(s))));
                }
                return all;
            });
            snapshots = read;
            refreshedAt = Instant.now();
            return read;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not read the sources for their metrics");
            return null;
        } finally {
            reading.set(false);
        }
    }

    private List<Meter> register(String name) {
        Tags tags = Tags.of("source", name);
        return List.of(
                Gauge.builder("paperboy.source.last.success", () -> value(name, Snapshot::lastSuccess)).tags(tags)
                        .description("When the source was last polled successfully (epoch seconds)").baseUnit("seconds").register(registry),
                Gauge.builder("paperboy.source.last.error", () -> value(name, Snapshot::lastError)).tags(tags)
                        .description("When a poll of the source last failed (epoch seconds)").baseUnit("seconds").register(registry),
                Gauge.builder("paperboy.source.next.poll", () -> value(name, Snapshot::nextPoll)).tags(tags)
                        .description("When the source is polled next (epoch seconds)").baseUnit("seconds").register(registry),
                Gauge.builder("paperboy.source.last.added", () -> value(name, Snapshot::lastAdded)).tags(tags)
                        .description("Papers the source's last poll added").register(registry),
                Gauge.builder("paperboy.source.failures", () -> value(name, Snapshot::failures)).tags(tags)
                        .description("Failed polls of the source in a row").register(registry),
                FunctionCounter.builder("paperboy.source.papers.added", this, m -> m.value(name, Snapshot::totalAdded)).tags(tags)
                        .description("Papers the source has added in all").register(registry));
    }

    private double value(String name, ToDoubleFunction<Snapshot> field) {
        if (Duration.between(refreshedAt, Instant.now()).compareTo(FRESH) > 0 && !Context.isOnEventLoopThread()) {
            reload();
        }
        Snapshot snapshot = snapshots.get(name);
        return snapshot == null ? Double.NaN : field.applyAsDouble(snapshot);
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double seconds(Instant at) {
        return at == null ? Double.NaN : at.getEpochSecond();
    }

    /** One source's figures at the last refresh. */
    private record Snapshot(double lastSuccess, double lastError, double lastAdded, double totalAdded, double failures,
                            double nextPoll) {
    }
}
