import { formatClock, formatDay, wallParts } from '../../lib/time';

/**
 * Times on a report are typed as the branch's wall clock (a datetime-local input
 * has no zone), and stored as instants. These convert between the two.
 */
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** "2026-11-28T19:42" in the branch's zone, for a datetime-local input; '' for no time. */
export function isoToLocalInput(iso: string | null, timeZone: string | undefined): string {
  if (!iso) return '';
  const p = wallParts(new Date(iso), timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The instant a branch's wall clock read `value` ("2026-11-28T19:42"); null when empty or not a time. */
export function localInputToIso(value: string, timeZone: string | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  // Guess the instant, see what the zone's clock reads then, and correct by the difference;
  // twice, so a guess that lands across a daylight-saving change settles.
  let instant = wanted;
  for (let i = 0; i < 2; i++) {
    const p = wallParts(new Date(instant), timeZone);
    const read = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    instant += wanted - read;
  }
  return new Date(instant).toISOString();
}

/**
 * "19:42, Sat 28 Nov": how the desk reads when something happened, with the year
 * ("19:42, Sat 30 Nov 2024") when it is not this year, so an old report is never read
 * as this year's.
 */
export function formatWhen(iso: string, timeZone: string | undefined, now: Date = new Date()): string {
  const date = new Date(iso);
  const year = wallParts(date, timeZone).year;
  const other = year !== wallParts(now, timeZone).year;
  return `${formatClock(date, timeZone)}, ${formatDay(date, timeZone)}${other ? ` ${year}` : ''}`;
}
