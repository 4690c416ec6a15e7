package dev.paperboy.digest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;

import java.time.Instant;
import java.util.UUID;

/** Starts digest runs (forced by an operator or by the clock) and carries them out: decide, then deliver. */
@ApplicationScoped
public class DigestRunner {

    private static final Logger LOG = Logger.getLogger(DigestRunner.class);
    private static final String BOOT = "/" + UUID.randomUUID();

    private final DigestPlanner planner;
    private final DigestDelivery delivery;
    private final Scheduler quartz;
    private final EntityManager entityManager;
    private final String schedulerName;
    private final String instanceId;
    /** This node's Quartz instance id and this boot: a fixed instance id restarted is another node for runs. */
    private final String node;

    DigestRunner(DigestPlanner planner, DigestDelivery delivery, Scheduler quartz, EntityManager entityManager)
            throws SchedulerException {
        this.planner = planner;
        this.delivery = delivery;
        this.quartz = quartz;
        this.entityManager = entityManager;
        this.schedulerName = quartz.getSchedulerName();
        this.instanceId = quartz.getSchedulerInstanceId();
        this.node = instanceId + BOOT;
    }

    /**
     * Queues a run as a Quartz job in the same transaction, so any node of the cluster carries it out, and a node
     * that dies in the middle hands it to another (the job asks for recovery).
     */
    @Transactional
    public long request(boolean forced, Instant at) {
        DigestRun run = new DigestRun();
        run.state = "queued";
        run.forced = forced;
        run.runAt = at;
        run.persist();
        try {
            quartz.scheduleJob(JobBuilder.newJob(DigestRunJob.class)
                            .withIdentity("digest-run-" + run.id, "digest-runs")
                            .usingJobData(DigestRunJob.RUN_ID, Long.toString(run.id))
                            .requestRecovery()
                            .build(),
                    TriggerBuilder.newTrigger().withIdentity("digest-run-" + run.id, "digest-runs").startNow().build());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not queue digest run " + run.id, e);
        }
        return run.id;
    }

    /** Carries out a queued run; safe to call again for the same run after a crash (Quartz recovers the job). */
    public void execute(long runId) {
        DigestRun run = QuarkusTransaction.requiringNew().call(() -> {
            DigestRun found = DigestRun.findById(runId);
            if (found != null && !"finished".equals(found.state)) {
                found.state = "running";
                found.node = node;
                found.error = null;
                found.undecided = 0;
                found.startedAt = found.startedAt == null ? Instant.now() : found.startedAt;
            }
            return found;
        });
        if (run == null || "finished".equals(run.state)) {
            return;
        }
        DigestPlanner.Planned planned = plan(run.id, run.runAt, run.forced);
        deliver();
        if (planned != null) {
            LOG.infof("Digest run %d: %d digests decided, %d could not be", run.id, planned.decided(), planned.undecided());
        }
        finishSettledRuns();
    }

    /** The clock's pass: a run for whoever is due now (kept only if someone was), then every retry that is due. */
    public void tick(Instant now) {
        long runId = QuarkusTransaction.requiringNew().call(() -> {
            DigestRun run = new DigestRun();
            run.state = "running";
            run.forced = false;
            run.runAt = now;
            run.startedAt = Instant.now();
            run.node = node;
            run.persist();
            return run.id;
        });
        DigestPlanner.Planned planned = plan(runId, now, false);
        if (planned != null && planned.decided() == 0 && planned.undecided() == 0) {
            QuarkusTransaction.requiringNew().run(() -> DigestRun.deleteById(runId));
        }
        deliver();
        finishSettledRuns();
    }

    /**
     * Decides the run's digests and marks it planned, so it can finish; when planning itself throws, the run ends
     * failed at once rather than staying "running" (the next pass decides whoever is still open). Null then.
     */
    private DigestPlanner.Planned plan(long runId, Instant at, boolean forced) {
        try {
            DigestPlanner.Planned planned = planner.plan(runId, at, forced);
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                            update digest_run set planned_at = now(), undecided = ?2,
                                   error = case when ?2 > 0 then 'could not decide ' || ?2 || ' digest(s); first: ' || ?3 end
                            where id = ?1""")
                    .setParameter(1, runId).setParameter(2, planned.undecided())
                    .setParameter(3, String.valueOf(planned.firstError())).executeUpdate());
            return planned;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Digest run %d failed while deciding", runId);
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                            update digest_run set state = 'failed', finished_at = now(), error = ?2 where id = ?1""")
                    .setParameter(1, runId).setParameter(2, "deciding failed: " + e).executeUpdate());
            return null;
        }
    }

    /** Sends what is due; a failure here leaves the digests for the next pass, and the run open until they settle. */
    private void deliver() {
        try {
            delivery.deliverDue();
        } catch (RuntimeException e) {
            LOG.error("Delivery stopped; the next pass takes it up again", e);
        }
    }

    /**
     * A run is over once all its digests are decided and none is still waiting for a first send or being sent:
     * finished, or failed when some subscriber's digest could not be decided. A run whose node left the cluster
     * (Quartz's own check-in table no longer lists it, or it is this node's id from an earlier boot) before it was
     * planned is failed too: nobody will finish its planning, and the next pass decides whoever is still open.
     */
    private void finishSettledRuns() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    update digest_run r set state = case when r.undecided > 0 then 'failed' else 'finished' end,
                                            finished_at = now()
                    where r.state = 'running' and r.planned_at is not null
                      and not exists (select 1 from digest d where d.run_id = r.id and d.state in ('queued', 'sending'))""")
                    .executeUpdate();
            entityManager.createNativeQuery("""
                    update digest_run r set state = 'failed', finished_at = now(),
                           error = 'node ' || r.node || ' stopped while deciding; the next pass decides the rest'
                    where r.state = 'running' and r.planned_at is null and r.node is not null and r.node <> ?1
                      and not exists (select 1 from qrtz_scheduler_state q
                                      where q.sched_name = ?2 and q.instance_name <> ?3
                                        and q.instance_name = left(r.node, length(r.node) - ?4))""")
                    .setParameter(1, node).setParameter(2, schedulerName).setParameter(3, instanceId)
                    .setParameter(4, BOOT.length())
                    .executeUpdate();
        });
    }
}
