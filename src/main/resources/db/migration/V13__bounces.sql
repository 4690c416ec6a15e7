-- Bounces: a subscriber whose mail comes back for good (a relay's 5xx to the address, a 5.x.x delivery status
-- notification, or soft bounces past a threshold) is 'bounced': no more mail, the reason kept for the operator.
alter table subscriber drop constraint subscriber_state_check;
alter table subscriber add constraint subscriber_state_check
    check (state in ('pending', 'active', 'paused', 'bounced', 'unsubscribed'));
alter table subscriber add column bounced_at timestamptz, add column bounce_reason text;

-- Each bounce of one mail, once however often its notification is read: hard ones bounce at once, soft ones count.
create table subscriber_bounce (
    subscriber_id bigint      not null references subscriber (id) on delete cascade,
    mail_key      varchar(64) not null,             -- digest:<id>, the digest the bounce is about
    hard          boolean     not null,
    reason        text        not null,
    received_at   timestamptz not null default now(),
    primary key (subscriber_id, mail_key, hard)
);
