-- digest_paper is the planner's bulk write (tens of rows per digest). Its three row-level foreign keys ran three
-- lookups, each locking its parent row, per row: two thirds of a batch's insert time in PostgreSQL. The same
-- guarantees, checked once per statement over all rows written (a transition table):
--   a row's digest and paper exist (locked FOR KEY SHARE as the foreign keys did, so a concurrent delete waits);
--   deleting a digest deletes its papers (was ON DELETE CASCADE), so deleting a subscriber still removes them;
--   a paper in a digest cannot be deleted (was the default NO ACTION);
--   the subscriber_id key is dropped: it is the digest's subscriber, whose deletion cascades through the digest.
alter table digest_paper drop constraint digest_paper_subscriber_id_fkey,
    drop constraint digest_paper_paper_id_fkey,
    drop constraint digest_paper_digest_id_fkey;

create function digest_paper_parents_exist() returns trigger language plpgsql as $$
begin
    perform 1 from digest d where d.id in (select digest_id from new_papers) for key share;
    perform 1 from paper p where p.id in (select paper_id from new_papers) for key share;
    if exists (select 1 from new_papers n
               where not exists (select 1 from digest d where d.id = n.digest_id)
                  or not exists (select 1 from paper p where p.id = n.paper_id)) then
        raise foreign_key_violation using message = 'digest_paper: its digest or its paper does not exist';
    end if;
    return null;
end $$;
create trigger digest_paper_parents_exist after insert on digest_paper referencing new table as new_papers
    for each statement execute function digest_paper_parents_exist();

create function digest_deleted_with_papers() returns trigger language plpgsql as $$
begin
    delete from digest_paper where digest_id in (select id from old_digests);
    return null;
end $$;
create trigger digest_deleted_with_papers after delete on digest referencing old table as old_digests
    for each statement execute function digest_deleted_with_papers();

create function paper_in_a_digest() returns trigger language plpgsql as $$
begin
    if exists (select 1 from digest_paper where paper_id = old.id) then
        raise foreign_key_violation using message = 'paper ' || old.id || ' is in a digest';
    end if;
    return old;
end $$;
create trigger paper_in_a_digest before delete on paper for each row execute function paper_in_a_digest();
