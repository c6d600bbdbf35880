import type { Db } from '../db/connection';
import { preparedStatements } from '../db/prepared';
import type { CheckMethod, ExceptionKind, ExceptionStep } from '../../shared/contract/closing';

export type RunStatus = 'open' | 'signed' | 'abandoned';

export interface RunRow {
  id: string;
  branchId: string;
  templateVersionId: string;
  closingDate: string;
  startedAt: string;
  startedBy: string;
  status: RunStatus;
  endedAt: string | null;
  endedBy: string | null;
  endNote: string;
}

export interface AnswerRow {
  itemId: string;
  outcome: 'done' | 'problem' | 'yes' | 'no' | 'count' | 'noted';
  count: number | null;
  failed: boolean;
  note: string;
  method: CheckMethod;
  at: string;
  by: string;
  incidentId: string | null;
}

export interface ExceptionRow {
  id: string;
  runId: string;
  kind: ExceptionKind;
  zoneId: string | null;
  beganAt: string;
  openedAt: string;
  openedBy: string;
  details: { who: string; role: string; where: string; why: string; description: string };
  escalateMinutes: number | null;
  incidentId: string | null;
}

export interface StepRow {
  exceptionId: string;
  step: ExceptionStep;
  at: string;
  recordedAt: string;
  by: string;
  note: string;
}

export interface RunSummaryRow extends RunRow {
  items: number;
  answered: number;
  failed: number;
  byCamera: number;
  answerers: string[];
  exceptionKinds: ExceptionKind[];
}

interface RawRun {
  id: string;
  branch_id: string;
  template_version_id: string;
  closing_date: string;
  started_at: string;
  started_by: string;
  status: RunStatus;
  ended_at: string | null;
  ended_by: string | null;
  end_note: string;
}

const toRun = (r: RawRun): RunRow => ({
  id: r.id,
  branchId: r.branch_id,
  templateVersionId: r.template_version_id,
  closingDate: r.closing_date,
  startedAt: r.started_at,
  startedBy: r.started_by,
  status: r.status,
  endedAt: r.ended_at,
  endedBy: r.ended_by,
  endNote: r.end_note,
});

/** A page of runs with the counts a history line shows, in one pass per run over its own keys. */
const SUMMARY = `SELECT r.*,
    json_array_length(v.items) AS items,
    (SELECT count(*) FROM closing_answers a WHERE a.run_id = r.id) AS answered,
    (SELECT count(*) FROM closing_answers a WHERE a.run_id = r.id AND a.failed = 1) AS failed,
    (SELECT count(*) FROM closing_answers a WHERE a.run_id = r.id AND a.method = 'camera') AS by_camera,
    (SELECT group_concat(DISTINCT a.answered_by) FROM closing_answers a WHERE a.run_id = r.id) AS answerers,
    (SELECT group_concat(e.kind) FROM closing_exceptions e WHERE e.run_id = r.id) AS kinds
  FROM closing_runs r JOIN closing_template_versions v ON v.id = r.template_version_id`;

type RawSummary = RawRun & {
  items: number;
  answered: number;
  failed: number;
  by_camera: number;
  answerers: string | null;
  kinds: string | null;
};

const toSummary = (r: RawSummary): RunSummaryRow => ({
  ...toRun(r),
  items: r.items,
  answered: r.answered,
  failed: r.failed,
  byCamera: r.by_camera,
  answerers: r.answerers ? r.answerers.split(',') : [],
  exceptionKinds: r.kinds ? (r.kinds.split(',') as ExceptionKind[]) : [],
});

/** SQL of closing runs: the run, one row per answer, exceptions and their steps. */
export class RunsRepo {
  private readonly runStmt;
  private readonly answersStmt;
  private readonly insertAnswerStmt;
  private readonly answerStmt;

  private readonly sql;

  constructor(db: Db) {
    this.sql = preparedStatements(db);
    this.runStmt = this.sql<[string], RawRun>('SELECT * FROM closing_runs WHERE id = ?');
    this.answersStmt = this.sql<[string], Record<string, string | number | null>>(
      'SELECT * FROM closing_answers WHERE run_id = ?',
    );
    this.answerStmt = this.sql<[string, string], Record<string, string | number | null>>(
      'SELECT * FROM closing_answers WHERE run_id = ? AND item_id = ?',
    );
    this.insertAnswerStmt = this.sql(
      `INSERT INTO closing_answers (run_id, item_id, outcome, count, failed, note, method, answered_at, answered_by)
       VALUES (@runId, @itemId, @outcome, @count, @failed, @note, @method, @at, @by)`,
    );
  }

