package dev.paperboy.digest;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Progress and result of one run, counted from its digests; {@code undecided} counts the subscribers whose digest
 * could not be decided (the run then ends failed, with the first reason in {@code error}).
 */
public record RunReport(long id, String state, boolean forced, Instant runAt, Instant startedAt, Instant finishedAt,
                        long due, long sent, long skippedEmpty, long failed, long retrying, long pending,
                        long cancelled, long undecided, String error) {

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
        List<Object[]> rows = Digest.getEntityManager()
                .createQuery("select d.state, count(d) from Digest d where d.runId = ?1 group by d.state", Object[].class)
                .setParameter(1, run.id).getResultList();
        long[] counts = new long[7];
        List<String> states = List.of("sent", "empty", "failed", "retrying", "queued", "sending", "cancelled");
        long due = 0;
        for (Object[] row : rows) {
            long n = ((Number) row[1]).longValue();
            counts[states.indexOf((String) row[0])] += n;
            due += n;
        }
        return new RunReport(run.id, run.state, run.forced, run.runAt, run.startedAt, run.finishedAt,
                due, counts[0], counts[1], counts[2], counts[3], counts[4] + counts[5], counts[6], run.undecided, run.error);
    }

}
