-- An update of digest (each group of outcomes, each claim) fired two statement triggers over the same transition
-- tables: V20's digest_queue_updated and V22's digest_run_count_updated. A group of 14 outcomes' update runs in about
-- 0.15 ms and its triggers took as long again (0.16-0.25 ms for the two, 0.06 ms of it their statements: each call of
-- a PL/pgSQL trigger has its own setup); one function running the same statements in the same order (the queue
-- first, then the run's counts) took 0.13-0.15 ms. What they write is unchanged.
create function digest_updated() returns trigger language plpgsql as $$
begin
    delete from digest_queue q
    where q.digest_id = any (array(select n.id from updated n where n.state not in ('queued', 'retrying', 'sending')));
    insert into digest_queue (digest_id, subscriber_id)
    select n.id, n.subscriber_id from updated n join before_update o on o.id = n.id
    where n.state in ('queued', 'retrying', 'sending') and o.state not in ('queued', 'retrying', 'sending')
    on conflict (digest_id) do nothing;
    -- each row -1 in its old run and state and +1 in its new ones; a run whose counts do not move is not written
    insert into digest_run_count as c (run_id, slot, queued, sending, retrying, sent, empty, failed, cancelled)
    select * from (
        select run_id, pg_backend_pid(),
               sum(case when state = 'queued' then n else 0 end),
               sum(case when state = 'sending' then n else 0 end),
               sum(case when state = 'retrying' then n else 0 end),
               sum(case when state = 'sent' then n else 0 end),
               sum(case when state = 'empty' then n else 0 end),
               sum(case when state = 'failed' then n else 0 end),
               sum(case when state = 'cancelled' then n else 0 end)
        from (select run_id, state, 1 as n from updated
              union all select run_id, state, -1 from before_update) t
        where run_id is not null group by run_id) g(run_id, slot, queued, sending, retrying, sent, empty, failed, cancelled)
    where (queued, sending, retrying, sent, empty, failed, cancelled) <> (0, 0, 0, 0, 0, 0, 0)
    order by run_id
    on conflict (run_id, slot) do update
        set queued = c.queued + excluded.queued, sending = c.sending + excluded.sending,
            retrying = c.retrying + excluded.retrying, sent = c.sent + excluded.sent,
            empty = c.empty + excluded.empty, failed = c.failed + excluded.failed,
            cancelled = c.cancelled + excluded.cancelled;
    return null;
end $$;

drop trigger digest_queue_updated on digest;
drop trigger digest_run_count_updated on digest;
drop function digest_queue_updated();
drop function digest_run_count_updated();

create trigger digest_updated after update on digest
    referencing old table as before_update new table as updated
    for each statement execute function digest_updated();
