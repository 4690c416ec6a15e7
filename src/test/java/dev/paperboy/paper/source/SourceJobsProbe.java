package dev.paperboy.paper.source;

import io.quarkus.arc.Arc;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/** Looks into the Quartz store for a source's job. */
final class SourceJobsProbe {

    private SourceJobsProbe() {
    }

    static boolean hasJob(String name) {
        try {
            return Arc.container().instance(Scheduler.class).get().checkExists(JobKey.jobKey(name, SourceJobs.GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
