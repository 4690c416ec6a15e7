package dev.paperboy.system;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bounce mailbox's trigger at a start, in an in-memory Quartz: read soon after each start, once for two nodes. */
class ScheduledTriggersTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private Scheduler quartz;

    @BeforeEach
    void quartz() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "scheduled-triggers-test-" + System.nanoTime());
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        quartz = new StdSchedulerFactory(properties).getScheduler(); // never started: nothing fires
    }

    @AfterEach
    void stop() throws Exception {
        quartz.shutdown();
    }

    @Test
    void aRestartWithTheIntervalUnchangedReadsTheMailboxSoonNotAtTheStoredNextFire() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // read 2 min before the restart: the stored next read is 8 min away, within one interval from now
        store(now.plus(Duration.ofMinutes(8)));
        assertEquals(List.of("bounce-mailbox"), ScheduledTriggers.catchUp(quartz, now));
        assertEquals(now.plus(ScheduledTriggers.SOON_AFTER_START), next());
    }

    @Test
    void aSecondNodeStartingBeforeOrJustAfterThatReadLeavesItAlone() throws Exception {
        Instant first = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store(first.plus(Duration.ofMinutes(8)));
        ScheduledTriggers.catchUp(quartz, first);
        Instant soon = next();
        // the second node starts 10 s later, before the read
        assertEquals(List.of(), ScheduledTriggers.catchUp(quartz, first.plusSeconds(10)));
        assertEquals(soon, next());
        // or 40 s later, just after the first node read the mailbox (Quartz then stores the next read one interval on)
        store(soon.plus(TEN_MINUTES));
        assertEquals(List.of(), ScheduledTriggers.catchUp(quartz, first.plusSeconds(40)));
        assertEquals(soon.plus(TEN_MINUTES), next());
    }

    @Test
    void aFirstStartKeepsQuarkusOwnDelay() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store(now.plusSeconds(25)); // delayed = "30s", a few seconds before this check
        assertEquals(List.of(), ScheduledTriggers.catchUp(quartz, now));
        assertEquals(now.plusSeconds(25), next());
    }

    private void store(Instant nextFire) throws Exception {
        TriggerKey key = TriggerKey.triggerKey("bounce-mailbox", ScheduledTriggers.GROUP);
        var trigger = TriggerBuilder.newTrigger().withIdentity(key).startAt(Date.from(nextFire))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(TEN_MINUTES.toMillis())
                        .repeatForever()).build();
        if (quartz.checkExists(key)) {
            quartz.rescheduleJob(key, trigger);
        } else {
            quartz.scheduleJob(JobBuilder.newJob(Noop.class).withIdentity("bounce-mailbox", ScheduledTriggers.GROUP)
                    .build(), trigger);
        }
    }

    private Instant next() throws Exception {
        return quartz.getTrigger(TriggerKey.triggerKey("bounce-mailbox", ScheduledTriggers.GROUP)).getNextFireTime()
                .toInstant();
    }

    /** A job that does nothing: the scheduler is never started. */
    public static class Noop implements Job {
        @Override
        public void execute(JobExecutionContext context) {
        }
    }
}
