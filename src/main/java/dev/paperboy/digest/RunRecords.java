package dev.paperboy.digest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;

/**
 * The rows of runs as they move on: started by a node, planned (with what could not be decided), finished once
 * their digests settled, or closed when the node deciding them is gone. Each change is its own short transaction.
 */
@ApplicationScoped
class RunRecords {

    private final EntityManager entityManager;

    RunRecords(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Takes a queued (or recovered) run on this node; null when there is nothing to do for it any more. */
    DigestRun start(long runId, String node) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DigestRun run = DigestRun.findById(runId);
            if (run == null || "finished".equals(run.state)) {
                return null;
            }
            run.state = "running";
            run.node = node;
            run.error = null;
            run.undecided = 0;
            run.startedAt = run.startedAt == null ? Instant.now() : run.startedAt;
            return run;
        });
    }

    /** A run of the clock's pass, carried out here and now. */
    long startTick(Instant at, String node) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DigestRun run = new DigestRun();
            run.state = "running";
            run.forced = false;
            run.runAt = at;
            run.startedAt = Instant.now();
            run.node = node;
            run.persist();
            return run.id;
        });
    }

    void windowEnds(long runId, Instant until) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update digest_run set papers_until = ?2 where id = ?1")
                .setParameter(1, runId).setParameter(2, until).executeUpdate());
    }

    /** Every digest of the run is decided: it may finish once they settle; failed then if some subscriber was not. */
    void planned(long runId, int undecided, String firstError) {
        QuarkusTransaction.requiringNew().run(() -> markPlanned(runId, undecided, firstError));
    }

    /** As {@link #planned}, in the caller's transaction. */
    void markPlanned(long runId, int undecided, String firstError) {
        entityManager.createNativeQuery("""
                        update digest_run set planned_at = now(), undecided = ?2,
                               error = case when ?2 > 0 then 'could not decide ' || ?2 || ' digest(s); first: ' || ?3 end
                        where id = ?1""")
                .setParameter(1, runId).setParameter(2, undecided).setParameter(3, String.valueOf(firstError))
                .executeUpdate();
    }

    /** Deciding itself threw: the run ends failed at once rather than staying "running". */
    void failed(long runId, RuntimeException e) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        update digest_run set state = 'failed', finished_at = now(), error = ?2 where id = ?1""")
                .setParameter(1, runId).setParameter(2, "deciding failed: " + e).executeUpdate());
    }

    /** A pass of the clock that decided nothing leaves no run behind. */
    void forget(long runId) {
        QuarkusTransaction.requiringNew().run(() -> DigestRun.deleteById(runId));
    }

    /**
     * A run is over once all its digests are decided and none is still waiting for a first send or being sent:
     * finished, or failed when some subscriber's digest could not be decided. A run planned in place (the clock's,
     * without shards) whose node left the cluster (Quartz's own check-in table no longer lists it, or it is this
     * node's id from an earlier boot) before it was planned is failed too: nobody will finish its planning, and the
     * next pass decides whoever is still open. A sharded run's shards are Quartz jobs, recovered on another node.
     */
    void finishSettled(String node, String schedulerName, String instanceId, int bootLength) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    update digest_run r set state = case when r.undecided > 0 then 'failed' else 'finished' end,
                                            finished_at = now()
                    where r.state = 'running' and r.planned_at is not null
                      and (select coalesce(sum(c.queued + c.sending), 0) from digest_run_count c
                           where c.run_id = r.id) = 0""")
                    .executeUpdate();
            entityManager.createNativeQuery("""
                    update digest_run r set state = 'failed', finished_at = now(),
                           error = 'node ' || r.node || ' stopped while deciding; the next pass decides the rest'
                    where r.state = 'running' and r.planned_at is null and r.node is not null and r.node <> ?1
                      and not exists (select 1 from digest_run_shard s where s.run_id = r.id)
                      and not exists (select 1 from qrtz_scheduler_state q
                                      where q.sched_name = ?2 and q.instance_name <> ?3
                                        and q.instance_name = left(r.node, length(r.node) - ?4))""")
                    .setParameter(1, node).setParameter(2, schedulerName).setParameter(3, instanceId)
                    .setParameter(4, bootLength)
                    .executeUpdate();
        });
    }
}
