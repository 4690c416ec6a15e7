-- A batch of digests' papers no longer locks the papers it names. V18/V19's check locked each distinct paper of a
-- batch FOR KEY SHARE, as a foreign key would, so that a paper could not be deleted while a list naming it was being
-- written: about 970 paper rows locked a planning batch, 79,660 WAL records and as many dirtied tuples in a run of
-- 20,000, and two planners locking the same papers at once share them through a multixact. Papers are deleted only
-- by an operator's SQL, rarely; lists are written all the time. So the rare side waits now: a statement deleting
-- papers takes digest_paper_list in SHARE mode before it looks for lists naming them. That waits until every
-- transaction writing lists has ended and keeps new ones out until it ends, so its look (a statement of its own, with
-- a snapshot taken after the lock, under READ COMMITTED) sees every list that could name a deleted paper, and a list
-- written after it sees the papers gone. A deletion in a REPEATABLE READ or SERIALIZABLE transaction would look with
-- a snapshot older than its lock and could miss a list: it is refused. A list written in such a transaction still
-- locks its papers as before, since its look at them may be older than a deletion.
create or replace function digest_paper_list_parents_exist() returns trigger language plpgsql as $$
declare
    own xid := pg_current_xact_id()::xid;
    lists bigint;
    papers bigint[];
    found bigint;
begin
    select count(*) into lists from new_lists;
    papers := array(select distinct id from new_lists, unnest(paper_ids) as u(id));
    if current_setting('transaction_isolation') = 'read committed' then
        select count(*) into found from paper p where p.id = any (papers);
    else
        select count(*) into found from (select 1 from paper p where p.id = any (papers) for key share) p;
    end if;
    if lists <> (select count(*)
                 from (select d.id, d.subscriber_id from digest d
                       where d.id = any (array(select digest_id from new_lists)) and d.xmin = own) d
                 join new_lists n on n.digest_id = d.id and n.subscriber_id = d.subscriber_id)
                + (select count(*)
                   from (select d.id, d.subscriber_id from digest d
                         where d.id = any (array(select digest_id from new_lists)) and not d.xmin = own
                         for key share) d
                   join new_lists n on n.digest_id = d.id and n.subscriber_id = d.subscriber_id)
       or found <> cardinality(papers) then
        raise foreign_key_violation using message = 'digest_paper_list: its digest or a paper of it does not exist';
    end if;
    return null;
end $$;

create or replace function paper_in_a_digest() returns trigger language plpgsql as $$
declare
    kept bigint;
begin
    if current_setting('transaction_isolation') <> 'read committed' then
        raise object_not_in_prerequisite_state using message = 'papers are deleted in a READ COMMITTED transaction'
            || ' only: under ' || current_setting('transaction_isolation') || ' the check for digests that name them'
            || ' could miss one written meanwhile';
    end if;
    lock table digest_paper_list in share mode;
    select o.id into kept from digest_paper_list l cross join lateral unnest(l.paper_ids) as u(id)
        join old_papers o on o.id = u.id limit 1;
    if kept is not null then
        raise foreign_key_violation using message = 'paper ' || kept || ' is in a digest';
    end if;
    return null;
end $$;
