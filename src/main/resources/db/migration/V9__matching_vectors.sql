-- Sentence vectors for semantic matching (all-MiniLM-L6-v2, 384 floats of unit length, little-endian float32).

-- One per paper, computed from its title and abstract at the revision it names: a paper updated in place (a new
-- arXiv version) has a new revision, and its vector is computed again.
create table paper_vector (
    paper_id bigint primary key references paper (id) on delete cascade,
    revision bigint not null,
    vector   bytea  not null check (length(vector) = 1536)
);

-- One per distinct meaning of an interest (its words without operators and excluded parts), shared by everyone
-- who follows it; written when an interest is saved (sign-up, preferences, import).
create table interest_vector (
    meaning    text        primary key,
    vector     bytea       not null check (length(vector) = 1536),
    created_at timestamptz not null default now()
);
