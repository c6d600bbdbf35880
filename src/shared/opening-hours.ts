/**
 * Opening hours as the desk reads them: a week of hours and dated exceptions
 * (holiday closures, special hours), in the branch's own time zone. Pure, so main
 * (alerts, rounds due, closing reminders) and the screens (the header's countdown)
 * compute the same sessions from the same record.
 */

/** ISO weekdays: 1 Monday … 7 Sunday. */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export interface WeekdayHours {
  /** 1 Monday … 7 Sunday. */
  weekday: number;
  /** "09:00", local to the branch. */
  opens: string;
  /** "20:00", later than `opens` on the same day. */
  closes: string;
}

export interface SpecialDay {
  /** "2026-12-24", the branch's local date. */
  date: string;
  /** Both null: closed all day. */
  opens: string | null;
  closes: string | null;
  /** "Christmas Eve". */
  note: string;
}

export interface OpeningHoursRecord {
  /** Weekdays without an entry are closed. */
  weekly: WeekdayHours[];
  special: SpecialDay[];
}

/** One opening of a branch: from opensAt to closesAt (epoch ms) on a local date. */
export interface OpenSession {
  date: string;
  opensAt: number;
  closesAt: number;
  /** The special day's note when the hours are a special day's, else null. */
  special: string | null;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock of an instant in a zone, as if it were UTC (for offsets and local dates). */
function wallAsUtc(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!);
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (utc: number) => {
  const d = new Date(utc);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/** "2026-11-30": the branch's local date at an instant. */
export function localDate(ms: number, timeZone: string): string {
  return isoDate(wallAsUtc(ms, timeZone));
}

/** Minutes since local midnight at an instant. */
export function localMinutes(ms: number, timeZone: string): number {
  const wall = wallAsUtc(ms, timeZone);
  return Math.floor((wall - Math.floor(wall / DAY_MS) * DAY_MS) / 60_000);
}

/** 1 Monday … 7 Sunday of a local date. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The local date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return isoDate(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
}

/** "20:00" → 1200. */
export const minutesOf = (time: string): number => {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
};

/**
 * The instant a branch's clock reads `time` on `date`. In the hour skipped when
 * clocks go forward the later reading is used; in the hour repeated when they go
 * back, the first.
 */
export function zonedInstant(date: string, time: string, timeZone: string): number {
  const wall = Date.parse(`${date}T${time}:00Z`);
  let guess = wall - (wallAsUtc(wall, timeZone) - wall);
  const offset = wallAsUtc(guess, timeZone) - guess;
  guess = wall - offset;
  // Repeated hour: prefer the earlier instant if it reads the same wall time.
  const earlier = guess - 3_600_000;
  if (wallAsUtc(earlier, timeZone) === wall) return earlier;
  return guess;
}

/** The hours a branch keeps on a local date (special day first), or null when closed. */
export function hoursOn(
  hours: OpeningHoursRecord,
  date: string,
): { opens: string; closes: string; special: string | null } | null {
  const special = hours.special.find((s) => s.date === date);
  if (special) {
    return special.opens && special.closes
      ? { opens: special.opens, closes: special.closes, special: special.note || 'Special hours' }
      : null;
  }
  const day = hours.weekly.find((w) => w.weekday === weekdayOf(date));
  return day ? { opens: day.opens, closes: day.closes, special: null } : null;
}

/** The session of a local date, if the branch opens that day. */
export function sessionOn(hours: OpeningHoursRecord, date: string, timeZone: string): OpenSession | null {
  const h = hoursOn(hours, date);
  if (!h) return null;
  return {
    date,
    opensAt: zonedInstant(date, h.opens, timeZone),
    closesAt: zonedInstant(date, h.closes, timeZone),
    special: h.special,
  };
}

/** Every session that overlaps [fromMs, toMs), oldest first. */
export function sessionsBetween(
  hours: OpeningHoursRecord,
  timeZone: string,
  fromMs: number,
  toMs: number,
): OpenSession[] {
  const out: OpenSession[] = [];
  const last = localDate(toMs, timeZone);
  for (let date = localDate(fromMs, timeZone); date <= last; date = addDays(date, 1)) {
    const s = sessionOn(hours, date, timeZone);
    if (s && s.closesAt > fromMs && s.opensAt < toMs) out.push(s);
  }
  return out;
}

/** The session the branch is open in at `ms`, or null while it is closed. */
export function sessionAt(hours: OpeningHoursRecord, timeZone: string, ms: number): OpenSession | null {
  const s = sessionOn(hours, localDate(ms, timeZone), timeZone);
  return s && s.opensAt <= ms && ms < s.closesAt ? s : null;
}

/** The latest session that has begun at or before `ms` (today's, or an earlier day's), within `days`. */
export function lastSessionStarted(
  hours: OpeningHoursRecord,
  timeZone: string,
  ms: number,
  days = 14,
): OpenSession | null {
  const today = localDate(ms, timeZone);
  for (let i = 0; i <= days; i++) {
    const s = sessionOn(hours, addDays(today, -i), timeZone);
    if (s && s.opensAt <= ms) return s;
  }
  return null;
}

/** The next session that opens after `ms`, within `days`. */
export function nextSession(hours: OpeningHoursRecord, timeZone: string, ms: number, days = 14): OpenSession | null {
  const today = localDate(ms, timeZone);
  for (let i = 0; i <= days; i++) {
    const s = sessionOn(hours, addDays(today, i), timeZone);
    if (s && s.opensAt > ms) return s;
  }
  return null;
}
