import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { DomainEvents } from '../events';
import { conflict, invalid, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { Role } from '../../shared/roles';
import type { ShiftNow, ShiftSummary } from '../../shared/contract/shifts';
import { ALL_BRANCHES } from '../../shared/shift-words';
import { clockIn, dayWindow, zoneOf } from '../desk-time';
import type { EntriesService } from './entries.service';
import { endWarnings } from './end-check';
import type { ShiftPorts } from './ports';
import type { ShiftRow, ShiftsRepo } from './shifts.repo';

/**
 * Shifts: who was on the desk, where, from when to when. One open shift per person;
 * ending one says plainly what is still open (calls, tonight's closing, callbacks)
 * and never refuses for it: the next person carries on.
 */
export class ShiftsService {
  constructor(
    private readonly db: Db,
    private readonly repo: ShiftsRepo,
    private readonly entries: EntriesService,
    private readonly journal: Journal,
    private readonly ports: ShiftPorts & { roleOf(staffId: string): Role | null },
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  start(branchId: string | null, staffId: string): ShiftSummary {
    const { row, fresh } = this.db
      .transaction(() => {
        const open = this.repo.openOf(staffId);
        if (open) {
          if (open.branchId === branchId) return { row: open, fresh: false };
          const zone = zoneOf(open.branchId, this.ports.branches);
          throw conflict(
            `You are on shift at ${this.branchName(open.branchId)} since ${clockIn(open.startedAt, zone)}: end that shift first.`,
          );
        }
        if (branchId !== null) {
          const branch = this.ports.branches.find(branchId);
          if (!branch || branch.retired) throw invalid('Choose a branch in use.', { branchId: 'Choose a branch' });
        }
        const started: ShiftRow = {
          id: uuidv7(),
          branchId,
          staffId,
          startedAt: this.clock.now().toISOString(),
          endedAt: null,
          endedBy: null,
          endNote: '',
        };
        this.repo.insert(started);
        this.journal.append({ kind: 'shift.started', recordId: started.id, actor: staffId, payload: started });
        return { row: started, fresh: true };
      })
      .immediate();
    if (fresh) this.events.emit('shift.changed', { branchId: row.branchId });
    return this.summaries([row])[0]!;
  }

  endCheck(shiftId: string): { warnings: string[] } {
    return { warnings: endWarnings(this.shift(shiftId), this.entries, this.ports, this.clock.ms()) };
  }

  end(shiftId: string, note: string, staffId: string): { shift: ShiftSummary; warnings: string[] } {
    const before = this.shift(shiftId);
    const role = this.ports.roleOf(staffId);
    if (before.staffId !== staffId && role !== 'supervisor' && role !== 'admin') {
      throw invalid('Only the person on shift, or a supervisor, can end this shift.');
    }
    const warnings = endWarnings(before, this.entries, this.ports, this.clock.ms());
    const row = this.db
      .transaction(() => {
        const at = this.clock.now().toISOString();
        if (!this.repo.end(shiftId, at, staffId, note)) {
          const ended = this.repo.get(shiftId)!;
          const zone = zoneOf(ended.branchId, this.ports.branches);
          throw conflict(
            `This shift already ended at ${clockIn(ended.endedAt!, zone)}, by ${this.nameOf(ended.endedBy!)}.`,
          );
        }
        const after = this.repo.get(shiftId)!;
        this.journal.append({ kind: 'shift.ended', recordId: shiftId, actor: staffId, payload: after });
        return after;
      })
      .immediate();
    this.events.emit('shift.changed', { branchId: row.branchId });
    this.events.emit('shift.ended', { shiftId });
    return { shift: this.summaries([row])[0]!, warnings };
  }

  now(staffId: string): ShiftNow {
    const open = this.summaries(this.repo.open());
    const last = this.repo.lastEnded();
    return {
      mine: open.find((s) => s.staff.id === staffId) ?? null,
      onDuty: open,
      previous: last ? this.summaries([last])[0]! : null,
      toAcknowledge: this.entries.passOnCount(staffId),
      callbacksWaiting: this.entries.callbackRows().length,
    };
  }

  history(branchId: string | undefined, from: string, to: string): ShiftSummary[] {
    const zone = zoneOf(branchId ?? null, this.ports.branches);
    const rows = this.repo.startedBetween(dayWindow(from, zone).from, dayWindow(to, zone).to, branchId);
    return this.summaries(rows);
  }

  // ---- for the daily report ----

  get(shiftId: string): ShiftSummary {
    return this.summaries([this.shift(shiftId)])[0]!;
  }

  /** Shifts on at any moment of [from, to) at a branch (with the all-branches desks), or anywhere. */
  overlapping(from: string, to: string, branchId: string | null): ShiftSummary[] {
    return this.summaries(this.repo.overlapping(from, to, branchId));
  }

  // ---- helpers ----

  private shift(id: string): ShiftRow {
    const row = this.repo.get(id);
    if (!row) throw notFound('That shift');
    return row;
  }

  private summaries(rows: readonly ShiftRow[]): ShiftSummary[] {
    const names = this.ports.staff.names([
      ...new Set(rows.flatMap((r) => (r.endedBy ? [r.staffId, r.endedBy] : [r.staffId]))),
    ]);
    const who = (id: string) => ({ id, name: names.get(id) ?? '(unknown)' });
    return rows.map((r) => ({
      id: r.id,
      branchId: r.branchId,
      branchName: this.branchName(r.branchId),
      staff: who(r.staffId),
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      endedBy: r.endedBy ? who(r.endedBy) : null,
      endNote: r.endNote,
    }));
  }

  private branchName(id: string | null): string {
    return id === null ? ALL_BRANCHES : (this.ports.branches.find(id)?.name ?? '(removed branch)');
  }

  private nameOf(staffId: string): string {
    return this.ports.staff.names([staffId]).get(staffId) ?? 'someone';
  }
}
