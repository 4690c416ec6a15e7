package dev.paperboy.digest;

import jakarta.enterprise.context.Dependent;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job of one shard of a run: any node of the cluster may take it, and another does if that node dies. */
@Dependent
public class DigestShardJob implements Job {

    static final String RUN_ID = "runId";
    static final String SHARD = "shard";

    private final DigestRunner runner;

    DigestShardJob(DigestRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runner.executeShard(Long.parseLong(context.getMergedJobDataMap().getString(RUN_ID)),
                Integer.parseInt(context.getMergedJobDataMap().getString(SHARD)));
    }
}