  run(id: string): RunRow | undefined {
    const r = this.runStmt.get(id);
    return r && toRun(r);
  }

  openRun(branchId: string): RunRow | undefined {
    const r = this.sql<[string], RawRun>("SELECT * FROM closing_runs WHERE branch_id = ? AND status = 'open'").get(
      branchId,
    );
    return r && toRun(r);
  }

  insertRun(r: RunRow): void {
    this.sql(
      `INSERT INTO closing_runs (id, branch_id, template_version_id, closing_date, started_at, started_by, status)
         VALUES (?, ?, ?, ?, ?, ?, 'open')`,
    ).run(r.id, r.branchId, r.templateVersionId, r.closingDate, r.startedAt, r.startedBy);
  }

  /** Ends an open run; false when it was no longer open. */
  end(id: string, status: 'signed' | 'abandoned', at: string, by: string, note: string): boolean {
    return (
      this.sql(
        "UPDATE closing_runs SET status = ?, ended_at = ?, ended_by = ?, end_note = ? WHERE id = ? AND status = 'open'",
      ).run(status, at, by, note, id).changes === 1
    );
  }

  answers(runId: string): AnswerRow[] {
    return this.answersStmt.all(runId).map(toAnswer);
  }

  answer(runId: string, itemId: string): AnswerRow | undefined {
    const r = this.answerStmt.get(runId, itemId);
    return r && toAnswer(r);
  }

  /** Inserts an answer; false when the item already has one (the key refuses a second). */
  insertAnswer(runId: string, a: Omit<AnswerRow, 'incidentId'>): boolean {
    try {
      this.insertAnswerStmt.run({ runId, ...a, failed: a.failed ? 1 : 0 });
      return true;
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return false;
      throw e;
    }
  }

  setAnswerIncident(runId: string, itemId: string, incidentId: string): boolean {
    return (
      this.sql('UPDATE closing_answers SET incident_id = ? WHERE run_id = ? AND item_id = ?').run(
        incidentId,
        runId,
        itemId,
      ).changes === 1
    );
  }

  exceptions(runId: string): ExceptionRow[] {
    return this.sql<[string], Record<string, string | number | null>>(
      'SELECT * FROM closing_exceptions WHERE run_id = ? ORDER BY began_at, id',
    )
      .all(runId)
      .map(toException);
  }

  exception(id: string): ExceptionRow | undefined {
    const r = this.sql<[string], Record<string, string | number | null>>(
      'SELECT * FROM closing_exceptions WHERE id = ?',
    ).get(id);
    return r && toException(r);
  }

