-- The digests still to send (queued, retrying, or being sent) in a small table of their own, so that a digest's row is
-- updated HOT (heap-only: no index written) when it is claimed and when its outcome is recorded. With `state` in the
-- predicates of V10's partial indexes, every claim and every outcome wrote all eight indexes of the row again (about
-- 11 and 7 WAL records a digest). Claims read this table in id order; superseding finds a person's unsent digests by
-- its subscriber index; a digest leaves it when it is sent, failed, cancelled or deleted.
--
-- Triggers keep it, whoever writes the digest (the planner, senders, an operator's SQL, the tests): one statement
-- each, over the rows the statement changed. A digest row that moves back to an unsent state comes back into it.
create table digest_queue (
    digest_id     bigint primary key,
    subscriber_id bigint not null
);
create index digest_queue_by_subscriber on digest_queue (subscriber_id);

-- a running install's queued, retrying and sending digests are carried over
insert into digest_queue (digest_id, subscriber_id)
select id, subscriber_id from digest where state in ('queued', 'retrying', 'sending');

drop index digest_unsent;
drop index digest_unsent_by_subscriber;

create function digest_queue_inserted() returns trigger language plpgsql as $$
begin
    insert into digest_queue (digest_id, subscriber_id)
    select id, subscriber_id from inserted where state in ('queued', 'retrying', 'sending');
    return null;
end $$;

create trigger digest_queue_inserted after insert on digest referencing new table as inserted
    for each statement execute function digest_queue_inserted();

create function digest_queue_updated() returns trigger language plpgsql as $$
begin
    delete from digest_queue q using updated n
    where q.digest_id = n.id and n.state not in ('queued', 'retrying', 'sending');
    insert into digest_queue (digest_id, subscriber_id)
    select n.id, n.subscriber_id from updated n join before_update o on o.id = n.id
    where n.state in ('queued', 'retrying', 'sending') and o.state not in ('queued', 'retrying', 'sending')
    on conflict (digest_id) do nothing;
    return null;
end $$;

create trigger digest_queue_updated after update on digest referencing old table as before_update new table as updated
    for each statement execute function digest_queue_updated();

create function digest_queue_deleted() returns trigger language plpgsql as $$
begin
    delete from digest_queue q using deleted o where q.digest_id = o.id;
    return null;
end $$;

create trigger digest_queue_deleted after delete on digest referencing old table as deleted
    for each statement execute function digest_queue_deleted();

-- room on each page for the row's next versions: a claim of 50 digests in id order updates most rows of a page at
-- once, and a HOT update needs the new version on the same page (pruning frees the old ones afterwards)
alter table digest set (fillfactor = 50);

-- V18's checks of a batch of lists, by probes of the keys: the joins they were planned as walked the digest's primary
-- key from its first id to the batch's (12 ms a batch at 20,000 digests, longer with every run) and scanned every
-- paper. Each digest and each distinct paper is looked up once and counted: a digest missing, of another subscriber,
-- or a paper missing (or deleted meanwhile) fails the statement. They are locked FOR KEY SHARE as a foreign key would
-- (a concurrent delete waits), except the digests this transaction inserted itself (the planner's, always): nobody
-- else can delete those before it commits, and locking each wrote a WAL record.
create or replace function digest_paper_list_parents_exist() returns trigger language plpgsql as $$
declare
    own xid := pg_current_xact_id()::xid;
    lists bigint;
    papers bigint;
begin
    select count(*), (select count(distinct id) from new_lists, unnest(paper_ids) as u(id)) into lists, papers
    from new_lists;
    if lists <> (select count(*)
                 from (select d.id, d.subscriber_id from digest d
                       where d.id = any (array(select digest_id from new_lists)) and d.xmin = own) d
                 join new_lists n on n.digest_id = d.id and n.subscriber_id = d.subscriber_id)
                + (select count(*)
                   from (select d.id, d.subscriber_id from digest d
                         where d.id = any (array(select digest_id from new_lists)) and not d.xmin = own
                         for key share) d
                   join new_lists n on n.digest_id = d.id and n.subscriber_id = d.subscriber_id)
       or papers <> (select count(*)
                     from (select 1 from paper p
                           where p.id = any (array(select distinct id from new_lists, unnest(paper_ids) as u(id)))
                           for key share) p) then
        raise foreign_key_violation using message = 'digest_paper_list: its digest or a paper of it does not exist';
    end if;
    return null;
end $$;
