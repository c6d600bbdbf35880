import { formatClock, formatClockSeconds, formatDay } from '../../lib/time';

/** "19:42" in the branch's zone. */
export const clockAt = (iso: string, timeZone: string | undefined) => formatClock(new Date(iso), timeZone);

/** "19:42:07" in the branch's zone: a step's time, where the seconds are the figures. */
export const secondsAt = (iso: string, timeZone: string | undefined) => formatClockSeconds(new Date(iso), timeZone);

/** "19:42, Sat 28 Nov". */
export const whenAt = (iso: string, timeZone: string | undefined) =>
  `${formatClock(new Date(iso), timeZone)}, ${formatDay(new Date(iso), timeZone)}`;

/** A running timer: "4:05", "12:40", "1:02:05". */
export function timer(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** A duration in seconds as the figures say it: "45 s", "3 min 20 s", "1 h 05 min". */
export function shortDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
