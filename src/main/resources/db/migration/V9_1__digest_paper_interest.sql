-- The interest that brought each paper of a digest, so its mail and page can mark that interest's words in the
-- paper's title and abstract (null for digests decided before).
alter table digest_paper add column interest text;
