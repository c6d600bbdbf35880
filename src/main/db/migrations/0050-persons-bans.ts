import { tokensOf } from '../../people/names';
import { packWords } from '../../people/word-index';
import type { Migration } from './index';

/**
 * Persons grow into records of their own (aliases, birth date, card, guardian,
 * photos, merges) with a word index for the desk check; bans arrive with the
 * library's versioned sanction policy, notices, appeals and reinstatement meetings.
 */
const personsBans: Migration = {
  version: 50,
  name: 'persons-bans',
  up: (db) => {
    db.exec(/* sql */ `
      ALTER TABLE persons ADD COLUMN unknown INTEGER NOT NULL DEFAULT 0 CHECK (unknown IN (0,1));
      ALTER TABLE persons ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE persons ADD COLUMN description TEXT NOT NULL DEFAULT '';
      ALTER TABLE persons ADD COLUMN birth_date TEXT;
      ALTER TABLE persons ADD COLUMN card_number TEXT;
      ALTER TABLE persons ADD COLUMN guardian_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE persons ADD COLUMN guardian_contact TEXT NOT NULL DEFAULT '';
      ALTER TABLE persons ADD COLUMN notes TEXT NOT NULL DEFAULT '';
      ALTER TABLE persons ADD COLUMN merged_into TEXT REFERENCES persons(id);
      ALTER TABLE persons ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
      ALTER TABLE persons ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      -- Every word the desk check searches, folded (people/names.ts), "names|aliases|descriptions".
      ALTER TABLE persons ADD COLUMN search_words TEXT NOT NULL DEFAULT '';
      UPDATE persons SET updated_at = created_at;
      CREATE INDEX persons_card ON persons(card_number) WHERE card_number IS NOT NULL;
      CREATE INDEX persons_birth ON persons(birth_date) WHERE birth_date IS NOT NULL;
      CREATE INDEX persons_merged ON persons(merged_into) WHERE merged_into IS NOT NULL;

      CREATE TABLE person_photos (
        person_id TEXT NOT NULL REFERENCES persons(id),
        attachment_id TEXT NOT NULL REFERENCES attachments(id),
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL REFERENCES staff(id),
        PRIMARY KEY (person_id, attachment_id)
      ) STRICT;

      -- The sanction policy: one row per version; a ban keeps the version it was issued under.
      CREATE TABLE sanction_policies (
        version INTEGER PRIMARY KEY,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES staff(id)
      ) STRICT;

      CREATE TABLE ban_counters (year INTEGER PRIMARY KEY, last INTEGER NOT NULL) STRICT;

      CREATE TABLE bans (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        person_id TEXT NOT NULL REFERENCES persons(id),
        tier TEXT NOT NULL,
        policy_version INTEGER NOT NULL REFERENCES sanction_policies(version),
        step TEXT NOT NULL,
        proposed_step TEXT NOT NULL,
        why TEXT NOT NULL,
        override_reason TEXT NOT NULL,
        all_branches INTEGER NOT NULL CHECK (all_branches IN (0,1)),
        privileges TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT,
        issued_at TEXT NOT NULL,
        issued_by TEXT NOT NULL REFERENCES staff(id),
        branch_id TEXT NOT NULL REFERENCES branches(id),
        approval_needed INTEGER NOT NULL CHECK (approval_needed IN (0,1)),
        approved_at TEXT,
        approved_by TEXT REFERENCES staff(id),
        meeting_required INTEGER NOT NULL CHECK (meeting_required IN (0,1)),
        lifted_at TEXT,
        lifted_by TEXT REFERENCES staff(id),
        lift_reason TEXT NOT NULL DEFAULT '',
        rescinded INTEGER NOT NULL DEFAULT 0 CHECK (rescinded IN (0,1)),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX bans_person ON bans(person_id, starts_at);
      CREATE INDEX bans_ends ON bans(ends_at);
      CREATE INDEX bans_issued ON bans(issued_at);
      CREATE INDEX bans_pending ON bans(issued_at) WHERE approval_needed = 1 AND approved_at IS NULL AND lifted_at IS NULL;
      CREATE TABLE ban_branches (
        ban_id TEXT NOT NULL REFERENCES bans(id),
        branch_id TEXT NOT NULL REFERENCES branches(id),
        PRIMARY KEY (ban_id, branch_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE ban_incidents (
        ban_id TEXT NOT NULL REFERENCES bans(id),
        incident_id TEXT NOT NULL REFERENCES incidents(id),
        PRIMARY KEY (ban_id, incident_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX ban_incidents_incident ON ban_incidents(incident_id);
      CREATE TABLE ban_rules (
        ban_id TEXT NOT NULL REFERENCES bans(id),
        rule_id TEXT NOT NULL REFERENCES guideline_rules(id),
        PRIMARY KEY (ban_id, rule_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE ban_notices (
        id TEXT PRIMARY KEY,
        ban_id TEXT NOT NULL REFERENCES bans(id),
        recipient TEXT NOT NULL CHECK (recipient IN ('person','guardian')),
        created_at TEXT NOT NULL,
        sha256 TEXT,
        delivered_at TEXT,
        method TEXT CHECK (method IN ('inPerson','mail','certifiedMail','police','posted')),
        signed INTEGER CHECK (signed IN (0,1)),
        delivered_by TEXT REFERENCES staff(id),
        posted_on TEXT,
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (ban_id, recipient)
      ) STRICT;
      CREATE INDEX ban_notices_delivered ON ban_notices(delivered_at) WHERE delivered_at IS NOT NULL;

      CREATE TABLE ban_appeals (
        id TEXT PRIMARY KEY,
        ban_id TEXT NOT NULL REFERENCES bans(id),
        received_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES staff(id),
        late INTEGER NOT NULL CHECK (late IN (0,1)),
        late_reason TEXT NOT NULL DEFAULT '',
        accepted_late_by TEXT REFERENCES staff(id),
        hearing_at TEXT,
        hearing_place TEXT NOT NULL DEFAULT '',
        hearing_attendees TEXT NOT NULL DEFAULT '',
        decided_at TEXT,
        decided_by TEXT REFERENCES staff(id),
        decision TEXT CHECK (decision IN ('upheld','shortened','lifted')),
        new_ends_at TEXT,
        decision_note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX ban_appeals_ban ON ban_appeals(ban_id);

      CREATE TABLE ban_meetings (
        id TEXT PRIMARY KEY,
        ban_id TEXT NOT NULL REFERENCES bans(id),
        scheduled_at TEXT NOT NULL,
        place TEXT NOT NULL,
        with_whom TEXT NOT NULL,
        scheduled_by TEXT NOT NULL REFERENCES staff(id),
        held_at TEXT,
        held_by TEXT REFERENCES staff(id),
        attendees TEXT NOT NULL DEFAULT '',
        conditions TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX ban_meetings_ban ON ban_meetings(ban_id);
      CREATE INDEX ban_meetings_at ON ban_meetings(scheduled_at);

      -- "Person seen at a branch": who saw them, and the ban it broke, if any.
      CREATE TABLE person_sightings (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES persons(id),
        branch_id TEXT NOT NULL REFERENCES branches(id),
        seen_at TEXT NOT NULL,
        seen_by TEXT NOT NULL REFERENCES staff(id),
        ban_id TEXT REFERENCES bans(id)
      ) STRICT;
      CREATE INDEX person_sightings_person ON person_sightings(person_id, seen_at);
    `);
    // Persons recorded before this version get their words now (people/word-index.ts reads them).
    const setWords = db.prepare('UPDATE persons SET search_words = ? WHERE id = ?');
    const rows = db
      .prepare<[], { id: string; name: string; hair: string; build: string; marks: string }>(
        'SELECT id, name, hair, build, marks FROM persons',
      )
      .all();
    for (const p of rows) {
      const names = tokensOf(p.name);
      const described = tokensOf([p.hair, p.build, p.marks].join(' ')).filter((w) => !names.includes(w));
      setWords.run(packWords({ name: names, alias: [], description: described }), p.id);
    }
  },
};

export default personsBans;
