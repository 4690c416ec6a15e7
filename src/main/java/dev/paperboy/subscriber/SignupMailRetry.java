package dev.paperboy.subscriber;

import dev.paperboy.system.Backoff;
import dev.paperboy.system.PaperboyConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;

import java.time.Instant;
import java.util.Date;

/** Schedules another try of a sign-up mail the relay could not take, waiting twice as long each time. */
@ApplicationScoped
class SignupMailRetry {

    private static final Logger LOG = Logger.getLogger(SignupMailRetry.class);
    /** After this many tries (about five hours) the person has most likely signed up again or moved on. */
    static final int MAX_ATTEMPTS = 12;

    private final Scheduler quartz;
    private final PaperboyConfig config;

    SignupMailRetry(Scheduler quartz, PaperboyConfig config) {
        this.quartz = quartz;
        this.config = config;
    }

    void schedule(long subscriberId, SubscriptionService.SignupOutcome outcome, int attempt) {
        if (attempt > MAX_ATTEMPTS) {
            LOG.errorf("Giving up the %s mail to subscriber %d after %d attempts", outcome, subscriberId, MAX_ATTEMPTS);
            return;
        }
        Date at = Date.from(Instant.now().plus(Backoff.after(config.digest().retryBackoff(), attempt)));
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try {
                    quartz.scheduleJob(JobBuilder.newJob(SignupMailJob.class)
                                    .usingJobData(SignupMailJob.SUBSCRIBER, Long.toString(subscriberId))
                                    .usingJobData(SignupMailJob.OUTCOME, outcome.name())
                                    .usingJobData(SignupMailJob.ATTEMPT, Integer.toString(attempt))
                                    .requestRecovery()
                                    .build(),
                            TriggerBuilder.newTrigger().startAt(at).build());
                } catch (SchedulerException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not schedule another try of the %s mail to subscriber %d", outcome, subscriberId);
        }
    }
}
