import type { CallListItem, CallRecord, CallStep, NamedPerson } from '../../shared/contract/calls';
import type { CallRow, CallsRepo, Mirror, StepRow } from './calls.repo';
import { monthInZone, secondsBetween, statusOf, type StepTimes } from './calls.rules';
import type { CallPorts } from './ports';

const UNKNOWN = '(unknown)';

/** Each step's latest record (a withdrawn step's is there too, with no time). */
export function currentRecords(steps: readonly StepRow[]): Map<CallStep, StepRow> {
  const corrected = new Set(steps.flatMap((s) => (s.corrects ? [s.corrects] : [])));
  const current = new Map<CallStep, StepRow>();
  // In recording order, so a later chain end (there is only ever one) wins.
  for (const s of steps) if (!corrected.has(s.id)) current.set(s.step, s);
  return current;
}

export function timesOf(current: Map<CallStep, StepRow>): StepTimes {
  return {
    received: current.get('received')?.at ?? null,
    responding: current.get('responding')?.at ?? null,
    'on-scene': current.get('on-scene')?.at ?? null,
    cleared: current.get('cleared')?.at ?? null,
  };
}

export const parsePeople = (json: string) => JSON.parse(json) as NamedPerson[];

/** The call row's mirror of its step records: status, times, responders, outcome, month and durations. */
export function mirrorOf(steps: readonly StepRow[], timeZone: string, updatedAt: string): Mirror {
  const current = currentRecords(steps);
  const t = timesOf(current);
  const responding = current.get('responding');
  const responders = responding?.at ? parsePeople(responding.responders) : [];
  const cleared = current.get('cleared');
  const received = t.received!;
  return {
    status: statusOf(t),
    received_at: received,
    responding_at: t.responding,
    on_scene_at: t['on-scene'],
    cleared_at: t.cleared,
    responders: JSON.stringify(responders),
    responder_names: responders.map((r) => r.name).join(', '),
    outcome: cleared?.at ? cleared.outcome : null,
    outcome_note: cleared?.at ? cleared.note : '',
    month: monthInZone(received, timeZone),
    dispatch_s: secondsBetween(received, t.responding),
    arrive_s: secondsBetween(received, t['on-scene']),
    clear_s: secondsBetween(received, t.cleared),
    updated_at: updatedAt,
  };
}

/** Turns the calls tables' rows into the contract's shapes, naming staff and zones through the ports. */
export class CallRecords {
  constructor(
    private readonly repo: CallsRepo,
    private readonly ports: CallPorts,
  ) {}

  load(id: string): CallRecord | undefined {
    const row = this.repo.call(id);
    if (!row) return undefined;
    const steps = this.repo.steps(id);
    const changes = this.repo.changes(id);
    const agencies = this.repo.agencies(id);
    const links = this.repo.incidentLinks(id);
    const names = this.ports.staff.names([
      row.received_by,
      ...steps.map((s) => s.recorded_by),
      ...changes.map((c) => c.by),
      ...agencies.map((a) => a.recorded_by),
      ...links.map((l) => l.linked_by),
    ]);
    const ref = (staffId: string) => ({ id: staffId, name: names.get(staffId) ?? UNKNOWN });
    const current = new Set([...currentRecords(steps).values()].map((s) => s.id));
    return {
      ...this.facts(row),
      receivedBy: ref(row.received_by),
      revision: row.revision,
      steps: steps.map((s) => ({
        id: s.id,
        step: s.step,
        at: s.at,
        responders: parsePeople(s.responders),
        outcome: s.outcome,
        note: s.note,
        recordedAt: s.recorded_at,
        recordedBy: ref(s.recorded_by),
        corrects: s.corrects,
        reason: s.reason,
        current: current.has(s.id),
      })),
      changes: changes.map((c) => ({
        at: c.at,
        by: ref(c.by),
        reason: c.reason,
        changes: JSON.parse(c.changes) as { field: string; before: string; after: string }[],
      })),
      agencies: agencies.map((a) => ({
        id: a.id,
        kind: a.kind,
        name: a.name,
        calledAt: a.called_at,
        arrivedAt: a.arrived_at,
        caseNumber: a.case_number,
        recordedBy: ref(a.recorded_by),
        updatedAt: a.updated_at,
      })),
      incidents: links.map((l) => ({
        incidentId: l.incident_id,
        number: l.number,
        linkedAt: l.linked_at,
        linkedBy: ref(l.linked_by),
      })),
    };
  }

  items(rows: readonly CallRow[]): CallListItem[] {
    const extras = this.repo.listExtras(rows.map((r) => r.id));
    return rows.map((row) => ({
      ...this.facts(row),
      agencies: extras.get(row.id)?.agencies ?? [],
      incidentNumbers: extras.get(row.id)?.numbers ?? [],
    }));
  }

  private facts(row: CallRow) {
    const zone = row.zone_id ? this.ports.branches.zoneOf(row.zone_id) : undefined;
    return {
      id: row.id,
      branchId: row.branch_id,
      zoneId: row.zone_id,
      zoneName: zone?.name ?? null,
      caller: { staffId: row.caller_staff_id, name: row.caller_name },
      channel: row.channel,
      nature: row.nature,
      priority: row.priority,
      detail: row.detail,
      status: row.status,
      receivedAt: row.received_at,
      respondingAt: row.responding_at,
      onSceneAt: row.on_scene_at,
      clearedAt: row.cleared_at,
      responders: parsePeople(row.responders),
      outcome: row.outcome,
      outcomeNote: row.outcome_note,
    };
  }
}
