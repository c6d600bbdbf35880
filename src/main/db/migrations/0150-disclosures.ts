import type { Migration } from './index';

/**
 * The Disclose step (issue 15, Wis. Stat. 43.30): every export of patron records says to
 * whom, why and under which legal basis, and the director lists them. One row per
 * disclosure, append-only like the audit log it sits beside (the audit domain owns both).
 * Audit entries gain the purpose they were made for, so the log filters by it.
 */
const disclosures: Migration = {
  version: 150,
  name: 'disclosures',
  up: /* sql */ `
    ALTER TABLE audit ADD COLUMN purpose TEXT NOT NULL DEFAULT '';
    CREATE TABLE disclosures (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      -- null: the desk itself (the daily report's email at a shift's end)
      staff_id TEXT REFERENCES staff(id),
      method TEXT NOT NULL,
      -- what left, in words: "Report R-2026-0012 as PDF"
      what TEXT NOT NULL,
      record_kind TEXT NOT NULL,
      record_id TEXT,
      recipient TEXT NOT NULL,
      purpose TEXT NOT NULL,
      basis TEXT NOT NULL,
      case_number TEXT NOT NULL,
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      -- the audit entry written in the same transaction (no foreign key: a retention purge may drop old audit rows)
      audit_id TEXT NOT NULL
    ) STRICT;
    CREATE INDEX disclosures_at ON disclosures(at);
    CREATE INDEX disclosures_by_record ON disclosures(record_id, id) WHERE record_id IS NOT NULL;
    -- Like the audit log: only a retention purge (its gate open, migration 110) removes old
    -- ones or blanks what named a purged record.
    CREATE TRIGGER disclosures_no_update BEFORE UPDATE ON disclosures WHEN NOT EXISTS (SELECT 1 FROM purge_gate)
      BEGIN SELECT RAISE(ABORT, 'disclosures are append-only'); END;
    CREATE TRIGGER disclosures_no_delete BEFORE DELETE ON disclosures WHEN NOT EXISTS (SELECT 1 FROM purge_gate)
      BEGIN SELECT RAISE(ABORT, 'disclosures are removed only by a retention purge'); END;
  `,
};

export default disclosures;
