import type { Migration } from './index';

const cameras: Migration = {
  version: 20,
  name: 'cameras',
  up: /* sql */ `
    -- Addresses are stored without credentials; the password only encrypted (cameras/secrets.ts).
    CREATE TABLE cameras (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      branch_id TEXT NOT NULL REFERENCES branches(id),
      zone_id TEXT NOT NULL REFERENCES zones(id),
      kind TEXT NOT NULL CHECK (kind IN ('hls','rtsp')),
      url TEXT NOT NULL,
      grid_url TEXT,
      username TEXT,
      password_enc TEXT,
      enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0,1)),
      removed_at TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX cameras_branch ON cameras(branch_id);

    -- Named wall layouts, per staff member.
    CREATE TABLE wall_views (
      id TEXT PRIMARY KEY,
      staff_id TEXT NOT NULL REFERENCES staff(id),
      name TEXT NOT NULL,
      layout INTEGER NOT NULL CHECK (layout IN (1,4,9,16)),
      slots TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX wall_views_name ON wall_views(staff_id, name COLLATE NOCASE);

    -- Files under <data>/attachments/, named by their SHA-256.
    CREATE TABLE attachments (
      id TEXT PRIMARY KEY,
      sha256 TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('snapshot','photo','document')),
      media_type TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      width INTEGER,
      height INTEGER,
      camera_id TEXT REFERENCES cameras(id),
      stream TEXT,
      taken_at TEXT NOT NULL,
      frame_time TEXT,
      taken_by TEXT NOT NULL REFERENCES staff(id)
    ) STRICT;
    CREATE INDEX attachments_taken_at ON attachments(taken_at);
    CREATE INDEX attachments_sha256 ON attachments(sha256);
  `,
};

export default cameras;
