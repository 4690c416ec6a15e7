package dev.paperboy.digest;

import jakarta.enterprise.context.Dependent;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job of one requested run; a CDI bean, so Quarkus' job factory injects it. */
@Dependent
public class DigestRunJob implements Job {

    static final String RUN_ID = "runId";

    private final DigestRunner runner;

    DigestRunJob(DigestRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runner.execute(Long.parseLong(context.getMergedJobDataMap().getString(RUN_ID)));
    }
}
