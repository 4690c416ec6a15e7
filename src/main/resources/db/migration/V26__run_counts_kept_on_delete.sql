-- A run's figures are what it did, and stay when its digests' rows go: a subscriber who deletes themselves takes their
-- digests along (V11), and V22's delete trigger took them out of the run's counts too, so a finished run's report and
-- the console went from "due 1, sent 1" to "0, 0". The counts hold no personal data. Now a digest deleted after its
-- outcome (sent, empty, failed, cancelled) stays counted as it was, and one deleted before it (queued, sending,
-- retrying: it will never be sent) counts as cancelled, as a sender's check counts a digest whose subscriber is gone,
-- so the run still settles. Only the delete trigger changes; inserts and updates count as before.
create or replace function digest_run_count_deleted() returns trigger language plpgsql as $$
begin
    insert into digest_run_count as c (run_id, slot, queued, sending, retrying, cancelled)
    select * from (
        select run_id, pg_backend_pid(),
               -sum(case when state = 'queued' then 1 else 0 end),
               -sum(case when state = 'sending' then 1 else 0 end),
               -sum(case when state = 'retrying' then 1 else 0 end),
               sum(case when state in ('queued', 'sending', 'retrying') then 1 else 0 end)
        from deleted where run_id is not null group by run_id) g(run_id, slot, queued, sending, retrying, cancelled)
    where cancelled <> 0
    order by run_id
    on conflict (run_id, slot) do update
        set queued = c.queued + excluded.queued, sending = c.sending + excluded.sending,
            retrying = c.retrying + excluded.retrying, cancelled = c.cancelled + excluded.cancelled;
    return null;
end $$;
