import type { Db } from '../db/connection';
import type {
  AgencyKind,
  CallChannel,
  CallNature,
  CallOutcome,
  CallPriority,
  CallStep,
} from '../../shared/contract/calls';

/** A calls row as stored; `responders` is JSON ([{ staffId, name }]). */
export interface CallRow {
  id: string;
  branch_id: string;
  zone_id: string | null;
  caller_staff_id: string | null;
  caller_name: string;
  channel: CallChannel;
  nature: CallNature;
  priority: CallPriority;
  detail: string;
  received_by: string;
  status: CallStep;
  received_at: string;
  responding_at: string | null;
  on_scene_at: string | null;
  cleared_at: string | null;
  responders: string;
  responder_names: string;
  outcome: CallOutcome | null;
  outcome_note: string;
  month: string;
  dispatch_s: number | null;
  arrive_s: number | null;
  clear_s: number | null;
  revision: number;
  updated_at: string;
}

export interface StepRow {
  id: string;
  call_id: string;
  step: CallStep;
  at: string | null;
  responders: string;
  outcome: CallOutcome | null;
  note: string;
  recorded_at: string;
  recorded_by: string;
  corrects: string | null;
  reason: string | null;
}

export interface ChangeRow {
  id: string;
  call_id: string;
  at: string;
  by: string;
  reason: string;
  changes: string;
}

export interface AgencyRow {
  id: string;
  call_id: string;
  kind: AgencyKind;
  name: string;
  called_at: string;
  arrived_at: string | null;
  case_number: string;
  recorded_by: string;
  updated_at: string;
}

export interface IncidentLinkRow {
  call_id: string;
  incident_id: string;
  number: string | null;
  linked_at: string;
  linked_by: string;
}

/** What the step records say now, mirrored on the call row. */
export interface Mirror {
  status: CallStep;
  received_at: string;
  responding_at: string | null;
  on_scene_at: string | null;
  cleared_at: string | null;
  responders: string;
  responder_names: string;
  outcome: CallOutcome | null;
  outcome_note: string;
  month: string;
  dispatch_s: number | null;
  arrive_s: number | null;
  clear_s: number | null;
  updated_at: string;
}

export interface Details {
  zone_id: string | null;
  caller_staff_id: string | null;
  caller_name: string;
  channel: CallChannel;
  nature: CallNature;
  priority: CallPriority;
  detail: string;
}

export interface SearchQuery {
  words: string[];
  branchId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  nature?: string | undefined;
  priority?: string | undefined;
  state?: 'open' | 'cleared' | undefined;
  outcome?: string | undefined;
  after?: { receivedAt: string; id: string } | undefined;
  limit: number;
}

/** A LIKE pattern matching the text anywhere, its wildcards taken literally. */
const containing = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const SEARCHED = `(c.detail || ' ' || c.caller_name || ' ' || c.responder_names || ' ' || c.outcome_note)`;

/** SQL of the calls tables: the call row, its step records, corrections, agencies and report links. */
export class CallsRepo {
  private readonly getStmt;
  private readonly stepsStmt;
  private readonly openStmt;

  constructor(private readonly db: Db) {
    this.getStmt = db.prepare<[string], CallRow>('SELECT * FROM calls WHERE id = ?');
    this.stepsStmt = db.prepare<[string], StepRow>(
      'SELECT * FROM call_steps WHERE call_id = ? ORDER BY recorded_at, rowid',
    );
    this.openStmt = db.prepare<[], CallRow>("SELECT * FROM calls WHERE status <> 'cleared' ORDER BY received_at, id");
  }

