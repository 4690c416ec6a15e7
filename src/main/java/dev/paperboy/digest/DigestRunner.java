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

/** Starts digest runs (forced by an operator or by the clock) and carries them out: decide, then deliver. */
@ApplicationScoped
public class DigestRunner {

    private static final Logger LOG = Logger.getLogger(DigestRunner.class);

    private final DigestPlanner planner;
    private final DigestDelivery delivery;
    private final Scheduler quartz;
    private final EntityManager entityManager;

    DigestRunner(DigestPlanner planner, DigestDelivery delivery, Scheduler quartz, EntityManager entityManager) {
        this.planner = planner;
        this.delivery = delivery;
        this.quartz = quartz;
        this.entityManager = entityManager;
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

    /** Carries out a queued run; safe to call again for the same run after a crash. */
    public void execute(long runId) {
        DigestRun run = QuarkusTransaction.requiringNew().call(() -> {
            DigestRun found = DigestRun.findById(runId);
            if (found != null && !"finished".equals(found.state)) {
                found.state = "running";
                found.startedAt = found.startedAt == null ? Instant.now() : found.startedAt;
            }
            return found;
        });
        if (run == null || "finished".equals(run.state)) {
            return;
        }
        try {
            int decided = planner.plan(run.id, run.runAt, run.forced);
            markPlanned(run.id);
            int sent = delivery.deliverDue();
            LOG.infof("Digest run %d: %d digests decided, %d sent", run.id, decided, sent);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Digest run %d failed", runId);
            QuarkusTransaction.requiringNew().run(() -> {
                DigestRun failed = DigestRun.findById(runId);
                failed.state = "failed";
                failed.error = String.valueOf(e.getMessage());
                failed.finishedAt = Instant.now();
            });
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
            run.persist();
            return run.id;
        });
        if (planner.plan(runId, now, false) == 0) {
            QuarkusTransaction.requiringNew().run(() -> DigestRun.deleteById(runId));
        } else {
            markPlanned(runId);
        }
        delivery.deliverDue();
        finishSettledRuns();
    }

    private void markPlanned(long runId) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update digest_run set planned_at = now() where id = ?1").setParameter(1, runId).executeUpdate());
    }

    /** A run is finished once all its digests are decided and none is still waiting for a first send or being sent. */
    private void finishSettledRuns() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                update digest_run r set state = 'finished', finished_at = now()
                where r.state = 'running' and r.planned_at is not null
                  and not exists (select 1 from digest d where d.run_id = r.id and d.state in ('queued', 'sending'))""")
                .executeUpdate());
    }
}
