package dev.paperboy.digest;

/**
 * The statements by which planning reads and reopens a batch's digest history, each written so that its only plan
 * probes one subscriber's digests at a time by key, whatever the planner believes about the tables (see
 * HistoryPlanTest).
 */
final class HistoryStatements {

    /**
     * A forced run's reopening of the periods decided empty, each found by its key (subscriber, period, zone). The
     * subquery's {@code offset 0} keeps it a probe for each row of the batch: joined to the arrays as a table, with no
     * statistics on digest yet, it was hashed over a scan of every digest, for each batch.
     */
    static final String REOPEN_EMPTY = """
            delete from digest d
            where d.id = any (array(
                select e.id from unnest(?::bigint[], ?::text[], ?::text[]) as k(id, period, zone)
                cross join lateral (select d.id from digest d
                                    where d.subscriber_id = k.id and d.period = k.period and d.zone = k.zone
                                      and d.state = 'empty' offset 0) e))""";

    /**
     * The papers already in a digest of each of a batch's subscribers whose window ends after {@code ?}: each
     * subscriber's digests found by the window index and each list by its key, for the same reason as
     * {@link #REOPEN_EMPTY}.
     */
    static final String TAKEN = """
            select k.id, unnest(l.paper_ids) from unnest(?::bigint[]) as k(id)
            cross join lateral (select d.id from digest d
                                where d.subscriber_id = k.id and d.papers_until > ?::timestamptz offset 0) d
            cross join lateral (select l.paper_ids from digest_paper_list l where l.digest_id = d.id offset 0) l""";

    /**
     * A batch's past, each subscriber's rows probed by key. Whether the period has its digest is asked as a scalar
     * subquery (the unique key allows one row at most), not as {@code exists}: the planner may turn an {@code exists}
     * into a hash of every digest of every subscriber, built again for each batch (with no statistics on digest yet,
     * a fresh install's first run, it did: a scan of the whole table a batch, growing with each batch decided).
     */
    static final String PAST = """
            select k.id,
                   coalesce((select true from digest d where d.subscriber_id = k.id and d.period = k.period
                                                        and d.zone = k.zone), false),
                   (select max(d.decided_as_of) from digest d where d.subscriber_id = k.id),
                   s.settled,
                   (select min(d.papers_since) from digest d where d.subscriber_id = k.id and s.settled is null)
            from unnest(?::bigint[], ?::text[], ?::text[]) as k(id, period, zone)
            cross join lateral (select max(d.papers_until) as settled from digest d
                                where d.subscriber_id = k.id and d.state in ('sent', 'empty')) s""";

    /**
     * A batch's unsent digests, locked in id order: the queue's rows of its subscribers (the queue holds only unsent
     * digests; the planner may still scan it when it believes it small), then each digest by its key, locked there.
     * Written as a join, it was planned as a scan of every digest with the queue probed for each: statistics taken
     * while every digest was sent say no digest is unsent, so on a second day every batch of 250 read the whole table
     * (7-9 ms a batch at 40,000 digests against 0.4 ms, growing with every day's digests). The lock inside the subquery
     * keeps it a probe of digest for each row of the queue.
     */
    static final String UNSENT = """
            select d.id, d.subscriber_id, d.state, d.period, d.zone
            from (select q.digest_id from digest_queue q where q.subscriber_id = any (?) order by q.digest_id) q
            cross join lateral (select d.id, d.subscriber_id, d.state, d.period, d.zone from digest d
                                where d.id = q.digest_id and d.state in ('queued', 'retrying', 'sending')
                                for update) d
            order by d.id""";

    private HistoryStatements() {
    }
}
