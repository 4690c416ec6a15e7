-- A run's digests counted by state as they are written, so that its report (asked once a second while a run sends) and
-- the check whether it is settled read a few rows rather than every digest of the run: `select state, count(*) from
-- digest where run_id = ? group by state` walked the whole run each time (at 100,000 digests 132-170 calls, 7-11 s,
-- 12-15 % of all statement time in a run).
--
-- Each database session adds into its own row of the run (slot = its backend's process id, never 0), so two writers
-- never wait for each other's row or deadlock on it; a run's counts are the sum over its slots. Triggers keep them,
-- whoever writes digest (the planner, senders, an operator's SQL, a subscriber's deletion).
create table digest_run_count (
    run_id    bigint not null references digest_run (id) on delete cascade,
    slot      int    not null,
    queued    bigint not null default 0,
    sending   bigint not null default 0,
    retrying  bigint not null default 0,
    sent      bigint not null default 0,
    empty     bigint not null default 0,
    failed    bigint not null default 0,
    cancelled bigint not null default 0,
    primary key (run_id, slot)
);

-- the digests written so far, in slot 0
insert into digest_run_count (run_id, slot, queued, sending, retrying, sent, empty, failed, cancelled)
select run_id, 0, count(*) filter (where state = 'queued'), count(*) filter (where state = 'sending'),
       count(*) filter (where state = 'retrying'), count(*) filter (where state = 'sent'),
       count(*) filter (where state = 'empty'), count(*) filter (where state = 'failed'),
       count(*) filter (where state = 'cancelled')
from digest where run_id is not null group by run_id;

-- Each trigger is one statement over its transition tables, grouped by run (a planning batch's insert or a group of
-- outcomes touches one run): nothing joined, so the plan a session keeps is the same for a few rows or many.
create function digest_run_count_inserted() returns trigger language plpgsql as $$
begin
    insert into digest_run_count as c (run_id, slot, queued, sending, retrying, sent, empty, failed, cancelled)
    select run_id, pg_backend_pid(),
           sum(case when state = 'queued' then 1 else 0 end),
           sum(case when state = 'sending' then 1 else 0 end),
           sum(case when state = 'retrying' then 1 else 0 end),
           sum(case when state = 'sent' then 1 else 0 end),
           sum(case when state = 'empty' then 1 else 0 end),
           sum(case when state = 'failed' then 1 else 0 end),
           sum(case when state = 'cancelled' then 1 else 0 end)
    from inserted where run_id is not null group by run_id order by run_id
    on conflict (run_id, slot) do update
        set queued = c.queued + excluded.queued, sending = c.sending + excluded.sending,
            retrying = c.retrying + excluded.retrying, sent = c.sent + excluded.sent,
            empty = c.empty + excluded.empty, failed = c.failed + excluded.failed,
            cancelled = c.cancelled + excluded.cancelled;
    return null;
end $$;

create trigger digest_run_count_inserted after insert on digest referencing new table as inserted
    for each statement execute function digest_run_count_inserted();

-- an update counts each row -1 in its old run and state and +1 in its new ones; a run whose counts do not move (a
-- lease renewed, a digest retried again) is not written
create function digest_run_count_updated() returns trigger language plpgsql as $$
begin
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

create trigger digest_run_count_updated after update on digest
    referencing old table as before_update new table as updated
    for each statement execute function digest_run_count_updated();

create function digest_run_count_deleted() returns trigger language plpgsql as $$
begin
    insert into digest_run_count as c (run_id, slot, queued, sending, retrying, sent, empty, failed, cancelled)
    select run_id, pg_backend_pid(),
           sum(case when state = 'queued' then -1 else 0 end),
           sum(case when state = 'sending' then -1 else 0 end),
           sum(case when state = 'retrying' then -1 else 0 end),
           sum(case when state = 'sent' then -1 else 0 end),
           sum(case when state = 'empty' then -1 else 0 end),
           sum(case when state = 'failed' then -1 else 0 end),
           sum(case when state = 'cancelled' then -1 else 0 end)
    from deleted where run_id is not null group by run_id order by run_id
    on conflict (run_id, slot) do update
        set queued = c.queued + excluded.queued, sending = c.sending + excluded.sending,
            retrying = c.retrying + excluded.retrying, sent = c.sent + excluded.sent,
            empty = c.empty + excluded.empty, failed = c.failed + excluded.failed,
            cancelled = c.cancelled + excluded.cancelled;
    return null;
end $$;

create trigger digest_run_count_deleted after delete on digest referencing old table as deleted
    for each statement execute function digest_run_count_deleted();
