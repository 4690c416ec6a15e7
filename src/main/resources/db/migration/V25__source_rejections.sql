-- What a source's last poll rejected (an entry whose title or abstract is too long, a missing title...): a scheduled
-- poll has no one to answer, so its rejections are kept with the source for GET /api/admin/sources, as its errors are.
alter table paper_source add column last_rejected int;
alter table paper_source add column last_rejections text;
