-- When to look at a subscriber again (V10's next_due_at) moves out of subscriber into a narrow table of its own.
-- Planning writes it for every subscriber it looks at, and on subscriber that write could never be HOT: the column is
-- indexed, so each one wrote a new version of the whole row and an entry in all five of its indexes (pkey, state,
-- due, email, token): 161,000 WAL records and ~0.6-0.9 s for 20,000 subscribers, against 80,000 and ~0.2 s here
-- (its key and the due index). The planner keeps locking the subscriber's row while it decides, so nothing else
-- changes about who decides when.
--
-- Every subscriber has a row. 'infinity' for anyone not active (never due: the clock's pass walks the due index
-- from its start and never reaches them); '-infinity' means "look now". As before (V10), any change to a subscriber's
-- row puts their look back to now (or to never, once they are not active), so a stale value can only bring an early
-- look, never a missed digest; only the planner writes a look in between, and only for active subscribers it has
-- locked.
create table subscriber_look (
    subscriber_id bigint      primary key references subscriber (id) on delete cascade,
    next_due_at   timestamptz not null
);

-- a running install's looks are carried over as they are
insert into subscriber_look (subscriber_id, next_due_at)
select id, case when state = 'active' then next_due_at else 'infinity' end from subscriber;

create index subscriber_look_due on subscriber_look (next_due_at);

drop trigger subscriber_look_again on subscriber;
drop function subscriber_look_again();
drop index subscriber_due;
alter table subscriber drop column next_due_at;

-- new subscribers: an active one is due now, anyone else never until their row changes
create function subscriber_look_added() returns trigger language plpgsql as $$
begin
    insert into subscriber_look (subscriber_id, next_due_at)
    select id, case when state = 'active' then '-infinity'::timestamptz else 'infinity' end from added;
    return null;
end $$;

create trigger subscriber_look_added after insert on subscriber referencing new table as added
    for each statement execute function subscriber_look_added();

-- any change of a subscriber: look now if active, else never; by probes of the key (a statement of a trigger keeps
-- its first plan on a connection, and a join could be planned as a hash over the whole table, see V20)
create function subscriber_look_again() returns trigger language plpgsql as $$
begin
    update subscriber_look set next_due_at = '-infinity'
    where subscriber_id = any (array(select id from changed where state = 'active')) and next_due_at <> '-infinity';
    update subscriber_look set next_due_at = 'infinity'
    where subscriber_id = any (array(select id from changed where state <> 'active')) and next_due_at <> 'infinity';
    return null;
end $$;

create trigger subscriber_look_again after update on subscriber referencing new table as changed
    for each statement execute function subscriber_look_again();
