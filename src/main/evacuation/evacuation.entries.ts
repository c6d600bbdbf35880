import { timeWords } from '../zoned';
import { conflict, invalid, notFound } from '../errors';
import type { EvacuationEntry, EvacuationRecord } from '../../shared/contract/evacuation';
import { FUTURE_TOLERANCE_MS } from '../../shared/contract/incident-fields';
import { SERVICE_WORDS } from '../../shared/call-words';
import type { LogData } from './evacuation.state';

/** "19:42" in the branch's zone, for messages. */
export const clockIn = (iso: string, timeZone: string) => timeWords(new Date(iso), timeZone);

/**
 * One thing the coordinator records, checked against the evacuation as it is now and
 * turned into its log entry: a zone is swept once (a second sweep is told who swept it),
 * a service arrives once and not before it was called, times are never in the future
 * nor before the start, people in a headcount are staff. Throws what to tell the person.
 */
export function checkedEntry(
  record: EvacuationRecord,
  entry: EvacuationEntry,
  ctx: { now: Date; staffNames(ids: readonly string[]): Map<string, string> },
): { data: LogData; at: string } {
  const tz = record.branch.timeZone;
  const now = ctx.now.toISOString();
  const zone = (zoneId: string | null) => {
    if (zoneId === null) return null;
    const z = record.zones.find((x) => x.zoneId === zoneId);
    if (!z) throw invalid('That zone is not on this evacuation’s sweep list.', { zoneId: 'Not on the list' });
    return z;
  };
  const when = (at: string | undefined, what: string) => {
    const t = at ?? now;
    if (Date.parse(t) > ctx.now.getTime() + FUTURE_TOLERANCE_MS) throw invalid(`The time ${what} is in the future.`);
    if (t < record.startedAt) throw invalid(`The time ${what} is before the evacuation started.`);
    return t;
  };
  let data: LogData;
  let at = now;
  switch (entry.kind) {
    case 'assign':
      zone(entry.zoneId);
      data = entry;
      break;
    case 'sweep': {
      const z = zone(entry.zoneId)!;
      if (z.state !== 'pending') {
        const said = z.state === 'clear' ? 'swept clear' : 'reported not clear';
        throw conflict(
          `${z.name} was already ${said}${z.by ? ` by ${z.by}` : ''} at ${clockIn(z.at!, tz)} ` +
            `(recorded by ${z.recordedBy?.name ?? 'someone'}). Nothing was recorded twice.`,
        );
      }
      data = { ...entry, by: entry.by || z.assignee };
      break;
    }
    case 'unsweep': {
      const z = zone(entry.zoneId)!;
      if (z.state === 'pending') throw conflict(`${z.name} is not swept: there is nothing to withdraw.`);
      data = entry;
      break;
    }
    case 'refuge':
      zone(entry.zoneId);
      data = entry;
      break;
    case 'refugeUpdate': {
      const r = record.refuge.find((x) => x.id === entry.refugeId);
      if (!r) throw notFound('Those people who could not leave');
      if (r.status === entry.status) {
        throw conflict(
          entry.status === 'brought-out'
            ? `They were already marked brought out at ${clockIn(r.updatedAt, tz)}.`
            : 'They are already marked as waiting.',
        );
      }
      data = entry;
      break;
    }
    case 'service':
      at = when(entry.calledAt, 'called');
      data = { kind: 'service', service: entry.service, name: entry.name };
      break;
    case 'serviceArrived': {
      const s = record.services.find((x) => x.id === entry.serviceId);
      if (!s) throw notFound('That service');
      if (s.arrivedAt) {
        throw conflict(`${SERVICE_WORDS[s.service]} was already marked arrived at ${clockIn(s.arrivedAt, tz)}.`);
      }
      at = when(entry.at, 'of arrival');
      if (at < s.calledAt) throw invalid('Arrival is before they were called.');
      data = { kind: 'serviceArrived', serviceId: s.id };
      break;
    }
    case 'headcount': {
      const names = ctx.staffNames(entry.staff.map((s) => s.staffId));
      const missing = entry.staff.find((s) => !names.has(s.staffId));
      if (missing) throw invalid('A staff member in the headcount was not found.');
      if (new Set(entry.staff.map((s) => s.staffId)).size !== entry.staff.length) {
        throw invalid('A staff member is counted twice.');
      }
      data = {
        ...entry,
        staff: entry.staff.map((s) => ({ staffId: s.staffId, name: names.get(s.staffId)!, status: s.status })),
      };
      break;
    }
    case 'refusal':
      zone(entry.zoneId);
      data = entry;
      break;
    case 'note':
      data = entry;
      break;
  }
  return { data, at };
}
