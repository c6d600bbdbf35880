import type { Migration } from './index';

/**
 * Opening hours (branches), closing checklists (closing) and patrol rounds (rounds).
 * Templates and routes are versioned like the behavior guidelines: a version is
 * never changed, and each run or round points at the version it was worked with.
 * Answers and visits are one row per item or checkpoint, so a second answer to the
 * same item is refused by the key itself, whichever console sends it.
 */
const closingRounds: Migration = {
  version: 60,
  name: 'closing-rounds',
  up: /* sql */ `
    CREATE TABLE branch_weekly_hours (
      branch_id TEXT NOT NULL REFERENCES branches(id),
      weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
      opens TEXT NOT NULL,
      closes TEXT NOT NULL CHECK (closes > opens),
      PRIMARY KEY (branch_id, weekday)
    ) STRICT;

    -- A date with its own hours, or closed all day (opens and closes null).
    CREATE TABLE branch_special_days (
      branch_id TEXT NOT NULL REFERENCES branches(id),
      date TEXT NOT NULL,
      opens TEXT,
      closes TEXT,
      note TEXT NOT NULL,
      CHECK ((opens IS NULL AND closes IS NULL) OR (opens IS NOT NULL AND closes > opens)),
      PRIMARY KEY (branch_id, date)
    ) STRICT;

    CREATE TABLE closing_templates (
      id TEXT PRIMARY KEY,
      branch_id TEXT NOT NULL UNIQUE REFERENCES branches(id),
      current_version_id TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    -- items: the ordered checklist as JSON (never changed once written).
    CREATE TABLE closing_template_versions (
      id TEXT PRIMARY KEY,
      template_id TEXT NOT NULL REFERENCES closing_templates(id),
      version INTEGER NOT NULL,
      items TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT REFERENCES staff(id),
      UNIQUE (template_id, version)
    ) STRICT;
    CREATE TRIGGER closing_template_versions_frozen BEFORE UPDATE ON closing_template_versions
      BEGIN SELECT RAISE(ABORT, 'a template version is never changed: save a new one'); END;

    -- Reminder minutes and escalation policy per branch, as JSON; no row: the defaults.
    CREATE TABLE closing_policies (
      branch_id TEXT PRIMARY KEY REFERENCES branches(id),
      policy TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT REFERENCES staff(id)
    ) STRICT;

    CREATE TABLE closing_runs (
      id TEXT PRIMARY KEY,
      branch_id TEXT NOT NULL REFERENCES branches(id),
      template_version_id TEXT NOT NULL REFERENCES closing_template_versions(id),
      closing_date TEXT NOT NULL,
      started_at TEXT NOT NULL,
      started_by TEXT NOT NULL REFERENCES staff(id),
      status TEXT NOT NULL CHECK (status IN ('open', 'signed', 'abandoned')),
      ended_at TEXT,
      ended_by TEXT REFERENCES staff(id),
      end_note TEXT NOT NULL DEFAULT '',
      CHECK ((status = 'open') = (ended_at IS NULL))
    ) STRICT;
    CREATE INDEX closing_runs_branch ON closing_runs(branch_id, started_at);
    CREATE UNIQUE INDEX closing_runs_one_open ON closing_runs(branch_id) WHERE status = 'open';

    CREATE TABLE closing_answers (
      run_id TEXT NOT NULL REFERENCES closing_runs(id),
      item_id TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('done', 'problem', 'yes', 'no', 'count', 'noted')),
      count INTEGER,
      failed INTEGER NOT NULL CHECK (failed IN (0, 1)),
      note TEXT NOT NULL,
      method TEXT NOT NULL CHECK (method IN ('walked', 'camera')),
      answered_at TEXT NOT NULL,
      answered_by TEXT NOT NULL REFERENCES staff(id),
      incident_id TEXT,
      PRIMARY KEY (run_id, item_id)
    ) STRICT, WITHOUT ROWID;

    -- details: the kind's own facts (who, where, why) as JSON.
    CREATE TABLE closing_exceptions (
      id TEXT PRIMARY KEY,
      run_id TEXT NOT NULL REFERENCES closing_runs(id),
      kind TEXT NOT NULL CHECK (kind IN ('child', 'refusal', 'inside', 'reentry')),
      zone_id TEXT,
      began_at TEXT NOT NULL,
      opened_at TEXT NOT NULL,
      opened_by TEXT NOT NULL REFERENCES staff(id),
      details TEXT NOT NULL,
      escalate_minutes INTEGER,
      incident_id TEXT
    ) STRICT;
    CREATE INDEX closing_exceptions_run ON closing_exceptions(run_id);

    CREATE TABLE closing_exception_steps (
      exception_id TEXT NOT NULL REFERENCES closing_exceptions(id),
      step TEXT NOT NULL,
      at TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL REFERENCES staff(id),
      note TEXT NOT NULL,
      PRIMARY KEY (exception_id, step)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE patrol_routes (
      id TEXT PRIMARY KEY,
      branch_id TEXT NOT NULL REFERENCES branches(id),
      current_version_id TEXT NOT NULL,
      -- Set while retired: no round is due from then on; history before it still counts.
      retired_at TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX patrol_routes_branch ON patrol_routes(branch_id);

    -- checkpoints: the ordered route as JSON (never changed once written).
    CREATE TABLE patrol_route_versions (
      id TEXT PRIMARY KEY,
      route_id TEXT NOT NULL REFERENCES patrol_routes(id),
      version INTEGER NOT NULL,
      name TEXT NOT NULL,
      checkpoints TEXT NOT NULL,
      interval_minutes INTEGER NOT NULL CHECK (interval_minutes > 0),
      first_after_minutes INTEGER NOT NULL CHECK (first_after_minutes >= 0),
      grace_minutes INTEGER NOT NULL CHECK (grace_minutes >= 0),
      min_gap_seconds INTEGER NOT NULL CHECK (min_gap_seconds >= 0),
      created_at TEXT NOT NULL,
      created_by TEXT REFERENCES staff(id),
      UNIQUE (route_id, version)
    ) STRICT;
    CREATE TRIGGER patrol_route_versions_frozen BEFORE UPDATE ON patrol_route_versions
      BEGIN SELECT RAISE(ABORT, 'a route version is never changed: save a new one'); END;

    CREATE TABLE patrol_rounds (
      id TEXT PRIMARY KEY,
      route_id TEXT NOT NULL REFERENCES patrol_routes(id),
      route_version_id TEXT NOT NULL REFERENCES patrol_route_versions(id),
      branch_id TEXT NOT NULL REFERENCES branches(id),
      started_at TEXT NOT NULL,
      started_by TEXT NOT NULL REFERENCES staff(id),
      ended_at TEXT,
      ended_by TEXT REFERENCES staff(id),
      end_note TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX patrol_rounds_route ON patrol_rounds(route_id, started_at);
    CREATE INDEX patrol_rounds_branch ON patrol_rounds(branch_id, started_at);
    CREATE UNIQUE INDEX patrol_rounds_one_open ON patrol_rounds(route_id) WHERE ended_at IS NULL;

    CREATE TABLE patrol_visits (
      round_id TEXT NOT NULL REFERENCES patrol_rounds(id),
      checkpoint_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('visited', 'skipped')),
      at TEXT NOT NULL,
      by TEXT NOT NULL REFERENCES staff(id),
      method TEXT CHECK (method IN ('walked', 'camera')),
      reason TEXT NOT NULL,
      CHECK ((status = 'visited') = (method IS NOT NULL)),
      CHECK (status = 'visited' OR length(reason) > 0),
      PRIMARY KEY (round_id, checkpoint_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE patrol_observations (
      id TEXT PRIMARY KEY,
      round_id TEXT NOT NULL REFERENCES patrol_rounds(id),
      checkpoint_id TEXT NOT NULL,
      at TEXT NOT NULL,
      by TEXT NOT NULL REFERENCES staff(id),
      text TEXT NOT NULL,
      incident_id TEXT
    ) STRICT;
    CREATE INDEX patrol_observations_round ON patrol_observations(round_id);
  `,
};

export default closingRounds;
