import type { Migration } from './index';

const foundation: Migration = {
  version: 10,
  name: 'foundation',
  up: /* sql */ `
    CREATE TABLE desk (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE staff (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE,
      role TEXT NOT NULL CHECK (role IN ('officer','supervisor','admin')),
      passphrase_hash TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
      created_at TEXT NOT NULL,
      last_sign_in_at TEXT
    ) STRICT;

    -- Failed sign-ins per username (known or not, so lockout does not reveal who exists).
    CREATE TABLE sign_in_failures (
      username TEXT PRIMARY KEY COLLATE NOCASE,
      failures INTEGER NOT NULL,
      locked_until TEXT
    ) STRICT;

    CREATE TABLE branches (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      code TEXT NOT NULL UNIQUE COLLATE NOCASE,
      address TEXT NOT NULL,
      time_zone TEXT NOT NULL,
      retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0,1))
    ) STRICT;

    CREATE TABLE zones (
      id TEXT PRIMARY KEY,
      branch_id TEXT NOT NULL REFERENCES branches(id),
      name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('interior','exterior')),
      floor TEXT NOT NULL,
      retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0,1))
    ) STRICT;
    CREATE UNIQUE INDEX zones_branch_name ON zones(branch_id, name COLLATE NOCASE);

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    -- Append-only record of every change, hash-chained (see db/journal.ts).
    CREATE TABLE journal (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      origin TEXT NOT NULL,
      actor TEXT,
      at TEXT NOT NULL,
      kind TEXT NOT NULL,
      record_id TEXT NOT NULL,
      payload TEXT,
      payload_hash TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE INDEX journal_record ON journal(record_id);
    CREATE TRIGGER journal_no_update BEFORE UPDATE OF seq, id, origin, actor, at, kind, record_id, payload_hash, prev_hash, hash ON journal
      BEGIN SELECT RAISE(ABORT, 'journal entries are append-only'); END;
    CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
      BEGIN SELECT RAISE(ABORT, 'journal entries are append-only'); END;

    -- Who read patron-identifying data, and every refused call.
    CREATE TABLE audit (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      staff_id TEXT REFERENCES staff(id),
      action TEXT NOT NULL,
      subject TEXT NOT NULL,
      record_id TEXT,
      detail TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_at ON audit(at);
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
      BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
  `,
};

export default foundation;
