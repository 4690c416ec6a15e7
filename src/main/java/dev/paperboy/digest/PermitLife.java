package dev.paperboy.digest;

import java.util.List;

/**
 * Where an in-flight permit's time goes, summed over a delivery pass: from the end of a message's data (the permit
 * taken) to the relay's reply, the writer's queue, the group's gather, its SQL, its commit and the permit's release.
 * Only the outcome writer's thread touches it.
 */
final class PermitLife {

    /** One outcome in the writer's queue, with when its permit was taken (0 when none) and when it was queued. */
    record Queued(Outcomes.Outcome outcome, long endOfData, long queuedAt) {
    }

    private long messages;
    private long reply;
    private long queued;
    private long gathered;
    private long sql;
    private long commit;
    private long release;
    private long pickedSum;
    private long picked;

    /** The entries of the group from {@code from} on were just taken from the queue by the writer. */
    void picked(List<Queued> group, int from) {
        long now = System.nanoTime();
        for (int i = from; i < group.size(); i++) {
            Queued entry = group.get(i);
            if (entry.endOfData() != 0) {
                reply += entry.queuedAt() - entry.endOfData();
                queued += now - entry.queuedAt();
                pickedSum += now;
                picked++;
            }
        }
    }

    /** The group's SQL started, returned, committed and its permits were released at these moments. */
    void written(long sqlStart, long sqlDone, long committed, long released) {
        if (sqlStart <= sqlDone && sqlDone <= committed) {
            gathered += picked * sqlStart - pickedSum;
            sql += picked * (sqlDone - sqlStart);
            commit += picked * (committed - sqlDone);
            release += picked * (released - committed);
            messages += picked;
        }
        pickedSum = 0;
        picked = 0;
    }

    @Override
    public String toString() {
        long total = reply + queued + gathered + sql + commit + release;
        return String.format("Permit life, mean ms a sent message (%d): end of data to reply queued %.3f, to the writer"
                + " %.3f, gather %.3f, group SQL %.3f, commit %.3f, release %.3f; held %.3f", messages, ms(reply),
                ms(queued), ms(gathered), ms(sql), ms(commit), ms(release), ms(total));
    }

    private double ms(long nanos) {
        return messages == 0 ? 0 : nanos / 1e6 / messages;
    }
}