  insertCall(row: Omit<CallRow, 'revision' | 'updated_at'> & { updated_at: string }): void {
    this.db
      .prepare(
        `INSERT INTO calls (id, branch_id, zone_id, caller_staff_id, caller_name, channel, nature, priority, detail,
           received_by, status, received_at, responding_at, on_scene_at, cleared_at, responders, responder_names,
           outcome, outcome_note, month, dispatch_s, arrive_s, clear_s, revision, updated_at)
         VALUES (@id, @branch_id, @zone_id, @caller_staff_id, @caller_name, @channel, @nature, @priority, @detail,
           @received_by, @status, @received_at, @responding_at, @on_scene_at, @cleared_at, @responders,
           @responder_names, @outcome, @outcome_note, @month, @dispatch_s, @arrive_s, @clear_s, 1, @updated_at)`,
      )
      .run(row);
  }

  call(id: string): CallRow | undefined {
    return this.getStmt.get(id);
  }

  insertStep(row: StepRow): void {
    this.db
      .prepare(
        `INSERT INTO call_steps (id, call_id, step, at, responders, outcome, note, recorded_at, recorded_by, corrects, reason)
         VALUES (@id, @call_id, @step, @at, @responders, @outcome, @note, @recorded_at, @recorded_by, @corrects, @reason)`,
      )
      .run(row);
  }

  steps(callId: string): StepRow[] {
    return this.stepsStmt.all(callId);
  }

  setMirror(id: string, m: Mirror): void {
    this.db
      .prepare(
        `UPDATE calls SET status = @status, received_at = @received_at, responding_at = @responding_at,
           on_scene_at = @on_scene_at, cleared_at = @cleared_at, responders = @responders,
           responder_names = @responder_names, outcome = @outcome, outcome_note = @outcome_note, month = @month,
           dispatch_s = @dispatch_s, arrive_s = @arrive_s, clear_s = @clear_s, revision = revision + 1,
           updated_at = @updated_at
         WHERE id = @id`,
      )
      .run({ ...m, id });
  }

  setDetails(id: string, d: Details, updatedAt: string): void {
    this.db
      .prepare(
        `UPDATE calls SET zone_id = @zone_id, caller_staff_id = @caller_staff_id, caller_name = @caller_name,
           channel = @channel, nature = @nature, priority = @priority, detail = @detail, revision = revision + 1,
           updated_at = @updatedAt
         WHERE id = @id`,
      )
      .run({ ...d, id, updatedAt });
  }

  /** A change that touches no column of the row (an agency, a report link) still moves its revision. */
  touch(id: string, updatedAt: string): void {
    this.db.prepare('UPDATE calls SET revision = revision + 1, updated_at = ? WHERE id = ?').run(updatedAt, id);
  }

  insertChange(row: ChangeRow): void {
    this.db
      .prepare('INSERT INTO call_changes (id, call_id, at, by, reason, changes) VALUES (?, ?, ?, ?, ?, ?)')
      .run(row.id, row.call_id, row.at, row.by, row.reason, row.changes);
  }

  changes(callId: string): ChangeRow[] {
    return this.db
      .prepare<[string], ChangeRow>('SELECT * FROM call_changes WHERE call_id = ? ORDER BY at, rowid')
      .all(callId);
  }

  insertAgency(row: AgencyRow): void {
    this.db
      .prepare(
        `INSERT INTO call_agencies (id, call_id, kind, name, called_at, arrived_at, case_number, recorded_by, updated_at)
         VALUES (@id, @call_id, @kind, @name, @called_at, @arrived_at, @case_number, @recorded_by, @updated_at)`,
      )
      .run(row);
  }

  updateAgency(row: AgencyRow): void {
    this.db
      .prepare(
        `UPDATE call_agencies SET kind = @kind, name = @name, called_at = @called_at, arrived_at = @arrived_at,
           case_number = @case_number, recorded_by = @recorded_by, updated_at = @updated_at
         WHERE id = @id AND call_id = @call_id`,
      )
      .run(row);
  }

  agencies(callId: string): AgencyRow[] {
    return this.db
      .prepare<[string], AgencyRow>('SELECT * FROM call_agencies WHERE call_id = ? ORDER BY called_at, rowid')
      .all(callId);
  }

