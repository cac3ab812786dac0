-- The merged events as users see them (khabar.store.merge.refresh): one row per cluster of
-- readings, with the fields of its most informative reading, the finest date any reading fixes,
-- the contexts of all, the number of documents that tell it and the combined confidence. Kept
-- up to date whenever a reading joins or leaves a cluster; exports and the web read it.
CREATE TABLE merged (
    cluster     TEXT PRIMARY KEY,
    type        TEXT NOT NULL,
    mode        TEXT,
    date        TEXT,
    date_end    TEXT,
    source      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(source)),
    target      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(target)),
    location    TEXT,
    contexts    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(contexts)),
    confidence  REAL,
    sources     INTEGER NOT NULL DEFAULT 0,
    readings    INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX merged_type ON merged (type);
CREATE INDEX merged_date ON merged (date);

-- A database written before this migration: each cluster from its named reading.
INSERT INTO merged (cluster, type, mode, date, date_end, source, target, location, contexts,
                    confidence, sources, readings)
SELECT e.id, e.type, e.mode, e.date, e.date_end, e.source, e.target, e.location, e.contexts,
       e.confidence,
       (SELECT COUNT(DISTINCT m.doc_id) FROM mentions m JOIN events r ON r.id = m.event_id
        WHERE r.cluster = e.id),
       (SELECT COUNT(*) FROM events r WHERE r.cluster = e.id)
FROM events e WHERE e.id = e.cluster;

-- A merged event in the columns of a reading (id = cluster): what lists, filters and counts
-- read (the web interface), so they show the fields exports write.
CREATE VIEW event_view AS
SELECT g.cluster AS id, g.type, g.mode, g.date, g.date_end, g.source, g.target, g.location,
       g.contexts, g.confidence, e.extra, g.cluster AS cluster, g.sources, g.readings
FROM merged g JOIN events e ON e.id = g.cluster;

-- Merging looks up readings by type and date (khabar.store.merge._candidates).
CREATE INDEX events_type_date ON events (type, date);
