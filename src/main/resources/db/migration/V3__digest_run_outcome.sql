-- A run says which node carries it out, so another node can close it when that node is gone mid-plan, and how
-- many subscribers it could not decide a digest for, so a run that hid a failure does not pass as finished.
alter table digest_run
    add column node       varchar(300),
    add column undecided  int not null default 0;
