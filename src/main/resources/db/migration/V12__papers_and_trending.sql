-- How many papers a subscriber's digest mail shows (5 to 30; the digest's page lists all that passed), whether they
-- asked for the period's trending papers (then no interest is required), and which papers of a digest came as trending.
alter table subscriber add column papers smallint not null default 10 check (papers between 5 and 30);
alter table subscriber add column trending boolean not null default false;
alter table digest_paper add column trending boolean not null default false;
