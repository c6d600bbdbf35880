import type { Migration } from './index';

/** Rejects every UPDATE and DELETE on an append-only table. */
const appendOnly = (table: string, message: string) => /* sql */ `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END;
`;

/** Children of an incident version may only be written while that version is being created (not yet current). */
const versionChild = (table: string) => /* sql */ `
  ${appendOnly(table, 'a submitted incident is never edited: add an amendment')}
  CREATE TRIGGER ${table}_only_new_versions BEFORE INSERT ON ${table}
    WHEN EXISTS (SELECT 1 FROM incident_versions v JOIN incidents i ON i.id = v.incident_id
                 WHERE v.vid = NEW.vid AND i.current_version >= NEW.vid)
    BEGIN SELECT RAISE(ABORT, 'a submitted incident is never edited: add an amendment'); END;
`;

const incidents: Migration = {
  version: 30,
  name: 'incidents',
  up: /* sql */ `
    -- Behavior guidelines: a rule keeps its identity, each edit adds a version.
    CREATE TABLE guideline_rules (
      id TEXT PRIMARY KEY,
      code TEXT NOT NULL UNIQUE COLLATE NOCASE,
      current_version_id TEXT NOT NULL,
      retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0,1)),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE guideline_versions (
      id TEXT PRIMARY KEY,
      rule_id TEXT NOT NULL REFERENCES guideline_rules(id) DEFERRABLE INITIALLY DEFERRED,
      version INTEGER NOT NULL,
      code TEXT NOT NULL,
      title TEXT NOT NULL,
      description TEXT NOT NULL,
      severity INTEGER NOT NULL CHECK (severity IN (1,2,3)),
      created_at TEXT NOT NULL,
      created_by TEXT REFERENCES staff(id),
      UNIQUE (rule_id, version)
    ) STRICT;
    ${appendOnly('guideline_versions', 'a guideline version is never edited: add a new version')}

    -- Known persons, picked on incidents (and later bans).
    CREATE TABLE persons (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      sex TEXT NOT NULL,
      age_estimate TEXT NOT NULL,
      height TEXT NOT NULL,
      build TEXT NOT NULL,
      hair TEXT NOT NULL,
      marks TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES staff(id)
    ) STRICT;
    CREATE INDEX persons_name ON persons(name COLLATE NOCASE);

    -- Autosaved forms: mutable, private to their writer, outside the journal.
    CREATE TABLE incident_drafts (
      id TEXT PRIMARY KEY,
      staff_id TEXT NOT NULL REFERENCES staff(id),
      revision INTEGER NOT NULL,
      content TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX incident_drafts_staff ON incident_drafts(staff_id, updated_at);

    -- Last number handed out per branch and year, bumped inside the submit's transaction.
    CREATE TABLE incident_counters (
      branch_id TEXT NOT NULL REFERENCES branches(id),
      year INTEGER NOT NULL,
      last INTEGER NOT NULL,
      PRIMARY KEY (branch_id, year)
    ) STRICT;

    -- Every submitted content of an incident: version 1 is the submission, each amendment adds one.
    CREATE TABLE incident_versions (
      vid INTEGER PRIMARY KEY,
      incident_id TEXT NOT NULL REFERENCES incidents(id) DEFERRABLE INITIALLY DEFERRED,
      version INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES staff(id),
      reason TEXT,
      changes TEXT,
      zone_id TEXT REFERENCES zones(id),
      occurred_from TEXT NOT NULL,
      occurred_to TEXT,
      severity INTEGER NOT NULL CHECK (severity IN (1,2,3)),
      summary TEXT NOT NULL,
      narrative TEXT NOT NULL,
      actions TEXT NOT NULL,
      response TEXT NOT NULL,
      persons_text TEXT NOT NULL,
      -- The full-text key, newest first: FTS5 streams a doclist forwards but loads it whole to read it
      -- backwards, so "newest first" over a common word would read the whole index.
      fts_key INTEGER GENERATED ALWAYS AS (-vid) VIRTUAL,
      UNIQUE (incident_id, version)
    ) STRICT;
    CREATE INDEX incident_versions_fts_key ON incident_versions(fts_key);
    ${appendOnly('incident_versions', 'a submitted incident is never edited: add an amendment')}

    -- The header: identity and number never change; status and the current version move forward.
    -- zone_id, occurred_from and severity mirror the current version for filtering and ordering.
    CREATE TABLE incidents (
      id TEXT PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      branch_id TEXT NOT NULL REFERENCES branches(id),
      year INTEGER NOT NULL,
      seq INTEGER NOT NULL CHECK (seq > 0),
      reporter_id TEXT NOT NULL REFERENCES staff(id),
      reported_at TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('submitted','returned','approved','closed')),
      current_version INTEGER NOT NULL,
      zone_id TEXT,
      occurred_from TEXT NOT NULL,
      severity INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX incidents_branch_year_seq ON incidents(branch_id, year, seq);
    CREATE INDEX incidents_occurred ON incidents(occurred_from, id);
    CREATE INDEX incidents_branch_occurred ON incidents(branch_id, occurred_from, id);
    CREATE INDEX incidents_status_occurred ON incidents(status, occurred_from, id);
    CREATE INDEX incidents_reporter_occurred ON incidents(reporter_id, occurred_from, id);
    CREATE INDEX incidents_current ON incidents(current_version);

    CREATE TRIGGER incidents_no_delete BEFORE DELETE ON incidents
      BEGIN SELECT RAISE(ABORT, 'a submitted incident is never deleted'); END;
    CREATE TRIGGER incidents_identity_fixed
      BEFORE UPDATE OF id, number, branch_id, year, seq, reporter_id, reported_at ON incidents
      BEGIN SELECT RAISE(ABORT, 'a submitted incident is never edited: add an amendment'); END;
    CREATE TRIGGER incidents_insert_matches_version AFTER INSERT ON incidents
      WHEN NOT EXISTS (SELECT 1 FROM incident_versions v WHERE v.vid = NEW.current_version
        AND v.incident_id = NEW.id AND v.version = 1 AND v.zone_id IS NEW.zone_id
        AND v.occurred_from IS NEW.occurred_from AND v.severity IS NEW.severity)
      BEGIN SELECT RAISE(ABORT, 'an incident must start at its first version'); END;
    -- The current version only moves to the next one, and the mirrors follow it.
    CREATE TRIGGER incidents_current_moves_forward
      BEFORE UPDATE OF current_version, zone_id, occurred_from, severity ON incidents
      WHEN NOT EXISTS (SELECT 1 FROM incident_versions n JOIN incident_versions o ON o.vid = OLD.current_version
        WHERE n.vid = NEW.current_version AND n.incident_id = NEW.id AND n.version = o.version + 1
          AND n.zone_id IS NEW.zone_id AND n.occurred_from IS NEW.occurred_from AND n.severity IS NEW.severity)
      BEGIN SELECT RAISE(ABORT, 'a submitted incident is never edited: add an amendment'); END;

    CREATE TABLE incident_rules (
      vid INTEGER NOT NULL REFERENCES incident_versions(vid),
      rule_id TEXT NOT NULL REFERENCES guideline_rules(id),
      rule_version_id TEXT NOT NULL REFERENCES guideline_versions(id),
      PRIMARY KEY (vid, rule_id)
    ) STRICT;
    CREATE INDEX incident_rules_rule ON incident_rules(rule_id, vid);
    ${versionChild('incident_rules')}

    CREATE TABLE incident_persons (
      vid INTEGER NOT NULL REFERENCES incident_versions(vid),
      ord INTEGER NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('subject','witness','victim','staff','guardian')),
      person_id TEXT REFERENCES persons(id),
      name TEXT NOT NULL,
      sex TEXT NOT NULL,
      age_estimate TEXT NOT NULL,
      height TEXT NOT NULL,
      build TEXT NOT NULL,
      hair TEXT NOT NULL,
      clothing TEXT NOT NULL,
      marks TEXT NOT NULL,
      PRIMARY KEY (vid, ord)
    ) STRICT;
    CREATE INDEX incident_persons_person ON incident_persons(person_id, vid) WHERE person_id IS NOT NULL;
    ${versionChild('incident_persons')}

    CREATE TABLE incident_cameras (
      vid INTEGER NOT NULL REFERENCES incident_versions(vid),
      ord INTEGER NOT NULL,
      camera_id TEXT NOT NULL REFERENCES cameras(id),
      from_time TEXT NOT NULL,
      to_time TEXT NOT NULL,
      PRIMARY KEY (vid, ord)
    ) STRICT;
    ${versionChild('incident_cameras')}

    CREATE TABLE incident_attachments (
      vid INTEGER NOT NULL REFERENCES incident_versions(vid),
      ord INTEGER NOT NULL,
      attachment_id TEXT NOT NULL REFERENCES attachments(id),
      PRIMARY KEY (vid, ord)
    ) STRICT;
    ${versionChild('incident_attachments')}

    CREATE TABLE incident_reviews (
      id TEXT PRIMARY KEY,
      incident_id TEXT NOT NULL REFERENCES incidents(id),
      version INTEGER NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('approved','returned','closed')),
      comment TEXT NOT NULL,
      at TEXT NOT NULL,
      by TEXT NOT NULL REFERENCES staff(id)
    ) STRICT;
    CREATE INDEX incident_reviews_incident ON incident_reviews(incident_id, at);
    ${appendOnly('incident_reviews', 'a review is never edited')}

    -- Full text of each incident's current version only (external content: no second copy of the text).
    CREATE VIRTUAL TABLE incident_fts USING fts5(
      summary, narrative, actions, persons_text,
      content = 'incident_versions', content_rowid = 'fts_key',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER incidents_fts_insert AFTER INSERT ON incidents BEGIN
      INSERT INTO incident_fts (rowid, summary, narrative, actions, persons_text)
        SELECT fts_key, summary, narrative, actions, persons_text FROM incident_versions WHERE vid = NEW.current_version;
    END;
    CREATE TRIGGER incidents_fts_amend AFTER UPDATE OF current_version ON incidents
      WHEN NEW.current_version IS NOT OLD.current_version BEGIN
      INSERT INTO incident_fts (incident_fts, rowid, summary, narrative, actions, persons_text)
        SELECT 'delete', fts_key, summary, narrative, actions, persons_text FROM incident_versions WHERE vid = OLD.current_version;
      INSERT INTO incident_fts (rowid, summary, narrative, actions, persons_text)
        SELECT fts_key, summary, narrative, actions, persons_text FROM incident_versions WHERE vid = NEW.current_version;
    END;
  `,
};

export default incidents;
