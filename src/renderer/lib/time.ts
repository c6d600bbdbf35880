/**
 * How the desk reads times: "19:42" (24-hour) and "Sat 28 Nov". Built from
 * numeric parts and our own names, so the output does not drift with the ICU
 * version (en-GB has shown September as both "Sep" and "Sept").
 */
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(key, f);
  }
  return f;
}

/** The wall-clock reading of an instant in a time zone (the machine's when none is given). */
export function wallParts(date: Date, timeZone?: string): WallParts {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(date)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "19:42" */
export function formatClock(date: Date, timeZone?: string): string {
  const p = wallParts(date, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** "19:42:07", for a camera frame, where the second matters. */
export function formatClockSeconds(date: Date, timeZone?: string): string {
  const p = wallParts(date, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** "Sat 28 Nov" */
export function formatDay(date: Date, timeZone?: string): string {
  const p = wallParts(date, timeZone);
  // The weekday of a calendar date does not depend on the zone once the date is known.
  const weekday = WEEKDAYS[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()];
  return `${weekday} ${p.day} ${MONTHS[p.month - 1]}`;
}

/** "Sat 28 Nov, 19:42", with the year added when it is not the current one. */
export function formatDateTime(date: Date, opts: { timeZone?: string; now?: Date } = {}): string {
  const { timeZone, now = new Date() } = opts;
  const year = wallParts(date, timeZone).year;
  const sameYear = year === wallParts(now, timeZone).year;
  return `${formatDay(date, timeZone)}${sameYear ? '' : ` ${year}`}, ${formatClock(date, timeZone)}`;
}

/** "just now", "3 min ago", "2 h ago", "4 days ago" */
export function formatAgo(date: Date, now: Date = new Date()): string {
  const minutes = Math.floor((now.getTime() - date.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}
