-- "More like this" / "less like this" from a digest: one row per subscriber and paper (the newest choice wins, the
-- same choice again changes nothing). Ranking reads it with the subscriber's interests; the preferences page lists
-- it and undoes it (a delete). It goes with the subscriber, and with the paper.
create table paper_feedback (
    subscriber_id bigint      not null references subscriber (id) on delete cascade,
    paper_id      bigint      not null references paper (id) on delete cascade,
    more          boolean     not null,
    created_at    timestamptz not null default now(),
    primary key (subscriber_id, paper_id)
);
