/**
 * Calendar arithmetic in a branch's own time zone, for rules that speak in days
 * ("banned for 7 days", "the appeal is due in 10 days", "closing at 21:00"): the
 * machine's zone never decides what day it is at a branch.
 */

const partsFormat = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormat.get(timeZone);
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
    partsFormat.set(timeZone, f);
  }
  return f;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What a branch's wall clock reads at an instant. */
export function wallClock(at: Date, timeZone: string): Wall {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

/** The instant a branch's wall clock reads this date and time (the earlier one in a DST overlap). */
export function atWallClock(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wanted = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wanted;
  // Two corrections settle any offset, DST changes included.
  for (let i = 0; i < 2; i++) {
    const w = wallClock(new Date(guess), timeZone);
    const read = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
    guess += wanted - read;
  }
  return new Date(guess);
}

/** YYYY-MM-DD of an instant at the branch. */
export function localDate(at: Date, timeZone: string): string {
  const w = wallClock(at, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** A calendar date moved by whole days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Midnight at the branch, `days` calendar days after the day of `at` (1: tonight's midnight). */
export function midnightAfter(at: Date, days: number, timeZone: string): Date {
  return atWallClock(addDays(localDate(at, timeZone), days), '00:00', timeZone);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Sat 12 Dec" (with the year when it is not `now`'s year at the branch). */
export function dayWords(at: Date, timeZone: string, now?: Date): string {
  const w = wallClock(at, timeZone);
  const weekday = WEEKDAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()];
  const year = now && wallClock(now, timeZone).year !== w.year ? ` ${w.year}` : '';
  return `${weekday} ${w.day} ${MONTHS[w.month - 1]}${year}`;
}

/** "19:42" at the branch. */
export function timeWords(at: Date, timeZone: string): string {
  const w = wallClock(at, timeZone);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}
