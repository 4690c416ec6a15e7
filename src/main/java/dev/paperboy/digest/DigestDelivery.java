package dev.paperboy.digest;

import dev.paperboy.mail.MailGateway;
import dev.paperboy.system.PaperboyConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends decided digests with several senders, each over its own SMTP connection kept open for many messages: a
 * sender claims a batch under a lease, composes it, checks its claim before each send, and hands the outcomes to
 * one writer that records them in groups. At most {@code PAPERBOY_DELIVERY_IN_FLIGHT} messages per node are accepted
 * by the relay and not yet recorded: that is all a crash can send twice. A relay that is down stops the pass; on
 * shutdown the senders stop claiming and hand back what they hold.
 */
@ApplicationScoped
class DigestDelivery {

    private static final Logger LOG = Logger.getLogger(DigestDelivery.class);

    private final AgroalDataSource dataSource;
    private final Claims claims;
    private final ClaimedMails mails;
    private final MailGateway gateway;
    private final PaperboyConfig config;
    private final Semaphore inFlight;
    private final SendRate rate;
    private final int senders;
    private final ExecutorService threads;
    private final AtomicInteger passes = new AtomicInteger();
    private volatile boolean stopping;
    private final DigestBounces bounces;

    DigestDelivery(AgroalDataSource dataSource, Claims claims, ClaimedMails mails, MailGateway gateway,
                   PaperboyConfig config, DigestBounces bounces) {
        this.bounces = bounces;
        this.dataSource = dataSource;
        this.claims = claims;
        this.mails = mails;
        this.gateway = gateway;
        this.config = config;
        this.inFlight = new Semaphore(Math.max(1, config.deliveryInFlight()));
        this.rate = new SendRate(config.smtp().rate());
        this.senders = config.deliverySenders().orElse(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "digest-sender-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sends everything that is due now; returns how many digests were recorded as sent. */
    int deliverDue() {
        if (stopping) {
            return 0;
        }
        passes.incrementAndGet();
        try (Outcomes outcomes = new Outcomes(dataSource, inFlight)) {
            new DeliveryPass(claims, mails, gateway, config, rate, outcomes, () -> stopping, bounces).run(senders, threads);
            return outcomes.sent();
        } finally {
            synchronized (passes) {
                passes.decrementAndGet();
                passes.notifyAll();
            }
        }
    }

    /**
     * Stops claiming; waits (up to {@code patience}) until every pass has handed back or recorded what it held, and
     * says whether they all did.
     */
    boolean stop(Duration patience) {
        stopping = true;
        Instant deadline = Instant.now().plus(patience);
        synchronized (passes) {
            while (passes.get() > 0 && Instant.now().isBefore(deadline)) {
                try {
                    passes.wait(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        if (passes.get() > 0) {
            LOG.warnf("%d delivery pass(es) still running after %s; their claims are taken over when the lease ends",
                    passes.get(), patience);
            return false;
        }
        return true;
    }

    @PreDestroy
    void shutdownThreads() {
        threads.shutdownNow();
    }
}
