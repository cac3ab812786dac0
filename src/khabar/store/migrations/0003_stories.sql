-- Stories (khabar.stories, `khabar stories`): documents that tell the same story, across
-- languages and sources. A story is named after the document that started it; documents join
-- it one at a time, each with the score and evidence of its decision. Built incrementally: a
-- document is assigned once and stays in its story.
CREATE TABLE stories (
    id          TEXT PRIMARY KEY,           -- hash of the founding document's id
    founder     TEXT NOT NULL,              -- the document that started the story
    title       TEXT,                       -- the founder's title (or the start of its lead)
    first_date  TEXT,                       -- earliest publication date of its documents
    last_date   TEXT,                       -- latest publication date of its documents
    size        INTEGER NOT NULL DEFAULT 0, -- number of documents
    langs       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(langs)),
    created_at  TEXT NOT NULL
);
CREATE INDEX stories_last_date ON stories (last_date);

CREATE TABLE story_documents (
    doc_id      TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    story_id    TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    score       REAL,                       -- cosine to the matched document; null for the founder
    evidence    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(evidence)),  -- why it joined
    joined_at   TEXT NOT NULL
);
CREATE INDEX story_documents_story ON story_documents (story_id);

-- The embedding of each document's title and lead (float32 little-endian), kept so that new
-- documents are compared with stored ones without embedding them again.
CREATE TABLE doc_embeddings (
    doc_id       TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    content_hash TEXT NOT NULL,             -- documents.content_hash when it was embedded
    model        TEXT NOT NULL,             -- model and lead recipe; another one re-embeds
    vector       BLOB NOT NULL
);
