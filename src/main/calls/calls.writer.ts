import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { DomainEvents } from '../events';
import { invalid, notFound } from '../errors';
import type { CallRecord, NamedPerson } from '../../shared/contract/calls';
import type { JournalKind } from '../../shared/contract/journal';
import type { CallsRepo } from './calls.repo';
import { mirrorOf, type CallRecords } from './calls.record';
import { orderProblem } from './calls.rules';
import type { CallPorts } from './ports';

/**
 * How every change to a call is made: in one IMMEDIATE transaction that reads the call
 * as it is now, checks it, writes, mirrors the steps on the call row, and journals the
 * call's new state; consoles hear of it after the commit. The service and its
 * corrections both write through here.
 */
export class CallWriter {
  constructor(
    readonly db: Db,
    readonly repo: CallsRepo,
    private readonly journal: Journal,
    readonly records: CallRecords,
    readonly ports: CallPorts,
    private readonly events: DomainEvents,
    readonly clock: Clock,
  ) {}

  /** Runs a change to one call (apply returns its id), journals its new state, then tells everyone. */
  change(kind: JournalKind, staffId: string, apply: () => string): CallRecord {
    const record = this.db
      .transaction(() => {
        const id = apply();
        return this.appendJournal(kind, id, staffId);
      })
      .immediate();
    this.events.emit('call.changed', { callId: record.id });
    return record;
  }

  /** Must run in the change's transaction. */
  appendJournal(kind: JournalKind, id: string, actor: string | null): CallRecord {
    const record = this.records.load(id)!;
    this.journal.append({ kind, recordId: id, actor, payload: record });
    return record;
  }

  /** The call row, its branch's zone and its step records, as they are now. */
  current(id: string) {
    const row = this.repo.call(id);
    if (!row) throw notFound('That call');
    const timeZone = this.ports.branches.find(row.branch_id)?.timeZone ?? 'UTC';
    return { row, timeZone, steps: this.repo.steps(id) };
  }

  remirror(id: string, timeZone: string): void {
    this.repo.setMirror(id, mirrorOf(this.repo.steps(id), timeZone, this.clock.now().toISOString()));
  }

  assertOrder(
    times: Parameters<typeof orderProblem>[0],
    step: Parameters<typeof orderProblem>[1],
    timeZone: string,
  ): void {
    const problem = orderProblem(times, step, this.clock.ms(), timeZone);
    if (problem) throw invalid(problem, { at: problem });
  }

  assertZone(zoneId: string | null, branchId: string): void {
    if (!zoneId) return;
    const zone = this.ports.branches.zoneOf(zoneId);
    if (!zone || zone.branchId !== branchId) {
      throw invalid('That zone is not in this branch.', { zoneId: 'Choose a zone of this branch' });
    }
    if (zone.retired) throw invalid(`${zone.name} is retired.`, { zoneId: 'Choose a zone in use' });
  }

  /** A staff caller is named as the staff list names them; a free-text caller as typed. */
  caller(p: NamedPerson): NamedPerson {
    return this.people([p])[0]!;
  }

  /** People named on a call, staff by their current names, each once. */
  people(list: readonly NamedPerson[]): NamedPerson[] {
    const ids = list.flatMap((p) => (p.staffId ? [p.staffId] : []));
    const names = this.ports.staff.names(ids);
    const seen = new Set<string>();
    const out: NamedPerson[] = [];
    for (const p of list) {
      if (p.staffId && !names.has(p.staffId)) {
        throw invalid('That staff member was not found.', { responders: 'Unknown staff member' });
      }
      const person = p.staffId ? { staffId: p.staffId, name: names.get(p.staffId)! } : p;
      const key = person.staffId ?? person.name.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(person);
    }
    return out;
  }

  nameOf(staffId: string): string {
    return this.ports.staff.names([staffId]).get(staffId) ?? 'someone';
  }
}
