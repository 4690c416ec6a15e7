-- The paper sources Paperboy polls on its own, shared by every node; each is also a Quartz job named after it.

create table paper_source (
    name            varchar(40)   primary key check (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
    kind            varchar(16)   not null check (kind in ('arxiv-api', 'arxiv-rss', 'arxiv-oai', 'huggingface', 'feed')),
    url             varchar(2000) not null,
    query           varchar(1000),                 -- arxiv-api: the search; arxiv-rss: the categories
    set_spec        varchar(100),                  -- arxiv-oai: the OAI set
    every_seconds   bigint check (every_seconds >= 60),   -- null: the kind's default schedule
    enabled         boolean       not null,
    origin          varchar(8)    not null check (origin in ('api', 'config')),
    created_at      timestamptz   not null default now(),
    changed_at      timestamptz   not null default now(),

    -- what the next poll starts from
    etag            varchar(1000),                 -- feeds: conditional GET
    last_modified   varchar(100),
    harvest_from    date,                          -- arxiv-oai: the day the last complete harvest started

    -- what the operator sees
    last_poll_at    timestamptz,
    last_success_at timestamptz,
    last_error_at   timestamptz,
    last_error      text,
    last_added      int,
    total_added     bigint        not null default 0,
    failures        int           not null default 0,   -- failed polls in a row
    not_before      timestamptz,                   -- the server asked (Retry-After) not to be polled before this

    -- one poll of a source at a time in the whole cluster: the holder's writes are fenced by its id
    lease_holder    varchar(36),
    lease_until     timestamptz
);

-- When each host may next be asked: every node reserves its turn here, so the pace holds across the cluster.
create table request_pace (
    host    varchar(64) primary key,
    next_at timestamptz not null
);
insert into request_pace (host, next_at) values ('arxiv', '-infinity');
