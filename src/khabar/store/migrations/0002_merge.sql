-- Merging (khabar.store.merge): each row of `events` is one distinct reading of an event (its id
-- hashes the exact fields); readings of the same event, from several sentences, documents or
-- languages, form one merged event, named by the id of its representative reading.
ALTER TABLE events ADD COLUMN cluster TEXT;
UPDATE events SET cluster = id;
CREATE INDEX events_cluster ON events (cluster);

-- Why a reading joined its merged event: the reading it matched and on what evidence
-- (`khabar why EVENT_ID`). Readings that stand alone have no row here.
CREATE TABLE merges (
    event_id  TEXT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    cluster   TEXT NOT NULL,
    matched   TEXT NOT NULL,
    evidence  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(evidence)),
    merged_at TEXT NOT NULL
);
CREATE INDEX merges_cluster ON merges (cluster);
