-- Deleting a subscriber deletes every row about them: their digests and the papers of those digests. What holds a
-- subscriber's id refers to them with "on delete cascade", so forgetting someone is one delete of their row.

alter table digest
    drop constraint digest_subscriber_id_fkey,
    add constraint digest_subscriber_id_fkey foreign key (subscriber_id) references subscriber (id) on delete cascade;

alter table digest_paper
    drop constraint digest_paper_subscriber_id_fkey,
    add constraint digest_paper_subscriber_id_fkey foreign key (subscriber_id) references subscriber (id) on delete cascade,
    drop constraint digest_paper_digest_id_fkey,
    add constraint digest_paper_digest_id_fkey foreign key (digest_id) references digest (id) on delete cascade;
