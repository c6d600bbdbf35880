import type { Migration } from './index';

/**
 * Instant replay and evidence clips (issue 14): how long each camera's buffer is and
 * the desk's disk budget for them, bookmarks, clips as attachments (with their
 * wall-clock range and poster frame), and amendments saved as they are typed.
 *
 * The attachments table takes a new kind, 'clip', and its facts: SQLite cannot change
 * a CHECK constraint in place, so the table is rebuilt under its own name. Its rows
 * wait in a plain copy while it is dropped and made again; the tables that refer to it
 * name it, so their references hold once the rows are back. Foreign keys are checked
 * at commit (deferred), when every row has its parent again.
 */
const replay: Migration = {
  version: 90,
  name: 'replay',
  up: (db) => {
    db.pragma('defer_foreign_keys = ON');
    db.exec(/* sql */ `
      CREATE TABLE attachments_before_clips AS SELECT * FROM attachments;
      DROP TABLE attachments;
      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('snapshot','photo','document','clip')),
        media_type TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        width INTEGER,
        height INTEGER,
        camera_id TEXT REFERENCES cameras(id),
        stream TEXT,
        taken_at TEXT NOT NULL,
        frame_time TEXT,
        taken_by TEXT NOT NULL REFERENCES staff(id),
        -- Clips only (JSON): the wall-clock end, length, poster frame, the range asked for, how times were known.
        clip TEXT
      ) STRICT;
      INSERT INTO attachments (id, sha256, kind, media_type, bytes, width, height, camera_id, stream, taken_at,
          frame_time, taken_by)
        SELECT id, sha256, kind, media_type, bytes, width, height, camera_id, stream, taken_at, frame_time, taken_by
        FROM attachments_before_clips;
      DROP TABLE attachments_before_clips;
      CREATE INDEX attachments_taken_at ON attachments(taken_at);
      CREATE INDEX attachments_sha256 ON attachments(sha256);
      CREATE INDEX attachments_clips ON attachments(kind, taken_at) WHERE kind = 'clip';

      -- A camera's replay buffer in minutes (0 = not recorded); a camera without a row keeps the default.
      CREATE TABLE recording_cameras (
        camera_id TEXT PRIMARY KEY REFERENCES cameras(id),
        minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
        updated_at TEXT NOT NULL,
        updated_by TEXT REFERENCES staff(id)
      ) STRICT;

      -- The desk's disk budget for every camera's buffer together (one row).
      CREATE TABLE recording_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        budget_bytes INTEGER NOT NULL CHECK (budget_bytes > 0),
        updated_at TEXT NOT NULL,
        updated_by TEXT REFERENCES staff(id)
      ) STRICT;

      -- A camera and moment marked at the desk, with an optional note.
      CREATE TABLE bookmarks (
        id TEXT PRIMARY KEY,
        camera_id TEXT NOT NULL REFERENCES cameras(id),
        at TEXT NOT NULL,
        note TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES staff(id),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX bookmarks_created ON bookmarks(created_at);
      CREATE INDEX bookmarks_camera ON bookmarks(camera_id, at);

      -- An amendment being typed, saved like a draft: one per report and person, gone once filed.
      CREATE TABLE incident_amendment_drafts (
        incident_id TEXT NOT NULL REFERENCES incidents(id),
        staff_id TEXT NOT NULL REFERENCES staff(id),
        base_version INTEGER NOT NULL,
        base_content TEXT NOT NULL,
        reason TEXT NOT NULL,
        content TEXT NOT NULL,
        revision INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (incident_id, staff_id)
      ) STRICT;
    `);
  },
};

export default replay;
