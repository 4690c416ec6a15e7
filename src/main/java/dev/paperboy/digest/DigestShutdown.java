package dev.paperboy.digest;

import dev.paperboy.system.PaperboyConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import java.time.Duration;

/**
 * A clean stop (SIGTERM): this node takes no more Quartz jobs, planning stops between two batches (a shard cut short
 * is queued again), the senders stop claiming, finish the message in hand and hand back the rest of their batch, and
 * every outcome is recorded, before Quarkus closes the database connections (and the embedded server stops last).
 */
@ApplicationScoped
class DigestShutdown {

    private static final Logger LOG = Logger.getLogger(DigestShutdown.class);

    private final Scheduler quartz;
    private final DigestRunner runner;
    private final DeliveryPasses passes;
    private final DigestDelivery delivery;
    private final PaperboyConfig config;

    DigestShutdown(Scheduler quartz, DigestRunner runner, DeliveryPasses passes, DigestDelivery delivery,
                   PaperboyConfig config) {
        this.quartz = quartz;
        this.runner = runner;
        this.passes = passes;
        this.delivery = delivery;
        this.config = config;
    }

    void stop(@Observes ShutdownEvent event) {
        try {
            quartz.standby();
        } catch (SchedulerException e) {
            LOG.warn("Could not put Quartz on standby", e);
        }
        runner.stop();
        passes.stop();
        // a message in hand finishes within the SMTP timeout; then every sender has recorded or handed back its batch
        if (delivery.stop(config.smtp().timeout().plus(Duration.ofSeconds(10)))) {
            LOG.info("Digest delivery stopped: every digest this node held is recorded or handed back");
        }
    }
}
