import type {
  EvacuationKind,
  EvacuationRecord,
  HeadcountStatus,
  ServiceKind,
  SweepState,
  ZoneSweep,
} from '../../shared/contract/evacuation';
import { EVACUATION_WORDS, SERVICE_WORDS } from '../../shared/call-words';
import type { EvacuationRow, LogRow } from './evacuation.repo';

/**
 * What the log of an evacuation holds, one entry per thing recorded. The record's state
 * (sweeps, people, services, headcounts, the all clear) is these entries replayed in order;
 * an entry's own id names what it adds (a person waiting, a service, a headcount).
 */
export type LogData =
  | {
      kind: 'started';
      evacuationKind: EvacuationKind;
      description: string;
      zones: { zoneId: string; name: string; floor: string; assignee: string }[];
    }
  | { kind: 'assign'; zoneId: string; assignee: string }
  | { kind: 'sweep'; zoneId: string; result: 'clear' | 'not-clear'; by: string; note: string }
  | { kind: 'unsweep'; zoneId: string; reason: string }
  | { kind: 'refuge'; zoneId: string | null; location: string; count: number; condition: string }
  | { kind: 'refugeUpdate'; refugeId: string; status: 'waiting' | 'brought-out'; note: string }
  | { kind: 'service'; service: ServiceKind; name: string }
  | { kind: 'serviceArrived'; serviceId: string }
  | {
      kind: 'headcount';
      staff: { staffId: string; name: string; status: HeadcountStatus }[];
      patrons: number;
      visitors: number;
      note: string;
    }
  | { kind: 'refusal'; zoneId: string | null; location: string; count: number; description: string }
  | { kind: 'note'; text: string }
  | { kind: 'allClear'; givenBy: string; unswept: { zoneId: string; name: string }[] };

export const dataOf = (row: LogRow) => JSON.parse(row.data) as LogData;

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);

/** An entry in words, as the timeline and the after-action report read it. */
export function entryWords(data: LogData, zoneName: (id: string | null) => string, startedBy: string): string {
  switch (data.kind) {
    case 'started':
      return `${EVACUATION_WORDS[data.evacuationKind]}: ${data.evacuationKind === 'drill' ? 'drill' : 'evacuation'} started by ${startedBy}${data.description ? ` (${data.description})` : ''}`;
    case 'assign':
      return data.assignee
        ? `${zoneName(data.zoneId)} assigned to ${data.assignee}`
        : `${zoneName(data.zoneId)} unassigned`;
    case 'sweep':
      return data.result === 'clear'
        ? `${zoneName(data.zoneId)} swept clear${data.by ? ` by ${data.by}` : ''}${data.note ? ` (${data.note})` : ''}`
        : `${zoneName(data.zoneId)} NOT clear${data.by ? `, reported by ${data.by}` : ''}${data.note ? `: ${data.note}` : ''}`;
    case 'unsweep':
      return `${zoneName(data.zoneId)}: sweep withdrawn (${data.reason})`;
    case 'refuge':
      return `${people(data.count)} could not leave: ${data.location}${data.condition ? ` (${data.condition})` : ''}`;
    case 'refugeUpdate':
      return `${data.status === 'brought-out' ? 'Brought out' : 'Still waiting'}${data.note ? `: ${data.note}` : ''}`;
    case 'service':
      return `${SERVICE_WORDS[data.service]} called${data.name ? ` (${data.name})` : ''}`;
    case 'serviceArrived':
      return 'Arrived';
    case 'headcount': {
      const count = (s: HeadcountStatus) => data.staff.filter((x) => x.status === s).length;
      const missing = data.staff.filter((x) => x.status === 'missing').map((x) => x.name);
      return (
        `Headcount: ${count('accounted')} staff accounted for` +
        `${missing.length ? `, NOT accounted for: ${missing.join(', ')}` : ''}; ` +
        `${data.patrons} patrons, ${data.visitors} visitors${data.note ? ` (${data.note})` : ''}`
      );
    }
    case 'refusal':
      return `Refused to leave: ${people(data.count)} at ${data.location}${data.description ? ` (${data.description})` : ''}`;
    case 'note':
      return data.text;
    case 'allClear':
      return (
        `All clear, given by ${data.givenBy}` +
        (data.unswept.length ? `; not swept clear: ${data.unswept.map((z) => z.name).join(', ')}` : '')
      );
  }
}

export interface BranchFacts {
  id: string;
  name: string;
  code: string;
  timeZone: string;
}

