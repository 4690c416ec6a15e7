-- One paper is one paper across sources and versions: what a later version or a new upvote count updates in
-- place (ingested_at stays: an updated paper is not new again for digests), and the arXiv metadata of each paper.

alter table paper
    add column version          smallint,        -- the arXiv version the stored text is from (2 for v2)
    add column upvotes          int,             -- Hugging Face daily papers' upvotes
    add column primary_category varchar(300),    -- arXiv's primary category (cs.LG)
    add column updated          timestamptz,     -- the source's last change of the paper (arXiv's <updated>)
    add column pdf_url          varchar(2000);

-- arXiv ids are stored bare (2611.04417, hep-th/9901001) however a source spells them; Hugging Face papers
-- were stored as 'arxiv:<id>'.
update paper p set external_id = substr(p.external_id, 7)
where p.external_id ilike 'arxiv:%'
  and not exists (select 1 from paper o where o.external_id = substr(p.external_id, 7));