  /** The agencies' kinds and the filed report numbers of many calls at once, for lists. */
  listExtras(callIds: readonly string[]): Map<string, { agencies: AgencyKind[]; numbers: string[] }> {
    const out = new Map<string, { agencies: AgencyKind[]; numbers: string[] }>();
    if (callIds.length === 0) return out;
    for (const id of callIds) out.set(id, { agencies: [], numbers: [] });
    const ids = JSON.stringify(callIds);
    const agencies = this.db.prepare<[string], { call_id: string; kind: AgencyKind }>(
      'SELECT call_id, kind FROM call_agencies WHERE call_id IN (SELECT value FROM json_each(?)) ORDER BY called_at',
    );
    for (const a of agencies.all(ids)) out.get(a.call_id)!.agencies.push(a.kind);
    const links = this.db.prepare<[string], { call_id: string; number: string }>(
      `SELECT call_id, number FROM call_incidents
       WHERE number IS NOT NULL AND call_id IN (SELECT value FROM json_each(?)) ORDER BY linked_at`,
    );
    for (const l of links.all(ids)) out.get(l.call_id)!.numbers.push(l.number);
    return out;
  }

  insertIncidentLink(row: IncidentLinkRow): void {
    this.db
      .prepare(
        `INSERT INTO call_incidents (call_id, incident_id, number, linked_at, linked_by)
         VALUES (@call_id, @incident_id, @number, @linked_at, @linked_by)`,
      )
      .run(row);
  }

  incidentLinks(callId: string): IncidentLinkRow[] {
    return this.db
      .prepare<[string], IncidentLinkRow>('SELECT * FROM call_incidents WHERE call_id = ? ORDER BY linked_at')
      .all(callId);
  }

  /** A report started from a call was filed: its number goes on the link. Returns the calls it links. */
  setIncidentNumber(incidentId: string, number: string): string[] {
    return this.db
      .prepare<[string, string], { call_id: string }>(
        'UPDATE call_incidents SET number = ? WHERE incident_id = ? AND number IS NULL RETURNING call_id',
      )
      .all(number, incidentId)
      .map((r) => r.call_id);
  }

  callForIncident(incidentId: string): string | undefined {
    return this.db
      .prepare<[string], { call_id: string }>(
        'SELECT call_id FROM call_incidents WHERE incident_id = ? ORDER BY linked_at LIMIT 1',
      )
      .get(incidentId)?.call_id;
  }

  open(): CallRow[] {
    return this.openStmt.all();
  }

  /** One page, newest first, after the cursor; `limit` rows at most. */
  search(q: SearchQuery): CallRow[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const add = (clause: string, ...values: (string | number)[]) => {
      where.push(clause);
      params.push(...values);
    };
    if (q.branchId) add('c.branch_id = ?', q.branchId);
    if (q.from) add('c.received_at >= ?', q.from);
    if (q.to) add('c.received_at < ?', q.to);
    if (q.nature) add('c.nature = ?', q.nature);
    if (q.priority) add('c.priority = ?', q.priority);
    if (q.state === 'open') where.push("c.status <> 'cleared'");
    if (q.state === 'cleared') where.push("c.status = 'cleared'");
    if (q.outcome) add('c.outcome = ?', q.outcome);
    for (const word of q.words) add(`${SEARCHED} LIKE ? ESCAPE '\\'`, containing(word));
    if (q.after) add('(c.received_at, c.id) < (?, ?)', q.after.receivedAt, q.after.id);
    const sql = `SELECT c.* FROM calls c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY c.received_at DESC, c.id DESC LIMIT ?`;
    return this.db.prepare<(string | number)[], CallRow>(sql).all(...params, q.limit);
  }

  setting(key: string): string | undefined {
    return this.db.prepare<[string], { value: string }>('SELECT value FROM call_settings WHERE key = ?').get(key)
      ?.value;
  }

  putSetting(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO call_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }
}
