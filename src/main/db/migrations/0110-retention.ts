import type { Db } from '../connection';
import type { Migration } from './index';

/**
 * Retention (issue 15): legal holds, the record of each purge, and the gate that lets
 * a purge (and only a purge) remove rows from the append-only tables.
 *
 * Every append-only trigger (`*_no_update`, `*_no_delete`) is rebuilt with
 * `WHEN NOT EXISTS (SELECT 1 FROM purge_gate)`. The purge inserts a row into
 * purge_gate inside its own transaction and deletes it before committing, so no
 * other connection ever sees the gate open: an edit outside a purge is refused as
 * before. The journal's own triggers stay shut: a purge erases payloads (the one
 * column they leave writable) and never removes an entry, so the chain verifies.
 */
const GATE = 'WHEN NOT EXISTS (SELECT 1 FROM purge_gate)';

function gateAppendOnlyTriggers(db: Db): void {
  const triggers = db
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND (name LIKE '%\\_no\\_update' ESCAPE '\\' OR name LIKE '%\\_no\\_delete' ESCAPE '\\') AND name NOT LIKE 'journal\\_%' ESCAPE '\\'",
    )
    .all();
  for (const t of triggers) {
    // "CREATE TRIGGER x BEFORE DELETE ON t BEGIN ..." → "... ON t WHEN NOT EXISTS (...) BEGIN ...".
    const gated = t.sql.replace(/\s+BEGIN\b/i, ` ${GATE} BEGIN`);
    if (gated === t.sql || /\bWHEN\b/i.test(t.sql.split(/\bBEGIN\b/i)[0] ?? '')) {
      throw new Error(`migration 110 cannot gate trigger ${t.name}`);
    }
    db.exec(`DROP TRIGGER ${t.name}`);
    db.exec(gated);
  }
}

const retention: Migration = {
  version: 110,
  name: 'retention',
  up: (db) => {
    db.exec(/* sql */ `
      -- Open only inside a purge's transaction (see above).
      CREATE TABLE purge_gate (open INTEGER NOT NULL) STRICT;

      -- A record kept whatever the retention settings say, until a supervisor releases it.
      CREATE TABLE legal_holds (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('person','incident','ban','call')),
        record_id TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('police','litigation','appeal','other')),
        note TEXT NOT NULL,
        case_number TEXT NOT NULL,
        set_at TEXT NOT NULL,
        set_by TEXT NOT NULL REFERENCES staff(id),
        released_at TEXT,
        released_by TEXT REFERENCES staff(id),
        release_note TEXT
      ) STRICT;
      CREATE INDEX legal_holds_record ON legal_holds(kind, record_id);
      CREATE UNIQUE INDEX legal_holds_one_active ON legal_holds(kind, record_id) WHERE released_at IS NULL;

      -- What each purge removed: counts per kind, never the content.
      CREATE TABLE purge_runs (
        id TEXT PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        trigger TEXT NOT NULL CHECK (trigger IN ('schedule','asked','terminal')),
        by TEXT REFERENCES staff(id),
        counts TEXT NOT NULL,
        files INTEGER NOT NULL,
        ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX purge_runs_at ON purge_runs(started_at);

    `);
    gateAppendOnlyTriggers(db);
    // Audit entries were only shielded from edits; a purge is now the one way to remove old ones.
    db.exec(/* sql */ `
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit ${GATE}
        BEGIN SELECT RAISE(ABORT, 'audit entries are removed only by a retention purge'); END;
    `);
  },
};

export default retention;
