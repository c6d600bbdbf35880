import type { Migration } from './index';

/** Rejects every UPDATE and DELETE on an append-only table. */
const appendOnly = (table: string, message: string) => /* sql */ `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END;
`;

const callsEvacuation: Migration = {
  version: 70,
  name: 'calls-evacuation',
  up: /* sql */ `
    -- Staff calls for assistance. The steps are the record (call_steps, append-only); the row
    -- mirrors the current step times, status and outcome for lists, alerts and figures.
    CREATE TABLE calls (
      id TEXT PRIMARY KEY,
      branch_id TEXT NOT NULL REFERENCES branches(id),
      zone_id TEXT REFERENCES zones(id),
      caller_staff_id TEXT REFERENCES staff(id),
      caller_name TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('desk','phone','radio')),
      nature TEXT NOT NULL
        CHECK (nature IN ('disturbance','medical','patron-help','suspicious','facility','other')),
      priority TEXT NOT NULL CHECK (priority IN ('urgent','normal','low')),
      detail TEXT NOT NULL,
      received_by TEXT NOT NULL REFERENCES staff(id),
      status TEXT NOT NULL CHECK (status IN ('received','responding','on-scene','cleared')),
      received_at TEXT NOT NULL,
      responding_at TEXT,
      on_scene_at TEXT,
      cleared_at TEXT,
      responders TEXT NOT NULL DEFAULT '[]',
      responder_names TEXT NOT NULL DEFAULT '',
      outcome TEXT
        CHECK (outcome IS NULL OR outcome IN ('resolved','patron-left','police-took-over','referred','no-action')),
      outcome_note TEXT NOT NULL DEFAULT '',
      -- The month received, in the branch's zone ("2026-11"), and the response times in seconds.
      month TEXT NOT NULL,
      dispatch_s INTEGER,
      arrive_s INTEGER,
      clear_s INTEGER,
      revision INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX calls_received ON calls(received_at, id);
    CREATE INDEX calls_branch_received ON calls(branch_id, received_at, id);
    CREATE INDEX calls_open ON calls(received_at) WHERE status <> 'cleared';
    -- Response-time figures never read the calls themselves: counts come from call_month_counts, and
    -- a median or 90th percentile is the value at its rank, reached by OFFSET along one of these
    -- indexes in order (per month, and per branch over a range of months).
    CREATE INDEX calls_dispatch_by_month ON calls(branch_id, month, dispatch_s) WHERE dispatch_s IS NOT NULL;
    CREATE INDEX calls_arrive_by_month ON calls(branch_id, month, arrive_s) WHERE arrive_s IS NOT NULL;
    CREATE INDEX calls_clear_by_month ON calls(branch_id, month, clear_s) WHERE clear_s IS NOT NULL;
    CREATE INDEX calls_dispatch_by_value ON calls(branch_id, dispatch_s, month) WHERE dispatch_s IS NOT NULL;
    CREATE INDEX calls_arrive_by_value ON calls(branch_id, arrive_s, month) WHERE arrive_s IS NOT NULL;
    CREATE INDEX calls_clear_by_value ON calls(branch_id, clear_s, month) WHERE clear_s IS NOT NULL;
    -- How many calls each branch had each month and how many reached each step, kept by the
    -- database itself as the call rows change (a correction may move a call's month or a step).
    CREATE TABLE call_month_counts (
      branch_id TEXT NOT NULL,
      month TEXT NOT NULL,
      calls INTEGER NOT NULL,
      dispatch INTEGER NOT NULL,
      arrive INTEGER NOT NULL,
      clear INTEGER NOT NULL,
      PRIMARY KEY (branch_id, month)
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER calls_counted AFTER INSERT ON calls BEGIN
      INSERT INTO call_month_counts (branch_id, month, calls, dispatch, arrive, clear)
        VALUES (NEW.branch_id, NEW.month, 1, NEW.dispatch_s IS NOT NULL, NEW.arrive_s IS NOT NULL,
          NEW.clear_s IS NOT NULL)
        ON CONFLICT (branch_id, month) DO UPDATE SET calls = calls + 1, dispatch = dispatch + excluded.dispatch,
          arrive = arrive + excluded.arrive, clear = clear + excluded.clear;
    END;
    CREATE TRIGGER calls_recounted AFTER UPDATE OF month, dispatch_s, arrive_s, clear_s ON calls BEGIN
      UPDATE call_month_counts SET calls = calls - 1, dispatch = dispatch - (OLD.dispatch_s IS NOT NULL),
          arrive = arrive - (OLD.arrive_s IS NOT NULL), clear = clear - (OLD.clear_s IS NOT NULL)
        WHERE branch_id = OLD.branch_id AND month = OLD.month;
      INSERT INTO call_month_counts (branch_id, month, calls, dispatch, arrive, clear)
        VALUES (NEW.branch_id, NEW.month, 1, NEW.dispatch_s IS NOT NULL, NEW.arrive_s IS NOT NULL,
          NEW.clear_s IS NOT NULL)
        ON CONFLICT (branch_id, month) DO UPDATE SET calls = calls + 1, dispatch = dispatch + excluded.dispatch,
          arrive = arrive + excluded.arrive, clear = clear + excluded.clear;
    END;
    CREATE TRIGGER calls_no_delete BEFORE DELETE ON calls
      BEGIN SELECT RAISE(ABORT, 'a call is never deleted'); END;
    CREATE TRIGGER calls_identity_fixed BEFORE UPDATE OF id, branch_id, received_by ON calls
      BEGIN SELECT RAISE(ABORT, 'a call keeps its branch and who logged it'); END;

    -- Every record of a step; a correction is a new row naming the one it corrects.
    CREATE TABLE call_steps (
      id TEXT PRIMARY KEY,
      call_id TEXT NOT NULL REFERENCES calls(id),
      step TEXT NOT NULL CHECK (step IN ('received','responding','on-scene','cleared')),
      at TEXT,
      responders TEXT NOT NULL DEFAULT '[]',
      outcome TEXT,
      note TEXT NOT NULL DEFAULT '',
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL REFERENCES staff(id),
      corrects TEXT REFERENCES call_steps(id),
      reason TEXT,
      UNIQUE (corrects)
    ) STRICT;
    CREATE INDEX call_steps_call ON call_steps(call_id, recorded_at);
    ${appendOnly('call_steps', 'a call step is never edited: record a correction')}

    -- Corrections of what the call was (zone, nature, priority, caller, detail).
    CREATE TABLE call_changes (
      id TEXT PRIMARY KEY,
      call_id TEXT NOT NULL REFERENCES calls(id),
      at TEXT NOT NULL,
      by TEXT NOT NULL REFERENCES staff(id),
      reason TEXT NOT NULL,
      changes TEXT NOT NULL
    ) STRICT;
    CREATE INDEX call_changes_call ON call_changes(call_id, at);
    ${appendOnly('call_changes', 'a correction is never edited: record another')}

    -- Police, EMS or fire called from a call; arrival and case number are filled in later (journaled).
    CREATE TABLE call_agencies (
      id TEXT PRIMARY KEY,
      call_id TEXT NOT NULL REFERENCES calls(id),
      kind TEXT NOT NULL CHECK (kind IN ('police','ems','fire')),
      name TEXT NOT NULL,
      called_at TEXT NOT NULL,
      arrived_at TEXT,
      case_number TEXT NOT NULL,
      recorded_by TEXT NOT NULL REFERENCES staff(id),
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX call_agencies_call ON call_agencies(call_id);

    -- Reports started from a call. The id is the draft's, which the filed report keeps.
    CREATE TABLE call_incidents (
      call_id TEXT NOT NULL REFERENCES calls(id),
      incident_id TEXT NOT NULL,
      number TEXT,
      linked_at TEXT NOT NULL,
      linked_by TEXT NOT NULL REFERENCES staff(id),
      PRIMARY KEY (call_id, incident_id)
    ) STRICT;
    CREATE INDEX call_incidents_incident ON call_incidents(incident_id);

    -- When open calls become alerts: one JSON row.
    CREATE TABLE call_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

    -- A branch's evacuation plan: where people gather, and the zones in the order they are swept.
    CREATE TABLE evacuation_plans (
      branch_id TEXT PRIMARY KEY REFERENCES branches(id),
      assembly_point TEXT NOT NULL,
      sweep_target_s INTEGER NOT NULL CHECK (sweep_target_s > 0),
      zones TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL REFERENCES staff(id)
    ) STRICT;

    -- Evacuations and drills. What happened is the log (evacuation_log, append-only);
    -- the row keeps the facts fixed at the start and, once given, the all clear.
    CREATE TABLE evacuations (
      id TEXT PRIMARY KEY,
      branch_id TEXT NOT NULL REFERENCES branches(id),
      kind TEXT NOT NULL
        CHECK (kind IN ('fire-alarm','drill','bomb-threat','shelter-in-place','hazmat','other')),
      description TEXT NOT NULL,
      started_at TEXT NOT NULL,
      started_by TEXT NOT NULL REFERENCES staff(id),
      assembly_point TEXT NOT NULL,
      sweep_target_s INTEGER NOT NULL,
      ended_at TEXT,
      swept_after_s INTEGER,
      zones_total INTEGER NOT NULL,
      zones_swept INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    -- One running evacuation per branch, whatever two consoles try at once.
    CREATE UNIQUE INDEX evacuations_running ON evacuations(branch_id) WHERE ended_at IS NULL;
    CREATE INDEX evacuations_started ON evacuations(started_at, id);
    CREATE TRIGGER evacuations_no_delete BEFORE DELETE ON evacuations
      BEGIN SELECT RAISE(ABORT, 'an evacuation record is never deleted'); END;
    CREATE TRIGGER evacuations_ended_stays BEFORE UPDATE OF ended_at ON evacuations
      WHEN OLD.ended_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'an evacuation''s all clear is never changed'); END;

    CREATE TABLE evacuation_log (
      id TEXT PRIMARY KEY,
      evacuation_id TEXT NOT NULL REFERENCES evacuations(id),
      seq INTEGER NOT NULL,
      kind TEXT NOT NULL,
      at TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL REFERENCES staff(id),
      data TEXT NOT NULL,
      UNIQUE (evacuation_id, seq)
    ) STRICT;
    ${appendOnly('evacuation_log', 'an evacuation log entry is never edited: record another')}
  `,
};

export default callsEvacuation;
