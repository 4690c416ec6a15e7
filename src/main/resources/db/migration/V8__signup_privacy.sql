-- Sign-up abuse limits and privacy (issue 10).

-- when the newest confirmation mail was asked for: its link works PAPERBOY_CONFIRM_TTL from then, and a sign-up
-- still unconfirmed after that is deleted
alter table subscriber add column confirm_requested_at timestamptz;
update subscriber set confirm_requested_at = created_at where state = 'pending';
create index subscriber_pending_since on subscriber (confirm_requested_at) where state = 'pending';

-- the client address of the sign-up, kept only when PAPERBOY_RECORD_SIGNUP_IP=true
alter table subscriber add column signup_ip varchar(64);

-- deleting a subscriber (their own "delete me", or an expired sign-up) takes every row about them along;
-- a table that refers to a subscriber does so "on delete cascade" (SubscriberDeletionTest checks every one)
alter table digest drop constraint digest_subscriber_id_fkey,
    add constraint digest_subscriber_id_fkey foreign key (subscriber_id) references subscriber (id) on delete cascade;
alter table digest_paper drop constraint digest_paper_subscriber_id_fkey,
    add constraint digest_paper_subscriber_id_fkey foreign key (subscriber_id) references subscriber (id) on delete cascade;
alter table digest_paper drop constraint digest_paper_digest_id_fkey,
    add constraint digest_paper_digest_id_fkey foreign key (digest_id) references digest (id) on delete cascade;
