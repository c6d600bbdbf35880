import { formatDateTime, formatDay, wallParts } from '../../lib/time';

/** "Sat 12 Dec", with the year when it is not this one ("Mon 4 Jan 2027"). */
export function dayWords(iso: string, timeZone: string | undefined, now: Date): string {
  const date = new Date(iso);
  const year = wallParts(date, timeZone).year;
  return `${formatDay(date, timeZone)}${year === wallParts(now, timeZone).year ? '' : ` ${year}`}`;
}

/** "Sat 12 Dec, 19:42", with the year when it is not this one. */
export function whenWords(iso: string, timeZone: string | undefined, now: Date): string {
  return formatDateTime(new Date(iso), { timeZone, now });
}

/**
 * A deadline as the desk should read it. Main keeps a deadline as the midnight that
 * ends the last day; "Fri 11 Dec, 00:00" would read as a day too many, so a midnight
 * says "the end of Thu 10 Dec".
 */
export function deadlineWords(iso: string, timeZone: string | undefined, now: Date): string {
  const at = new Date(iso);
  const w = wallParts(at, timeZone);
  if (w.hour !== 0 || w.minute !== 0) return whenWords(iso, timeZone, now);
  const lastDay = new Date(at.getTime() - 60_000).toISOString();
  return `the end of ${dayWords(lastDay, timeZone, now)}`;
}
