import { timeWords } from './zoned';
import type { Branch } from '../shared/contract/branches';
import { addDays, zonedInstant } from '../shared/opening-hours';

/** "19:42" in the zone. */
export function clockIn(iso: string, timeZone: string): string {
  return timeWords(new Date(iso), timeZone);
}

/**
 * The zone a record of a branch is read in; a record for every branch (a central desk)
 * is read in the first branch's zone, the library's own.
 */
export function zoneOf(branchId: string | null, branches: { find(id: string): Branch | undefined; list(): Branch[] }) {
  const branch = branchId ? branches.find(branchId) : undefined;
  return branch?.timeZone ?? branches.list().find((b) => !b.retired)?.timeZone ?? 'UTC';
}

/** A local date's span in a zone, [from, to) as ISO instants. */
export function dayWindow(date: string, timeZone: string): { from: string; to: string } {
  return {
    from: new Date(zonedInstant(date, '00:00', timeZone)).toISOString(),
    to: new Date(zonedInstant(addDays(date, 1), '00:00', timeZone)).toISOString(),
  };
}
