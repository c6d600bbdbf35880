import { wallParts } from '../../lib/time';
import { localInputToIso } from '../incidents/localTime';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-11-28T19:42:07" in the branch's zone, for a datetime-local input with seconds. */
export function isoToLocalSeconds(iso: string, timeZone: string | undefined): string {
  const p = wallParts(new Date(iso), timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** The instant a branch's clock read "2026-11-28T19:42:07" (seconds optional); null when not a time. */
export function localSecondsToIso(value: string, timeZone: string | undefined): string | null {
  const minute = localInputToIso(value, timeZone);
  if (!minute) return null;
  const seconds = /T\d{2}:\d{2}:(\d{2})/.exec(value)?.[1];
  return new Date(Date.parse(minute) + Number(seconds ?? 0) * 1000).toISOString();
}