  insertException(e: ExceptionRow): void {
    this.sql(
      `INSERT INTO closing_exceptions (id, run_id, kind, zone_id, began_at, opened_at, opened_by, details, escalate_minutes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      e.id,
      e.runId,
      e.kind,
      e.zoneId,
      e.beganAt,
      e.openedAt,
      e.openedBy,
      JSON.stringify(e.details),
      e.escalateMinutes,
    );
  }

  setExceptionIncident(id: string, incidentId: string): void {
    this.sql('UPDATE closing_exceptions SET incident_id = ? WHERE id = ?').run(incidentId, id);
  }

  steps(exceptionIds: readonly string[]): StepRow[] {
    if (exceptionIds.length === 0) return [];
    const stmt = this.sql<[string], Record<string, string>>(
      'SELECT * FROM closing_exception_steps WHERE exception_id = ? ORDER BY at',
    );
    return exceptionIds.flatMap((id) => stmt.all(id).map(toStep));
  }

  /** Inserts a step; false when the exception already has it. */
  insertStep(s: StepRow): boolean {
    try {
      this.sql(
        'INSERT INTO closing_exception_steps (exception_id, step, at, recorded_at, recorded_by, note) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(s.exceptionId, s.step, s.at, s.recordedAt, s.by, s.note);
      return true;
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return false;
      throw e;
    }
  }

  /** A page of a branch's runs, newest first, before the (startedAt, id) cursor. */
  page(branchId: string, before: { startedAt: string; id: string } | null, limit: number): RunSummaryRow[] {
    const rows = before
      ? this.sql<[string, string, string, string, number], RawSummary>(
          `${SUMMARY} WHERE r.branch_id = ? AND (r.started_at < ? OR (r.started_at = ? AND r.id < ?))
             ORDER BY r.started_at DESC, r.id DESC LIMIT ?`,
        ).all(branchId, before.startedAt, before.startedAt, before.id, limit)
      : this.sql<[string, number], RawSummary>(
          `${SUMMARY} WHERE r.branch_id = ? ORDER BY r.started_at DESC, r.id DESC LIMIT ?`,
        ).all(branchId, limit);
    return rows.map(toSummary);
  }

  /** Runs of a branch whose closing date falls in [from, to], oldest first. */
  between(branchId: string, from: string, to: string): RunSummaryRow[] {
    return this.sql<[string, string, string], RawSummary>(
      `${SUMMARY} WHERE r.branch_id = ? AND r.closing_date BETWEEN ? AND ? ORDER BY r.started_at, r.id`,
    )
      .all(branchId, from, to)
      .map(toSummary);
  }

  summary(id: string): RunSummaryRow | undefined {
    const r = this.sql<[string], RawSummary>(`${SUMMARY} WHERE r.id = ?`).get(id);
    return r && toSummary(r);
  }

  /** The newest run of a branch, whatever its status. */
  latest(branchId: string): RunSummaryRow | undefined {
    return this.page(branchId, null, 1)[0];
  }

  count(branchId: string): number {
    return this.sql<[string], { n: number }>('SELECT count(*) AS n FROM closing_runs WHERE branch_id = ?').get(
      branchId,
    )!.n;
  }

  /** Every run still open, with its exceptions that have an escalation: what the alerts watch. */
  openRuns(): RunRow[] {
    return this.sql<[], RawRun>("SELECT * FROM closing_runs WHERE status = 'open'").all().map(toRun);
  }

  /** The newest signed or abandoned run of a branch started at or after `since`. */
  endedSince(branchId: string, since: string): RunRow | undefined {
    const r = this.sql<[string, string], RawRun>(
      "SELECT * FROM closing_runs WHERE branch_id = ? AND started_at >= ? AND status = 'signed' ORDER BY started_at DESC LIMIT 1",
    ).get(branchId, since);
    return r && toRun(r);
  }

  /** Exceptions of runs started since `since` that are not resolved: for the escalation alerts. */
  recentExceptions(since: string): ExceptionRow[] {
    return this.sql<[string], Record<string, string | number | null>>(
      `SELECT e.* FROM closing_exceptions e JOIN closing_runs r ON r.id = e.run_id WHERE r.started_at >= ?`,
    )
      .all(since)
      .map(toException);
  }
}

function toAnswer(r: Record<string, string | number | null>): AnswerRow {
  return {
    itemId: r.item_id as string,
    outcome: r.outcome as AnswerRow['outcome'],
    count: r.count as number | null,
    failed: r.failed === 1,
    note: r.note as string,
    method: r.method as CheckMethod,
    at: r.answered_at as string,
    by: r.answered_by as string,
    incidentId: r.incident_id as string | null,
  };
}

function toException(r: Record<string, string | number | null>): ExceptionRow {
  return {
    id: r.id as string,
    runId: r.run_id as string,
    kind: r.kind as ExceptionKind,
    zoneId: r.zone_id as string | null,
    beganAt: r.began_at as string,
    openedAt: r.opened_at as string,
    openedBy: r.opened_by as string,
    details: JSON.parse(r.details as string) as ExceptionRow['details'],
    escalateMinutes: r.escalate_minutes as number | null,
    incidentId: r.incident_id as string | null,
  };
}

function toStep(r: Record<string, string>): StepRow {
  return {
    exceptionId: r.exception_id!,
    step: r.step as ExceptionStep,
    at: r.at!,
    recordedAt: r.recorded_at!,
    by: r.recorded_by!,
    note: r.note!,
  };
}
