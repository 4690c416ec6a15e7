package dev.paperboy.digest;

import dev.paperboy.system.PaperboyConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * A run's shards: ranges of subscriber ids, each planned by its own Quartz job (JDBC store, recovery requested), so
 * any node of the cluster takes a share and a node that dies mid-shard hands it to another, which goes on from the
 * last batch it recorded. The last shard planned marks its run planned.
 */
@ApplicationScoped
class RunShards {

    private static final Logger LOG = Logger.getLogger(RunShards.class);
    static final String GROUP = "digest-runs";
    /**
     * A shard's end locks its run's row so that two last shards agree which was last. Not FOR UPDATE: that waits for
     * every planning batch of the run's other shards (each holds the row FOR KEY SHARE, the foreign key check of its
     * digests, until it commits), and the batches that start meanwhile queue behind it: every shard's end stalled the
     * whole run's planning for up to a batch (lock waits of 0.1-2.2 s at 20,000 under load). FOR NO KEY UPDATE still
     * serializes the shards' ends and lets the batches through.
     */
    static final String LOCK_RUN = "select id from digest_run where id = ?1 for no key update";
    /** Longer than Quartz's idle wait (application.properties), so every node polls once before it is due. */
    private static final Duration LATER = Duration.ofSeconds(3);

    private final EntityManager entityManager;
    private final Scheduler quartz;
    private final DigestPlanner planner;
    private final RunRecords runs;
    private final int size;

    RunShards(EntityManager entityManager, Scheduler quartz, DigestPlanner planner, RunRecords runs,
              PaperboyConfig config) {
        this.entityManager = entityManager;
        this.quartz = quartz;
        this.planner = planner;
        this.runs = runs;
        this.size = Math.max(1, config.digest().shardSize());
    }

    /** Whether these many subscribers make more than one shard. */
    boolean needsShards(int subscribers) {
        return subscribers > size;
    }

    /** Splits the run's candidates into shards and queues a job for each, in one transaction; returns how many. */
    int split(long runId, List<Long> candidates) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int shards = 0;
            for (int from = 0; from < candidates.size(); from += size, shards++) {
                int to = Math.min(candidates.size(), from + size) - 1;
                // the ranges leave no gap: a subscriber who became due meanwhile, or was added, is in one of them
                long last = to == candidates.size() - 1 ? Long.MAX_VALUE : candidates.get(to + 1) - 1;
                long first = from == 0 ? 0 : candidates.get(from);
                entityManager.createNativeQuery("""
                                insert into digest_run_shard (run_id, shard, first_id, last_id, subscribers)
                                values (?1, ?2, ?3, ?4, ?5)""")
                        .setParameter(1, runId).setParameter(2, shards).setParameter(3, first).setParameter(4, last)
                        .setParameter(5, to - from + 1).executeUpdate();
                schedule(runId, shards, Instant.now());
            }
            if (shards == 0) {
                runs.markPlanned(runId, 0, null);
            }
            return shards;
        });
    }

    /** Whether the run was split already (its job is running again after a crash). */
    boolean isSplit(long runId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from digest_run_shard where run_id = ?1").setParameter(1, runId)
                .getSingleResult()).longValue() > 0);
    }

    /**
     * Plans one shard, from where an earlier attempt stopped; false when it stopped early because the node is
     * stopping (the shard is queued again, for another node or this one once back).
     */
    boolean plan(long runId, int shard, BooleanSupplier stop, Runnable decidedSome) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                        select s.first_id, s.last_id, s.done_through, s.planned_at, r.run_at, r.forced, r.papers_until
                        from digest_run_shard s join digest_run r on r.id = s.run_id
                        where s.run_id = ?1 and s.shard = ?2""")
                .setParameter(1, runId).setParameter(2, shard).getResultStream().findFirst().orElse(null));
        if (row == null || row[3] != null) {
            return true;
        }
        long first = row[2] == null ? ((Number) row[0]).longValue() : ((Number) row[2]).longValue() + 1;
        Instant runAt = DigestPlanner.toInstant(row[4]);
        boolean forced = (Boolean) row[5];
        List<Long> ids = planner.candidates(runAt, forced, first, ((Number) row[1]).longValue());
        Plan plan = planner.plan(runId, runAt, forced, DigestPlanner.toInstant(row[6]));
        DigestPlanner.Planned planned = planner.decide(plan, ids, stop, batch -> {
            progress(runId, shard, batch);
            if (batch.queued() > 0) {
                decidedSome.run();
            }
        });
        if (planned.through() < (ids.isEmpty() ? 0 : ids.get(ids.size() - 1))) {
            schedule(runId, shard, Instant.now().plusSeconds(1));
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> finish(runId, shard));
        LOG.infof("Digest run %d: shard %d planned on this node (%d decided, %d undecided)", runId, shard,
                planned.decided(), planned.undecided());
        return true;
    }

    /** Queues a shard again a little later: this node plans as many as it may, another node may take it meanwhile. */
    void later(long runId, int shard) {
        schedule(runId, shard, Instant.now().plus(LATER));
    }

    private void progress(long runId, int shard, DigestPlanner.Planned batch) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        update digest_run_shard set done_through = ?3, decided = decided + ?4,
                               undecided = undecided + ?5, error = coalesce(error, ?6)
                        where run_id = ?1 and shard = ?2""")
                .setParameter(1, runId).setParameter(2, shard).setParameter(3, batch.through())
                .setParameter(4, batch.decided()).setParameter(5, batch.undecided())
                .setParameter(6, batch.firstError()).executeUpdate());
    }

    /** Marks the shard planned, and its run once it was the last: the run's row is locked so two last shards agree. */
    private void finish(long runId, int shard) {
        entityManager.createNativeQuery(LOCK_RUN)
                .setParameter(1, runId).getResultList();
        entityManager.createNativeQuery(
                        "update digest_run_shard set planned_at = now() where run_id = ?1 and shard = ?2")
                .setParameter(1, runId).setParameter(2, shard).executeUpdate();
        Object[] totals = (Object[]) entityManager.createNativeQuery("""
                        select count(*) filter (where planned_at is null), coalesce(sum(undecided), 0),
                               min(error) filter (where error is not null)
                        from digest_run_shard where run_id = ?1""")
                .setParameter(1, runId).getSingleResult();
        if (((Number) totals[0]).longValue() == 0) {
            runs.markPlanned(runId, ((Number) totals[1]).intValue(), (String) totals[2]);
        }
    }

    private void schedule(long runId, int shard, Instant at) {
        JobKey job = JobKey.jobKey("digest-run-" + runId + "-shard-" + shard, GROUP);
        try {
            var trigger = TriggerBuilder.newTrigger().withIdentity(job.getName() + "-" + UUID.randomUUID(), GROUP)
                    .startAt(Date.from(at));
            if (quartz.checkExists(job)) {
                quartz.scheduleJob(trigger.forJob(job).build());
            } else {
                quartz.scheduleJob(JobBuilder.newJob(DigestShardJob.class).withIdentity(job)
                        .usingJobData(DigestShardJob.RUN_ID, Long.toString(runId))
                        .usingJobData(DigestShardJob.SHARD, Integer.toString(shard))
                        .requestRecovery().build(), trigger.build());
            }
        } catch (SchedulerException e) {
            LOG.errorf(e, "Could not queue shard %d of digest run %d", shard, runId);
            throw new IllegalStateException("Could not queue shard " + shard + " of digest run " + runId, e);
        }
    }
}
