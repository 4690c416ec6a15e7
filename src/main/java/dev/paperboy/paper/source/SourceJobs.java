package dev.paperboy.paper.source;

import dev.paperboy.system.PaperboyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;

/**
 * Each source's Quartz job (on the clustered JDBC store, so one node polls): a regular trigger on its schedule,
 * and a one-shot trigger for a poll that should come sooner (the first one, or the retry of a failed one).
 * Call inside the transaction that changes the source, so the job and the row change together.
 */
@ApplicationScoped
class SourceJobs {

    static final String GROUP = "paper-sources";
    private static final String SOON = "paper-sources-soon";

    private final Scheduler quartz;
    private final PaperboyConfig config;

    SourceJobs(Scheduler quartz, PaperboyConfig config) {
        this.quartz = quartz;
        this.config = config;
    }

    /** (Re)schedules a source as it is now; a paused one keeps its job but no trigger. */
    void schedule(PaperSource source, boolean pollSoon) {
        try {
            JobKey job = JobKey.jobKey(source.name, GROUP);
            quartz.addJob(JobBuilder.newJob(SourcePollJob.class).withIdentity(job)
                    .usingJobData(SourcePollJob.SOURCE, source.name).storeDurably().build(), true);
            quartz.unscheduleJob(regular(source.name));
            if (!source.enabled) {
                quartz.unscheduleJob(soon(source.name));
                return;
            }
            quartz.scheduleJob(regularTrigger(source, job));
            if (pollSoon) {
                pollAt(source.name, Instant.now());
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule source " + source.name, e);
        }
    }

    /** A one-shot poll at {@code at} (replacing an earlier one-shot). */
    void pollAt(String name, Instant at) {
        try {
            quartz.unscheduleJob(soon(name));
            quartz.scheduleJob(TriggerBuilder.newTrigger().withIdentity(soon(name)).forJob(name, GROUP)
                    .startAt(Date.from(at))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .build());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule a poll of source " + name, e);
        }
    }

    void remove(String name) {
        JobKey job = JobKey.jobKey(name, GROUP);
        for (int attempt = 1; ; attempt++) {
            try {
                quartz.deleteJob(job);
                return;
            } catch (SchedulerException e) {
                // Quartz lists the job's triggers, then unschedules each: a one-shot poll that fires in between is
                // gone by then, and deleteJob gives up before removing anything. A second look no longer lists it.
                if (attempt == 3) {
                    throw new IllegalStateException("Could not remove the job of source " + name, e);
                }
            }
        }
    }

    /**
     * When the source is next polled: its next trigger, but not before the server asked (a trigger before that only
     * finds the source waiting); null when no trigger will fire.
     */
    Instant nextPoll(PaperSource source) {
        try {
            Instant next = quartz.getTriggersOfJob(JobKey.jobKey(source.name, GROUP)).stream().map(Trigger::getNextFireTime)
                    .filter(Objects::nonNull).min(Date::compareTo).map(Date::toInstant).orElse(null);
            return next != null && source.notBefore != null && source.notBefore.isAfter(next) ? source.notBefore : next;
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes the jobs match the sources: a job for each enabled source that has none, none for a source gone, and the
     * schedule configured now for a source whose trigger has another (the operator changed
     * {@code PAPERBOY_FETCH_DEFAULT_EVERY} or arXiv's schedule since the trigger was stored).
     */
    void reconcile(List<PaperSource> sources) {
        try {
            Set<String> names = new HashSet<>();
            for (PaperSource source : sources) {
                names.add(source.name);
                Trigger stored = quartz.getTrigger(regular(source.name));
                boolean scheduled = stored != null;
                if (source.enabled != scheduled || scheduled && !sameSchedule(stored, regularTrigger(source, stored.getJobKey()))) {
                    schedule(source, source.enabled && source.lastPollAt == null);
                }
            }
            for (JobKey job : quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                if (!names.contains(job.getName())) {
                    quartz.deleteJob(job);
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not check the sources' jobs", e);
        }
    }

    private Trigger regularTrigger(PaperSource source, JobKey job) {
        Duration every = source.every();
        if (every == null && source.sourceKind().arxiv()) {
            return TriggerBuilder.newTrigger().withIdentity(regular(source.name)).forJob(job)
                    .withSchedule(CronScheduleBuilder.cronSchedule(config.fetch().arxivSchedule())
                            .inTimeZone(TimeZone.getTimeZone(config.fetch().arxivZone()))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
        }
        Duration interval = every != null ? every : config.fetch().defaultEvery();
        Instant first = source.lastPollAt == null ? Instant.now().plus(interval) : source.lastPollAt.plus(interval);
        Instant now = Instant.now();
        return TriggerBuilder.newTrigger().withIdentity(regular(source.name)).forJob(job)
                .startAt(Date.from(first.isBefore(now) ? now : first))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    private static boolean sameSchedule(Trigger stored, Trigger configured) {
        if (stored instanceof SimpleTrigger a && configured instanceof SimpleTrigger b) {
            return a.getRepeatInterval() == b.getRepeatInterval();
        }
        return stored instanceof CronTrigger a && configured instanceof CronTrigger b
                && a.getCronExpression().equals(b.getCronExpression()) && a.getTimeZone().hasSameRules(b.getTimeZone())
                && a.getTimeZone().getID().equals(b.getTimeZone().getID());
    }

    /** The schedule in words, for the admin API. */
    String describe(PaperSource source) {
        Duration every = source.every();
        if (every == null && source.sourceKind().arxiv()) {
            return "cron " + config.fetch().arxivSchedule() + " " + config.fetch().arxivZone();
        }
        Duration interval = every != null ? every : config.fetch().defaultEvery();
        return "every " + Durations.format(interval);
    }

    private static TriggerKey regular(String name) {
        return TriggerKey.triggerKey(name, GROUP);
    }

    private static TriggerKey soon(String name) {
        return TriggerKey.triggerKey(name, SOON);
    }
}
