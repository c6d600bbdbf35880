import type { Migration } from './index';

/** Rejects every UPDATE and DELETE on an append-only table. */
const appendOnly = (table: string, message: string) => /* sql */ `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END;
`;

const shift: Migration = {
  version: 80,
  name: 'shift',
  up: /* sql */ `
    -- Who was on the desk, where, from when to when. branch_id NULL: every branch (a central desk).
    CREATE TABLE shifts (
      id TEXT PRIMARY KEY,
      branch_id TEXT REFERENCES branches(id),
      staff_id TEXT NOT NULL REFERENCES staff(id),
      started_at TEXT NOT NULL,
      ended_at TEXT,
      ended_by TEXT REFERENCES staff(id),
      end_note TEXT NOT NULL DEFAULT ''
    ) STRICT;
    -- One open shift per person: two consoles pressing Start get one shift.
    CREATE UNIQUE INDEX shifts_one_open ON shifts(staff_id) WHERE ended_at IS NULL;
    CREATE INDEX shifts_started ON shifts(started_at, id);
    CREATE INDEX shifts_ended ON shifts(ended_at) WHERE ended_at IS NOT NULL;

    -- The shift log. An entry is never edited: a correction is another row naming the one it
    -- corrects (corrects, UNIQUE, so of two corrections made at once the second is refused),
    -- sharing its chain_id. The current version of a chain is the row nobody corrects.
    CREATE TABLE shift_entries (
      id TEXT PRIMARY KEY,
      chain_id TEXT NOT NULL,
      shift_id TEXT REFERENCES shifts(id),
      branch_id TEXT REFERENCES branches(id),
      kind TEXT NOT NULL CHECK (kind IN ('note','phone','voicemail','pass-on')),
      at TEXT NOT NULL,
      text TEXT NOT NULL,
      from_name TEXT NOT NULL DEFAULT '',
      callback_number TEXT NOT NULL DEFAULT '',
      callback_needed INTEGER NOT NULL CHECK (callback_needed IN (0, 1)),
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL REFERENCES staff(id),
      corrects TEXT UNIQUE REFERENCES shift_entries(id),
      reason TEXT,
      withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1))
    ) STRICT;
    CREATE INDEX shift_entries_at ON shift_entries(at, id);
    CREATE INDEX shift_entries_chain ON shift_entries(chain_id);
    CREATE INDEX shift_entries_shift ON shift_entries(shift_id);
    CREATE INDEX shift_entries_callbacks ON shift_entries(at) WHERE callback_needed = 1 AND withdrawn = 0;
    CREATE INDEX shift_entries_pass_on ON shift_entries(recorded_at) WHERE kind = 'pass-on' AND withdrawn = 0;
    ${appendOnly('shift_entries', 'a shift log entry is never edited: record a correction')}

    -- What an entry points at: an incident report, a staff call, a person on file.
    CREATE TABLE shift_entry_links (
      entry_id TEXT NOT NULL REFERENCES shift_entries(id),
      kind TEXT NOT NULL CHECK (kind IN ('incident','call','person')),
      target_id TEXT NOT NULL,
      -- An incident's number or a call's time and nature as linked (they do not change); a
      -- person's name is never copied here: it is read from the person's record when shown.
      label TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (entry_id, kind, target_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX shift_entry_links_target ON shift_entry_links(kind, target_id);
    ${appendOnly('shift_entry_links', 'a shift log entry is never edited: record a correction')}

    -- A message's callback, done once per chain: who and when, and what came of it.
    CREATE TABLE shift_callbacks (
      chain_id TEXT PRIMARY KEY,
      entry_id TEXT NOT NULL REFERENCES shift_entries(id),
      done_at TEXT NOT NULL,
      done_by TEXT NOT NULL REFERENCES staff(id),
      note TEXT NOT NULL DEFAULT ''
    ) STRICT;
    ${appendOnly('shift_callbacks', 'a callback done is never edited')}

    -- Who read a note passed on (the version they read), and when.
    CREATE TABLE shift_acknowledgements (
      entry_id TEXT NOT NULL REFERENCES shift_entries(id),
      staff_id TEXT NOT NULL REFERENCES staff(id),
      at TEXT NOT NULL,
      PRIMARY KEY (entry_id, staff_id)
    ) STRICT, WITHOUT ROWID;
    ${appendOnly('shift_acknowledgements', 'an acknowledgement is never edited')}

    -- The community resource directory an administrator keeps. languages: a JSON array.
    CREATE TABLE community_resources (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('shelter','crisis-line','meals','mental-health','substance-use',
        'youth','domestic-violence','legal-aid','medical')),
      phone TEXT NOT NULL,
      address TEXT NOT NULL,
      hours TEXT NOT NULL,
      notes TEXT NOT NULL,
      languages TEXT NOT NULL,
      retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
      version INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT REFERENCES staff(id)
    ) STRICT;
    CREATE INDEX community_resources_kind ON community_resources(kind, name);

    -- Each service a patron was referred to, counted by kind, branch and local date. No patron
    -- is named here, by design: the library reports how often the desk helps, never whom.
    CREATE TABLE referrals (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      date TEXT NOT NULL,
      branch_id TEXT REFERENCES branches(id),
      resource_id TEXT NOT NULL REFERENCES community_resources(id),
      kind TEXT NOT NULL,
      card INTEGER NOT NULL CHECK (card IN (0, 1)),
      by_staff TEXT NOT NULL REFERENCES staff(id)
    ) STRICT;
    CREATE INDEX referrals_date ON referrals(date, branch_id, kind);
    CREATE INDEX referrals_at ON referrals(at);
    ${appendOnly('referrals', 'a referral counted is never edited')}

    -- Activity reports as they were made (the PDF kept), and every try at emailing one.
    CREATE TABLE activity_reports (
      id TEXT PRIMARY KEY,
      scope TEXT NOT NULL CHECK (scope IN ('shift','day')),
      shift_id TEXT REFERENCES shifts(id),
      branch_id TEXT REFERENCES branches(id),
      date TEXT NOT NULL,
      from_at TEXT NOT NULL,
      to_at TEXT NOT NULL,
      title TEXT NOT NULL,
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      pdf BLOB NOT NULL,
      summary TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT REFERENCES staff(id)
    ) STRICT;
    CREATE INDEX activity_reports_created ON activity_reports(created_at, id);
    ${appendOnly('activity_reports', 'a report made is never edited: make another')}
    CREATE TABLE activity_report_sends (
      id TEXT PRIMARY KEY,
      report_id TEXT NOT NULL REFERENCES activity_reports(id),
      at TEXT NOT NULL,
      by_staff TEXT REFERENCES staff(id),
      recipients TEXT NOT NULL,
      ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
      failure TEXT,
      message TEXT NOT NULL,
      server_answer TEXT NOT NULL
    ) STRICT;
    CREATE INDEX activity_report_sends_report ON activity_report_sends(report_id, at);
    ${appendOnly('activity_report_sends', 'a send attempt is never edited')}

    -- The desk's mail server and the report's recipients (one row). The password is kept
    -- encrypted like camera passwords (password_enc), never in clear.
    CREATE TABLE mail_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      host TEXT NOT NULL,
      port INTEGER NOT NULL,
      security TEXT NOT NULL CHECK (security IN ('starttls','tls','none')),
      username TEXT NOT NULL,
      password_enc TEXT,
      from_address TEXT NOT NULL,
      recipients TEXT NOT NULL,
      auto_send INTEGER NOT NULL CHECK (auto_send IN (0, 1)),
      updated_at TEXT NOT NULL,
      updated_by TEXT REFERENCES staff(id)
    ) STRICT;
  `,
};

export default shift;
