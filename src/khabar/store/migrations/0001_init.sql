-- khabar storage, first schema. Applied once, recorded by name in `migrations`.
-- Column names follow docs/EVENTS.md; JSON columns hold canonical JSON text.

CREATE TABLE documents (
    id           TEXT PRIMARY KEY,          -- the reader's id (file name without extension, record id)
    num          INTEGER NOT NULL UNIQUE,   -- stable integer key of the FTS row (rowid may move on VACUUM)
    content_hash TEXT NOT NULL,             -- Document.content_hash: what was read
    title        TEXT,
    url          TEXT,
    source       TEXT,
    published    TEXT,                      -- ISO date, precision in its length
    lang         TEXT,
    status       TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    reason       TEXT,                      -- why a failed document failed
    path         TEXT,                      -- where it was read from (meta.path)
    meta         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(meta)),
    done         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(done)),  -- stages that ran
    text         TEXT NOT NULL,             -- exactly as read; every offset refers to it
    ingested_at  TEXT NOT NULL
);
CREATE INDEX documents_lang ON documents (lang);
CREATE INDEX documents_status ON documents (status);
CREATE INDEX documents_published ON documents (published);

-- Every annotation layer (boilerplate, sentences, dates, actors, events, ...), raw offsets.
CREATE TABLE spans (
    doc_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    layer   TEXT NOT NULL,
    seq     INTEGER NOT NULL,               -- order within the layer, as the stage left it
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    label   TEXT NOT NULL,
    value   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(value)),
    rule    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (doc_id, layer, seq),
    CHECK (start >= 0 AND "end" >= start)
) WITHOUT ROWID;
CREATE INDEX spans_layer ON spans (layer, label);

-- Events: id is the hash of the defining fields, so the same event told twice is stored once.
CREATE TABLE events (
    id          TEXT PRIMARY KEY,
    type        TEXT NOT NULL,
    mode        TEXT,
    date        TEXT,
    date_end    TEXT,
    source      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(source)),
    target      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(target)),
    location    TEXT,
    contexts    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(contexts)),
    confidence  REAL,
    extra       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra))  -- any other fields
);
CREATE INDEX events_type ON events (type);
CREATE INDEX events_date ON events (date);

-- Where each event is told: the sentence offsets in one document.
CREATE TABLE mentions (
    event_id    TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    doc_id      TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    lang        TEXT,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    rule        TEXT NOT NULL DEFAULT '',
    confidence  REAL,
    PRIMARY KEY (event_id, doc_id, start, "end")
) WITHOUT ROWID;
CREATE INDEX mentions_doc ON mentions (doc_id);

-- Full-text search over the *folded* title and article body (khabar.text.fold: yeh/kaf/alef
-- folded, no diacritics, ASCII digits, ZWNJ as a space), boilerplate lines left out. Trigram
-- tokens give substring matching, which finds words under Arabic proclitics (و، ب، ال) and
-- Persian suffixes without a stemmer. rowid = documents.num.
CREATE VIRTUAL TABLE documents_fts USING fts5 (title, body, tokenize = 'trigram');
