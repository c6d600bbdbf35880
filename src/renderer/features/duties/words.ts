import type { Branch } from '../../../shared/contract';
import { localDate, sessionAt, nextSession, type OpenSession } from '../../../shared/opening-hours';
import { formatClock, formatDay } from '../../lib/time';

/** "42 min", "1 h 05 min": how long, for durations and "closes in". */
export function durationWords(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** "9:32": minutes and seconds left, for the last minutes of a countdown. */
export function countdownWords(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** "42 s", "3 min 10 s". */
export function secondsWords(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
}

/** "Mon 30 Nov" from a branch's local date ("2026-11-30"). */
export function dateWords(date: string): string {
  return formatDay(new Date(`${date}T12:00:00Z`), 'UTC');
}

/** Where a branch stands now by its opening hours. */
export function branchNow(branch: Branch, now: Date): { open: OpenSession | null; next: OpenSession | null } {
  const ms = now.getTime();
  const open = sessionAt(branch.hours, branch.timeZone, ms);
  return { open, next: open ? null : nextSession(branch.hours, branch.timeZone, ms) };
}

/** "Open until 20:00", "Closed · opens 09:00 Tue 1 Dec", "No opening hours set". */
export function hoursWords(branch: Branch, now: Date): string {
  if (branch.hours.weekly.length === 0 && branch.hours.special.length === 0) return 'No opening hours set';
  const { open, next } = branchNow(branch, now);
  if (open)
    return `Open until ${formatClock(new Date(open.closesAt), branch.timeZone)}${open.special ? ` (${open.special})` : ''}`;
  if (!next) return 'Closed';
  const today = localDate(now.getTime(), branch.timeZone) === next.date;
  return `Closed · opens ${formatClock(new Date(next.opensAt), branch.timeZone)}${today ? '' : ` ${dateWords(next.date)}`}`;
}

export const METHOD_LABEL = { walked: 'Walked', camera: 'On camera' } as const;
