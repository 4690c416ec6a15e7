-- Every insert of a paper, and every change of what matching reads (title, abstract, ingested_at), takes a new
-- revision from one sequence, whoever writes it: an import, an in-place update to a new version, an operator's SQL.
-- The matching index compares the count and the sum of the revisions of its window with the table's, so it sees
-- every change, a transaction that commits after a later one included (which a max(id) cannot).
create sequence paper_revision;

alter table paper add column revision bigint not null default nextval('paper_revision');

create function paper_next_revision() returns trigger language plpgsql as $$
begin
    new.revision := nextval('paper_revision');
    return new;
end $$;

create trigger paper_revision_on_insert before insert on paper
    for each row execute function paper_next_revision();
create trigger paper_revision_on_change before update on paper
    for each row when (old.title is distinct from new.title or old.abstract is distinct from new.abstract
                       or old.ingested_at is distinct from new.ingested_at)
    execute function paper_next_revision();

-- the window's count and sum come from the index alone; it serves every lookup by ingested_at the old one did
create index paper_window on paper (ingested_at) include (revision);
drop index paper_by_ingested_at;
