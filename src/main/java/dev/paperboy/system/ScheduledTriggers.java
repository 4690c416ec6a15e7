package dev.paperboy.system;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.quartz.CronExpression;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * At start, every {@code @Scheduled} job (digest clock, bounce mailbox, expired sign-ups) fires by the interval or cron
 * configured now, not one kept from an earlier start: its next fire is never later than the schedule gives from now,
 * and a job on an interval runs once shortly after the start unless the cluster ran it a moment ago.
 */
@ApplicationScoped
class ScheduledTriggers {

    /** The Quartz group Quarkus gives the triggers of {@code @Scheduled} methods. */
    static final String GROUP = io.quarkus.scheduler.Scheduler.class.getName();
    private static final Logger LOG = Logger.getLogger(ScheduledTriggers.class);
    /** How soon after a start a job on an interval runs (the bounce mailbox, expired sign-ups). */
    static final Duration SOON_AFTER_START = Duration.ofSeconds(30);
    /** A job that ran this recently is not run again for a start: two nodes starting together read the mailbox once. */
    static final Duration RAN_RECENTLY = Duration.ofMinutes(2);

    // Quarkus replaces a stored trigger with the configured schedule but starts it at the old trigger's next fire time
    // (so that a restart does not reset schedules, quarkus#21455): an interval of 10m shortened to 1m still waited for
    // the old 10m, a cron changed waited for the old cron's next time. A schedule that did not change is untouched,
    // since its next fire is never later than the schedule from now.
    void onStart(@Observes StartupEvent start, Scheduler quartz) {
        QuarkusTransaction.requiringNew().run(() -> catchUp(quartz, Instant.now()));
    }

    /** Brings each of the triggers forward whose next fire is later than its schedule from {@code now}; their names. */
    static List<String> catchUp(Scheduler quartz, Instant now) {
        List<String> moved = new ArrayList<>();
        try {
            for (TriggerKey key : quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
                Trigger trigger = quartz.getTrigger(key);
                Instant due = trigger == null ? null : firstFrom(trigger, now);
                Date next = trigger == null ? null : trigger.getNextFireTime();
                if (due != null && next != null && next.toInstant().isAfter(due)) {
                    quartz.rescheduleJob(key, trigger.getTriggerBuilder().startAt(Date.from(due)).build());
                    LOG.infof("Scheduled job %s: next at %s by its schedule now (%s was stored before this start)",
                            key.getName(), due, next.toInstant());
                    moved.add(key.getName());
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not check the scheduled jobs' triggers", e);
        }
        return moved;
    }

    /** When a new trigger of this schedule would fire first from {@code now}; null for a kind we do not know. */
    static Instant firstFrom(Trigger trigger, Instant now) {
        if (trigger instanceof SimpleTrigger simple && simple.getRepeatInterval() > 0) {
            Duration interval = Duration.ofMillis(simple.getRepeatInterval());
            // with an unchanged interval the stored next fire is within one interval from now, so a restart read the
            // bounce mailbox up to 10 min late; the last run is the stored next fire less one interval (Quarkus
            // replaces the trigger at each start, so its previous fire time is not kept)
            Date next = trigger.getNextFireTime();
            // (a next fire beyond one interval is from an earlier, longer interval and tells nothing of the last run)
            boolean ranRecently = next != null && !next.toInstant().isAfter(now.plus(interval))
                    && next.toInstant().minus(interval).isAfter(now.minus(RAN_RECENTLY));
            return now.plus(ranRecently || interval.compareTo(SOON_AFTER_START) < 0 ? interval : SOON_AFTER_START);
        }
        if (trigger instanceof CronTrigger cron) {
            try {
                CronExpression expression = new CronExpression(cron.getCronExpression());
                expression.setTimeZone(cron.getTimeZone());
                Date first = expression.getTimeAfter(Date.from(now));
                return first == null ? null : first.toInstant();
            } catch (ParseException e) {
                return null;
            }
        }
        return null;
    }
}
