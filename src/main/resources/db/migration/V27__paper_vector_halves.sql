-- The vectors of each paper's abstract in two halves ("title. " and the first half of its sentences, then the second
-- half), h1 then h2 (768 little-endian float32): ranking compares an interest with 0.5 cos(paper) + 0.5 the better
-- half's cosine. Null for a row stored before they were kept: the background sweep embeds them, and until then the
-- paper is compared by its vector alone.
alter table paper_vector add column halves bytea check (halves is null or length(halves) = 3072);
