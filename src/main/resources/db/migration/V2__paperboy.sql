-- Paperboy's own tables. Every timestamp is UTC (timestamptz).

create table subscriber (
    id              bigserial primary key,
    -- random, 128 bits, base64url; the subject of every link token, which is an HMAC under a secret kept outside the database
    token_key       varchar(32)  not null unique,
    email           varchar(254) not null,
    email_key       varchar(254) not null unique,   -- lower-cased address: one subscription per mailbox
    state           varchar(16)  not null check (state in ('pending', 'active', 'paused', 'unsubscribed')),
    interests       text[]       not null,
    cadence         varchar(8)   not null check (cadence in ('daily', 'weekly')),
    hour            smallint     not null check (hour between 0 and 23),
    timezone        varchar(64)  not null,
    created_at      timestamptz  not null default now(),
    confirmed_at    timestamptz,
    unsubscribed_at timestamptz,
    -- sign-up mails (confirm / already subscribed) sent in the hour from signup_mails_since: the form mails no
    -- address more than a few times an hour, however often someone submits it
    signup_mails       smallint    not null default 0,
    signup_mails_since timestamptz
);
create index subscriber_by_state on subscriber (state);

create table paper (
    id          bigserial primary key,
    external_id varchar(200) unique,               -- the source's id (arXiv id, DOI, ...), when it has one
    title_key   text         not null unique,      -- normalized title: the same paper from two sources is one paper
    title       varchar(600) not null,
    abstract    text         not null,
    authors     text[]       not null default '{}',
    categories  text[]       not null default '{}',
    url         varchar(2000),
    published   timestamptz,
    source      varchar(40)  not null,
    ingested_at timestamptz  not null default clock_timestamp()
);
create index paper_by_ingested_at on paper (ingested_at);

create table digest_run (
    id          bigserial primary key,
    state       varchar(16) not null check (state in ('queued', 'running', 'finished', 'failed')),
    forced      boolean     not null,
    run_at      timestamptz not null,              -- the moment whose periods the run serves
    created_at  timestamptz not null default now(),
    started_at  timestamptz,
    planned_at  timestamptz,                       -- every digest of the run is decided: it may finish
    finished_at timestamptz,
    error       text
);

-- One row per subscriber and period, decided once; the row is also the delivery's state.
create table digest (
    id              bigserial primary key,
    token_key       varchar(32) not null unique,   -- subject of the "view in browser" token
    subscriber_id   bigint      not null references subscriber (id),
    period          varchar(16) not null,          -- 2026-11-28 (daily) or 2026-W48 (weekly), in the subscriber's zone
    run_id          bigint      references digest_run (id),
    state           varchar(16) not null check (state in ('queued', 'sending', 'sent', 'retrying', 'failed', 'empty', 'cancelled')),
    papers_since    timestamptz not null,          -- papers ingested after this ...
    papers_until    timestamptz not null,          -- ... and up to this were considered
    attempts        int         not null default 0,
    lease_until     timestamptz,
    next_attempt_at timestamptz,
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    unique (subscriber_id, period)
);
create index digest_claimable on digest (state, next_attempt_at);
create index digest_by_run on digest (run_id);

-- The papers of one digest; the unique key is what keeps a paper from reaching a person twice.
create table digest_paper (
    digest_id     bigint        not null references digest (id),
    subscriber_id bigint        not null references subscriber (id),
    paper_id      bigint        not null references paper (id),
    position      int           not null,
    score         real          not null,
    reason        text          not null,
    primary key (digest_id, paper_id),
    unique (subscriber_id, paper_id)
);
