package dev.paperboy.digest;

import dev.paperboy.matching.semantic.Foreground;
import dev.paperboy.system.PaperboyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Starts digest runs (forced by an operator or by the clock) and carries them out: a run reads the end of its paper
 * window, splits its subscribers into shards that any node plans, and this node's delivery loop sends what they
 * decide while they go on. A clock's pass with few subscribers due plans them in place, and waits for their sending.
 */
@ApplicationScoped
public class DigestRunner {

    private static final Logger LOG = Logger.getLogger(DigestRunner.class);

    private final DigestPlanner planner;
    private final RunShards shards;
    private final RunRecords runs;
    private final DeliveryPasses delivery;
    private final Scheduler quartz;
    private final Node node;
    private final Foreground foreground;
    private final Semaphore shardSlots;
    private volatile boolean stopping;

    DigestRunner(DigestPlanner planner, RunShards shards, RunRecords runs, DeliveryPasses delivery, Scheduler quartz,
                 Node node, Foreground foreground, PaperboyConfig config) {
        this.planner = planner;
        this.shards = shards;
        this.runs = runs;
        this.delivery = delivery;
        this.quartz = quartz;
        this.node = node;
        this.foreground = foreground;
        // twice the cores: a shard's planner mostly waits for PostgreSQL (1.2 s of CPU in a 16 s run of 20,000), and
        // with one a core a shard turned away at the cap waited its 3 s while a slot stood free (a third of the speed)
        this.shardSlots = new Semaphore(Math.max(1, config.digest().shardsPerNode()
                .orElse(2 * Runtime.getRuntime().availableProcessors())));
    }

    /**
     * Queues a run as a Quartz job in the same transaction, so any node of the cluster carries it out, and a node
     * that dies in the middle hands it to another (the job asks for recovery).
     */
    @Transactional
    public long request(boolean forced, Instant at) {
        foreground.touch(); // the background's halves step aside from now: the run's job starts in a moment
        DigestRun run = new DigestRun();
        run.state = "queued";
        run.forced = forced;
        run.runAt = at;
        run.persist();
        try {
            quartz.scheduleJob(JobBuilder.newJob(DigestRunJob.class)
                            .withIdentity("digest-run-" + run.id, RunShards.GROUP)
                            .usingJobData(DigestRunJob.RUN_ID, Long.toString(run.id))
                            .requestRecovery()
                            .build(),
                    TriggerBuilder.newTrigger().withIdentity("digest-run-" + run.id, RunShards.GROUP).startNow().build());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not queue digest run " + run.id, e);
        }
        return run.id;
    }

    /** Splits a queued run into shards; safe to call again for the same run after a crash (Quartz recovers the job). */
    public void execute(long runId) {
        try (Foreground.Work work = foreground.begin()) {
            DigestRun run = runs.start(runId, node.name());
            if (run == null || shards.isSplit(runId)) {
                return;
            }
            try {
                runs.windowEnds(runId, planner.paperWindowEnd());
                int count = shards.split(runId, planner.candidates(run.runAt, run.forced, 0, Long.MAX_VALUE));
                LOG.infof("Digest run %d: split into %d shard(s)", runId, count);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Digest run %d failed while deciding", runId);
                runs.failed(runId, e);
            }
            delivery.request(); // the loop closes the run once its digests settle (at once when it has none)
        }
    }

    /**
     * Plans one shard of a run, on whichever node Quartz gave it to; sending starts with its first batches. A node
     * planning as many shards as it may queues this one again a little later, for another node to take (Quartz hands
     * a node every trigger that is due while it has threads free, and the node that split the run is told first).
     */
    public void executeShard(long runId, int shard) {
        if (!shardSlots.tryAcquire()) {
            shards.later(runId, shard);
            return;
        }
        try (Foreground.Work work = foreground.begin()) {
            shards.plan(runId, shard, () -> stopping, delivery::request);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Digest run %d failed while deciding shard %d", runId, shard);
            runs.failed(runId, e);
        } finally {
            shardSlots.release();
        }
        delivery.request();
    }

    /**
     * The clock's pass: a run for whoever is due now (kept only if it decided something), then a delivery pass for
     * it and every retry that is due, which this call waits for. Nobody due: one index scan, and no run.
     */
    public void tick(Instant now) {
        List<Long> due = planner.candidates(now, false, 0, Long.MAX_VALUE);
        if (!due.isEmpty() && !stopping) {
            long runId = runs.startTick(now, node.name());
            try (Foreground.Work work = foreground.begin()) {
                Instant until = planner.paperWindowEnd();
                runs.windowEnds(runId, until);
                if (shards.needsShards(due.size())) {
                    shards.split(runId, due);
                } else {
                    DigestPlanner.Planned planned = planner.decide(planner.plan(runId, now, false, until), due,
                            () -> stopping, batch -> { });
                    if (planned.decided() == 0 && planned.undecided() == 0) {
                        runs.forget(runId);
                    } else {
                        runs.planned(runId, planned.undecided(), planned.firstError());
                    }
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Digest run %d failed while deciding", runId);
                runs.failed(runId, e);
            }
        }
        delivery.request().join();
    }

    /** Stops planning between two batches: a shard cut short is queued again for another node. */
    void stop() {
        stopping = true;
    }
}