/** The record as the screen and the report read it: the row's facts and the log replayed. */
export function replay(
  row: EvacuationRow,
  log: readonly LogRow[],
  branch: BranchFacts,
  names: Map<string, string>,
): EvacuationRecord {
  const ref = (id: string) => ({ id, name: names.get(id) ?? '(unknown)' });
  const started = log.map(dataOf).find((d) => d.kind === 'started') as Extract<LogData, { kind: 'started' }>;
  const zones = new Map<string, ZoneSweep>(
    started.zones.map((z) => [
      z.zoneId,
      { ...z, state: 'pending' as SweepState, at: null, by: '', note: '', recordedBy: null },
    ]),
  );
  const zoneName = (id: string | null) => (id ? (zones.get(id)?.name ?? '(zone)') : '');
  const record: EvacuationRecord = {
    id: row.id,
    branch,
    kind: row.kind,
    drill: row.kind === 'drill',
    description: row.description,
    startedAt: row.started_at,
    startedBy: ref(row.started_by),
    assemblyPoint: row.assembly_point,
    sweepTargetSeconds: row.sweep_target_s,
    running: row.ended_at === null,
    allClear: null,
    zones: [],
    refuge: [],
    services: [],
    headcounts: [],
    refusals: [],
    notes: [],
    timeline: [],
    revision: log.length,
  };
  for (const entry of log) {
    const data = dataOf(entry);
    const by = ref(entry.recorded_by);
    let words = entryWords(data, zoneName, by.name);
    switch (data.kind) {
      case 'assign':
        zones.get(data.zoneId)!.assignee = data.assignee;
        break;
      case 'sweep':
        Object.assign(zones.get(data.zoneId)!, {
          state: data.result,
          at: entry.at,
          by: data.by,
          note: data.note,
          recordedBy: by,
        });
        break;
      case 'unsweep':
        Object.assign(zones.get(data.zoneId)!, { state: 'pending', at: null, by: '', note: '', recordedBy: null });
        break;
      case 'refuge':
        record.refuge.push({
          id: entry.id,
          zoneId: data.zoneId,
          location: data.location,
          count: data.count,
          condition: data.condition,
          status: 'waiting',
          reportedAt: entry.at,
          updatedAt: entry.at,
          note: '',
        });
        break;
      case 'refugeUpdate': {
        const r = record.refuge.find((x) => x.id === data.refugeId)!;
        Object.assign(r, { status: data.status, updatedAt: entry.at, note: data.note });
        words = `${data.status === 'brought-out' ? 'Brought out' : 'Still waiting'}: ${people(r.count)} at ${r.location}${data.note ? ` (${data.note})` : ''}`;
        break;
      }
      case 'service':
        record.services.push({
          id: entry.id,
          service: data.service,
          name: data.name,
          calledAt: entry.at,
          arrivedAt: null,
        });
        break;
      case 'serviceArrived': {
        const s = record.services.find((x) => x.id === data.serviceId)!;
        s.arrivedAt = entry.at;
        words = `${SERVICE_WORDS[s.service]} arrived${s.name ? ` (${s.name})` : ''}`;
        break;
      }
      case 'headcount':
        record.headcounts.push({
          id: entry.id,
          at: entry.at,
          by,
          staff: data.staff,
          patrons: data.patrons,
          visitors: data.visitors,
          note: data.note,
        });
        break;
      case 'refusal':
        record.refusals.push({
          id: entry.id,
          at: entry.at,
          zoneId: data.zoneId,
          location: data.location,
          count: data.count,
          description: data.description,
        });
        break;
      case 'note':
        record.notes.push({ id: entry.id, at: entry.at, by, text: data.text });
        break;
      case 'allClear':
        record.allClear = { at: entry.at, givenBy: data.givenBy, recordedBy: by, unswept: data.unswept };
        break;
      case 'started':
        break;
    }
    record.timeline.push({
      id: entry.id,
      kind: data.kind,
      at: entry.at,
      recordedAt: entry.recorded_at,
      recordedBy: by,
      words,
    });
  }
  record.zones = [...zones.values()];
  // The timeline reads in the order things happened (a service's called time may be given late).
  record.timeline.sort((a, b) => a.at.localeCompare(b.at) || a.recordedAt.localeCompare(b.recordedAt));
  return record;
}

/** Seconds from the start until every zone was swept clear (the latest clear sweep), or null while one is not. */
export function sweptAfter(record: Pick<EvacuationRecord, 'zones' | 'startedAt'>): number | null {
  if (record.zones.length === 0 || record.zones.some((z) => z.state !== 'clear')) return null;
  const last = Math.max(...record.zones.map((z) => Date.parse(z.at!)));
  return Math.round((last - Date.parse(record.startedAt)) / 1000);
}
