-- A digest's papers as one row of arrays, best first, instead of one row per paper. A digest holds ~25 matched papers
-- (up to 50) and its mail shows 10: a row per paper was 25 heap rows and 50 btree entries per digest, the largest
-- part of PostgreSQL's work in planning (pg_stat_statements, 20,000 digests: the COPY of 505,752 rows 6.5 s and
-- 1.1 M WAL records), and the "already sent" check joined them with a scan of the whole table, longer with every run.
-- Readers keep reading digest_paper, now a view with the same columns, rows and order; the planner's "already sent"
-- check reads paper_ids alone. Nothing is lost: every existing row moves into its digest's list, in its order.
--
-- The old table's unique (subscriber_id, paper_id) is not carried over (a key cannot look into arrays): the planner
-- reads the papers already in a subscriber's digests and leaves them out, holding that subscriber's row locked
-- (SubscriberHistory.load) until its digest is written, so two planners never decide for one person at once.
create table digest_paper_list (
    digest_id     bigint    primary key,
    subscriber_id bigint    not null,     -- the digest's subscriber (checked below), so readers need no join
    paper_ids     bigint[]  not null,
    scores        real[]    not null,
    reasons       text[]    not null,
    interests     text[]    not null,     -- elements null for papers decided before V9_1 and for trending ones
    trending      boolean[] not null,
    check (cardinality(paper_ids) > 0 and cardinality(scores) = cardinality(paper_ids)
           and cardinality(reasons) = cardinality(paper_ids) and cardinality(interests) = cardinality(paper_ids)
           and cardinality(trending) = cardinality(paper_ids))
);

insert into digest_paper_list (digest_id, subscriber_id, paper_ids, scores, reasons, interests, trending)
select digest_id, min(subscriber_id), array_agg(paper_id order by position, paper_id),
       array_agg(score order by position, paper_id), array_agg(reason order by position, paper_id),
       array_agg(interest order by position, paper_id), array_agg(trending order by position, paper_id)
from digest_paper group by digest_id;

drop trigger paper_in_a_digest on paper;
drop function paper_in_a_digest();
drop table digest_paper;
drop function digest_paper_parents_exist();

-- What every reader saw before: one row per paper, position counted from 0.
create view digest_paper as
select l.digest_id, l.subscriber_id, p.paper_id, (p.n - 1)::int as position, p.score, p.reason, p.interest, p.trending
from digest_paper_list l
cross join lateral unnest(l.paper_ids, l.scores, l.reasons, l.interests, l.trending)
    with ordinality as p(paper_id, score, reason, interest, trending, n);

-- V17's guarantees, once per statement: a list's digest (of that subscriber) and papers exist, locked FOR KEY SHARE as
-- a foreign key would (a concurrent delete waits); deleting a digest deletes its list; a paper in a list cannot go.
create function digest_paper_list_parents_exist() returns trigger language plpgsql as $$
begin
    perform 1 from digest d where d.id in (select digest_id from new_lists) for key share;
    perform 1 from paper p where p.id in (select unnest(paper_ids) from new_lists) for key share;
    if exists (select 1 from new_lists n left join digest d on d.id = n.digest_id
               where d.id is null or d.subscriber_id <> n.subscriber_id)
       or exists (select 1 from (select unnest(paper_ids) as id from new_lists) n
                  where not exists (select 1 from paper p where p.id = n.id)) then
        raise foreign_key_violation using message = 'digest_paper_list: its digest or a paper of it does not exist';
    end if;
    return null;
end $$;
create trigger digest_paper_list_parents_exist after insert on digest_paper_list referencing new table as new_lists
    for each statement execute function digest_paper_list_parents_exist();

create or replace function digest_deleted_with_papers() returns trigger language plpgsql as $$
begin
    delete from digest_paper_list where digest_id in (select id from old_digests);
    return null;
end $$;

-- Papers are deleted rarely (an operator's SQL): one look through the lists per statement, not one per paper.
create function paper_in_a_digest() returns trigger language plpgsql as $$
declare
    kept bigint;
begin
    select o.id into kept from digest_paper_list l cross join lateral unnest(l.paper_ids) as u(id)
        join old_papers o on o.id = u.id limit 1;
    if kept is not null then
        raise foreign_key_violation using message = 'paper ' || kept || ' is in a digest';
    end if;
    return null;
end $$;
create trigger paper_in_a_digest after delete on paper referencing old table as old_papers
    for each statement execute function paper_in_a_digest();
