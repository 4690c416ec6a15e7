-- A node keeps the papers its mails show (title, authors, link: ShownPaperCache) across batches and runs, and asks
-- before each batch whether any paper changed since it read them: the sum of this table. Every statement that
-- updates, deletes or truncates papers, whoever runs it (an import's new version, an operator's correction), adds one
-- to its session's own row (slot = backend pid, as digest_run_count: no two writers share a row, so none waits for
-- another). The sum only grows, and a change and its count commit together, so a sum equal to the one a node read
-- before reading papers means that nothing changed since. The revision alone cannot tell: it moves with what matching
-- reads (title, abstract), not with the authors or the link.
create table paper_change (
    slot    int primary key,
    changes bigint not null
);

create function paper_changed() returns trigger language plpgsql as $$
begin
    insert into paper_change as c (slot, changes) values (pg_backend_pid(), 1)
    on conflict (slot) do update set changes = c.changes + 1;
    return null;
end $$;

create trigger paper_changed_by_update after update on paper for each statement execute function paper_changed();
create trigger paper_changed_by_delete after delete on paper for each statement execute function paper_changed();
create trigger paper_changed_by_truncate after truncate on paper for each statement execute function paper_changed();
