import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { DomainEvents } from '../events';
import { conflict, invalid, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { ReadAudit } from '../calls/read-audit';
import { EVACUATION_WORDS } from '../../shared/call-words';
import type {
  EvacuationEntry,
  EvacuationKind,
  EvacuationRecord,
  EvacuationSummary,
  RunningEvacuation,
} from '../../shared/contract/evacuation';
import type { JournalKind } from '../../shared/contract/journal';
import type { EvacuationRepo, EvacuationRow } from './evacuation.repo';
import { checkedEntry, clockIn } from './evacuation.entries';
import { replay, sweptAfter, type BranchFacts, type LogData } from './evacuation.state';
import { EvacuationPlans } from './plans';
import type { EvacuationPorts } from './ports';

/**
 * Evacuations and drills, the Designated Evacuation Coordinator's record. Everything
 * that happens is appended to the evacuation's log (never edited) in one IMMEDIATE
 * transaction that checks the record as it is now, so two consoles cannot both sweep a
 * zone or both give the all clear; the record's state is the log replayed.
 */
export class EvacuationService {
  readonly plans: EvacuationPlans;

  constructor(
    private readonly db: Db,
    private readonly repo: EvacuationRepo,
    private readonly journal: Journal,
    private readonly readAudit: ReadAudit,
    private readonly ports: EvacuationPorts,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {
    this.plans = new EvacuationPlans(db, repo, journal, ports, events, clock);
  }

  running(): RunningEvacuation[] {
    return this.repo.running().map((row) => {
      const b = this.branch(row.branch_id);
      return {
        id: row.id,
        branchId: b.id,
        branchName: b.name,
        branchCode: b.code,
        timeZone: b.timeZone,
        kind: row.kind,
        drill: row.kind === 'drill',
        startedAt: row.started_at,
      };
    });
  }

  start(branchId: string, kind: EvacuationKind, description: string, staffId: string): EvacuationRecord {
    return this.change('evacuation.started', staffId, () => {
      const branch = this.ports.branches.find(branchId);
      if (!branch || branch.retired) throw invalid('Choose a branch in use.', { branchId: 'Choose a branch' });
      const running = this.repo.runningAt(branchId);
      if (running) {
        throw conflict(
          `An evacuation is already running at ${branch.name}: ${EVACUATION_WORDS[running.kind].toLowerCase()}, ` +
            `started ${clockIn(running.started_at, branch.timeZone)} by ${this.nameOf(running.started_by)}.`,
        );
      }
      const plan = this.plans.plan(branchId);
      const now = this.clock.now().toISOString();
      const id = uuidv7();
      this.repo.insert({
        id,
        branch_id: branchId,
        kind,
        description,
        started_at: now,
        started_by: staffId,
        assembly_point: plan.assemblyPoint,
        sweep_target_s: plan.sweepTargetMinutes * 60,
        ended_at: null,
        swept_after_s: null,
        zones_total: plan.zones.length,
        zones_swept: 0,
      });
      this.append(id, now, staffId, {
        kind: 'started',
        evacuationKind: kind,
        description,
        zones: plan.zones.map(({ zoneId, name, floor, assignee }) => ({ zoneId, name, floor, assignee })),
      });
      return id;
    });
  }

  record(id: string, entry: EvacuationEntry, staffId: string): EvacuationRecord {
    return this.change('evacuation.recorded', staffId, () => {
      const { row, record } = this.current(id);
      const tz = record.branch.timeZone;
      if (!record.running && entry.kind !== 'note') {
        throw conflict(
          `This evacuation ended with the all clear at ${clockIn(record.allClear!.at, tz)}: only notes can be added now.`,
        );
      }
      const { data, at } = checkedEntry(record, entry, {
        now: this.clock.now(),
        staffNames: (ids) => this.ports.staff.names(ids),
      });
      this.append(id, at, staffId, data);
      this.mirrorSweeps(row, id);
      return id;
    });
  }

  allClear(id: string, givenBy: string, confirmUnswept: readonly string[], staffId: string): EvacuationRecord {
    return this.change('evacuation.allClear', staffId, () => {
      const { record } = this.current(id);
      if (record.allClear) {
        throw conflict(
          `The all clear was already given at ${clockIn(record.allClear.at, record.branch.timeZone)} by ` +
            `${record.allClear.givenBy} (recorded by ${record.allClear.recordedBy.name}).`,
        );
      }
      const unswept = record.zones.filter((z) => z.state !== 'clear');
      const confirmed = new Set(confirmUnswept);
      if (unswept.length !== confirmed.size || unswept.some((z) => !confirmed.has(z.zoneId))) {
        const list = unswept.map((z) => z.name).join(', ');
        throw conflict(
          unswept.length
            ? `${unswept.length === 1 ? '1 zone is' : `${unswept.length} zones are`} not swept clear: ${list}. ` +
                'Confirm them to give the all clear anyway.'
            : 'Every zone is swept clear now: give the all clear again.',
          { confirmUnswept: list },
        );
      }
      const now = this.clock.now().toISOString();
      this.append(id, now, staffId, {
        kind: 'allClear',
        givenBy,
        unswept: unswept.map((z) => ({ zoneId: z.zoneId, name: z.name })),
      });
      this.repo.end(id, now);
      return id;
    });
  }

  get(id: string, staffId: string): EvacuationRecord {
    const record = this.load(id);
    this.readAudit.read(
      staffId,
      'evacuation',
      id,
      `Opened the evacuation of ${record.startedAt} at ${record.branch.name}`,
    );
    return record;
  }

  /** The record for an export that audits its own read. */
  load(id: string): EvacuationRecord {
    const row = this.repo.get(id);
    if (!row) throw notFound('That evacuation');
    const log = this.repo.log(id);
    const names = this.ports.staff.names([...new Set(log.map((e) => e.recorded_by).concat(row.started_by))]);
    const b = this.branch(row.branch_id);
    return replay(row, log, b, names);
  }

  list(branchId: string | undefined, limit: number): EvacuationSummary[] {
    return this.summaries(this.repo.list(branchId, limit));
  }

  /** Evacuations and drills started in [from, to), oldest first (a daily report lists them). */
  startedBetween(from: string, to: string): EvacuationSummary[] {
    return this.summaries(this.repo.startedBetween(from, to));
  }

  private summaries(rows: EvacuationRow[]): EvacuationSummary[] {
    const names = this.ports.staff.names(rows.map((r) => r.started_by));
    return rows.map((r) => ({
      id: r.id,
      branchId: r.branch_id,
      kind: r.kind,
      drill: r.kind === 'drill',
      description: r.description,
      startedAt: r.started_at,
      startedBy: names.get(r.started_by) ?? '(unknown)',
      allClearAt: r.ended_at,
      allClearAfter: r.ended_at ? Math.round((Date.parse(r.ended_at) - Date.parse(r.started_at)) / 1000) : null,
      sweptAfter: r.swept_after_s,
      zones: r.zones_total,
      zonesSwept: r.zones_swept,
    }));
  }

  /** The journal's seal on a record's current state (the after-action report prints it). */
  lastJournalEntry(id: string) {
    return this.journal.forRecord(id).at(-1);
  }

  // ---- helpers ----

  private change(kind: JournalKind, staffId: string, apply: () => string): EvacuationRecord {
    const record = this.db
      .transaction(() => {
        const id = apply();
        const after = this.load(id);
        this.journal.append({ kind, recordId: id, actor: staffId, payload: after });
        return after;
      })
      .immediate();
    this.events.emit('evacuation.changed', { evacuationId: record.id, branchId: record.branch.id });
    return record;
  }

  private current(id: string): { row: EvacuationRow; record: EvacuationRecord } {
    const row = this.repo.get(id);
    if (!row) throw notFound('That evacuation');
    return { row, record: this.load(id) };
  }

  private append(id: string, at: string, staffId: string, data: LogData): void {
    this.repo.append({
      id: uuidv7(),
      evacuation_id: id,
      kind: data.kind,
      at,
      recorded_at: this.clock.now().toISOString(),
      recorded_by: staffId,
      data: JSON.stringify(data),
    });
  }

  private mirrorSweeps(row: EvacuationRow, id: string): void {
    const after = this.load(id);
    this.repo.setSweeps(row.id, after.zones.filter((z) => z.state === 'clear').length, sweptAfter(after));
  }

  private branch(id: string): BranchFacts {
    const b = this.ports.branches.find(id);
    return b
      ? { id: b.id, name: b.name, code: b.code, timeZone: b.timeZone }
      : { id, name: '(removed branch)', code: '?', timeZone: 'UTC' };
  }

  private nameOf(staffId: string): string {
    return this.ports.staff.names([staffId]).get(staffId) ?? 'someone';
  }
}
