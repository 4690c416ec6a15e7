package dev.paperboy.digest;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Progress and result of one run, counted from its shards and its digests' counts by state (kept as they are written,
 * so that a report costs the same for a run of ten digests or a million): {@code shards} and {@code shardsPlanned} while
 * it decides (a shard is a range of subscribers any node may plan), {@code due} digests decided so far and where
 * they stand ({@code pending} = {@code queued} + {@code sending}); {@code undecided} counts the subscribers whose
 * digest could not be decided (the run then ends failed, with the first reason in {@code error}). It is
 * {@code finished} once every shard is planned and every digest is sent, failed, or waiting for a retry.
 */
public record RunReport(long id, String state, boolean forced, Instant runAt, Instant startedAt, Instant finishedAt,
                        long shards, long shardsPlanned, long due, long sent, long skippedEmpty, long failed,
                        long retrying, long pending, long queued, long sending, long cancelled, long undecided,
                        String error) {

    public static Optional<RunReport> of(long runId) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(DigestRun.<DigestRun>findById(runId))
                .map(RunReport::counted));
    }

    /** The latest runs, newest first, each counted as {@link #of} does. */
    public static List<RunReport> recent(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> DigestRun.<DigestRun>find("order by id desc")
                .page(0, limit).list().stream().map(RunReport::counted).toList());
    }

    private static RunReport counted(DigestRun run) {
        Object[] c = (Object[]) Digest.getEntityManager().createNativeQuery("""
                        select coalesce(sum(sent), 0), coalesce(sum(empty), 0), coalesce(sum(failed), 0),
                               coalesce(sum(retrying), 0), coalesce(sum(queued), 0), coalesce(sum(sending), 0),
                               coalesce(sum(cancelled), 0)
                        from digest_run_count where run_id = ?1""")
                .setParameter(1, run.id).getSingleResult();
        long[] counts = new long[c.length];
        long due = 0;
        for (int i = 0; i < c.length; i++) {
            counts[i] = ((Number) c[i]).longValue();
            due += counts[i];
        }
        Object[] shards = (Object[]) Digest.getEntityManager().createNativeQuery("""
                        select count(*), count(planned_at), coalesce(sum(undecided), 0)
                        from digest_run_shard where run_id = ?1""")
                .setParameter(1, run.id).getSingleResult();
        long undecided = run.undecided > 0 ? run.undecided : ((Number) shards[2]).longValue();
        return new RunReport(run.id, run.state, run.forced, run.runAt, run.startedAt, run.finishedAt,
                ((Number) shards[0]).longValue(), ((Number) shards[1]).longValue(), due, counts[0], counts[1],
                counts[2], counts[3], counts[4] + counts[5], counts[4], counts[5], counts[6], undecided, run.error);
    }
}
