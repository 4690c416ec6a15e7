package dev.paperboy.paper.source;

import jakarta.enterprise.context.Dependent;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job of one source: polls it when one of its triggers fires (on one node of the cluster). */
@Dependent
@DisallowConcurrentExecution
public class SourcePollJob implements Job {

    static final String SOURCE = "source";

    private final SourcePoller poller;

    SourcePollJob(SourcePoller poller) {
        this.poller = poller;
    }

    @Override
    public void execute(JobExecutionContext context) {
        poller.pollScheduled(context.getMergedJobDataMap().getString(SOURCE));
    }
}
