package dev.paperboy.subscriber;

import dev.paperboy.system.Backoff;
import dev.paperboy.system.PaperboyConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Sign-up mails go out from a persistent Quartz job after the form is answered, so a slow or hanging relay never
 * holds the page and a known address is answered like a new one. A try the relay could not take is tried again,
 * waiting twice as long each time. The jobs hold the subscriber's id only, never the address.
 */
@ApplicationScoped
class SignupMailQueue {

    private static final Logger LOG = Logger.getLogger(SignupMailQueue.class);
    static final String GROUP = "signup-mail";
    /** After this many tries (about five hours of waiting) the person has most likely signed up again or moved on. */
    static final int MAX_ATTEMPTS = 13;

    private final Scheduler quartz;
    private final PaperboyConfig config;

    SignupMailQueue(Scheduler quartz, PaperboyConfig config) {
        this.quartz = quartz;
        this.config = config;
    }

    /** Queues the first try, in the caller's transaction: the mail goes out once the sign-up is committed. */
    void enqueue(long subscriberId, SubscriptionService.SignupOutcome outcome) {
        try {
            schedule(subscriberId, outcome, 1, new Date());
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot queue the sign-up mail", e);
        }
    }

    /** Queues try number {@code attempt} after try {@code attempt - 1} failed, in a transaction of its own. */
    void retry(long subscriberId, SubscriptionService.SignupOutcome outcome, int attempt) {
        if (attempt > MAX_ATTEMPTS) {
            LOG.errorf("Giving up the %s mail to subscriber %d after %d attempts", outcome, subscriberId, MAX_ATTEMPTS);
            return;
        }
        Date at = Date.from(Instant.now().plus(Backoff.after(config.digest().retryBackoff(), attempt - 1)));
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try {
                    schedule(subscriberId, outcome, attempt, at);
                } catch (SchedulerException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not schedule another try of the %s mail to subscriber %d", outcome, subscriberId);
        }
    }

    /** The queued mails of a subscriber. */
    List<JobKey> queued(long subscriberId) {
        try {
            return quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)).stream()
                    .filter(key -> key.getName().startsWith(prefix(subscriberId))).toList();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops the queued mails of a subscriber, in the caller's transaction. */
    void forget(long subscriberId) {
        try {
            quartz.deleteJobs(queued(subscriberId));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    private void schedule(long subscriberId, SubscriptionService.SignupOutcome outcome, int attempt, Date at)
            throws SchedulerException {
        quartz.scheduleJob(JobBuilder.newJob(SignupMailJob.class)
                        .withIdentity(prefix(subscriberId) + attempt + "-" + System.nanoTime(), GROUP)
                        .usingJobData(SignupMailJob.SUBSCRIBER, Long.toString(subscriberId))
                        .usingJobData(SignupMailJob.OUTCOME, outcome.name())
                        .usingJobData(SignupMailJob.ATTEMPT, Integer.toString(attempt))
                        .requestRecovery()
                        .build(),
                TriggerBuilder.newTrigger().startAt(at).build());
    }

    private static String prefix(long subscriberId) {
        return "subscriber-" + subscriberId + "-";
    }
}
