-- Planning and sending at the speed of the relay: the clock's pass finds who is due with one index scan, a run is
-- split into shards (ranges of subscriber ids) that any node may plan, and senders claim and record in batches.

-- When the planner should look at an active subscriber again: the earliest instant their next digest can be due
-- (their delivery hour later today, or the next local midnight). Any change to the row that does not set this
-- column itself (new preferences, a pause ended, a confirmation, whoever writes it) resets it to "look now", so a
-- stale value can only bring an early look, never a missed digest.
alter table subscriber add column next_due_at timestamptz not null default '-infinity';
create index subscriber_due on subscriber (next_due_at) where state = 'active';

create function subscriber_look_again() returns trigger language plpgsql as $$
begin
    new.next_due_at := '-infinity';
    return new;
end $$;

create trigger subscriber_look_again before update on subscriber
    for each row when (new.next_due_at is not distinct from old.next_due_at)
    execute function subscriber_look_again();

-- A subscriber's history, read a few hundred subscribers at a time: the last decision, and the end of the last
-- digest that went out, are each one step down an index however many digests a person has had.
create index digest_decided on digest (subscriber_id, decided_as_of);
create index digest_window on digest (subscriber_id, papers_until);
-- the digests still to send (or being sent), by subscriber for superseding, and in id order for claiming
create index digest_unsent_by_subscriber on digest (subscriber_id) where state in ('queued', 'retrying', 'sending');
create index digest_unsent on digest (id) where state in ('queued', 'retrying', 'sending');
drop index digest_claimable;

-- The end of a run's paper window, read once when the run starts, so that all its shards rank the same papers.
alter table digest_run add column papers_until timestamptz;

-- One shard of a run: the subscribers with ids in [first_id, last_id], planned by one Quartz job on any node.
create table digest_run_shard (
    run_id      bigint      not null references digest_run (id),
    shard       int         not null,
    first_id    bigint      not null,
    last_id     bigint      not null,
    subscribers int         not null,               -- candidates when the run was split
    done_through bigint,                            -- the last subscriber id planned, so a resumed shard goes on
    decided     int         not null default 0,
    undecided   int         not null default 0,
    error       text,
    planned_at  timestamptz,
    primary key (run_id, shard)
);
