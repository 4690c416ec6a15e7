package dev.paperboy.paper.source;

import jakarta.enterprise.context.Dependent;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job of one source: when one of its triggers fires (on one node of the cluster), it hands the poll to
 * the sources' own threads, so that a slow poll holds no Quartz thread.
 */
@Dependent
public class SourcePollJob implements Job {

    static final String SOURCE = "source";

    private final PollThreads threads;

    SourcePollJob(PollThreads threads) {
        this.threads = threads;
    }

    @Override
    public void execute(JobExecutionContext context) {
        threads.submit(context.getMergedJobDataMap().getString(SOURCE));
    }
}
