-- Weekly digests go out on a weekday the subscriber chooses (ISO: 1 Monday ... 7 Sunday); Monday as before.
alter table subscriber add column weekday smallint not null default 1 check (weekday between 1 and 7);
