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
