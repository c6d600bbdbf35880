/** A fragment of the replay playlist as hls.js lays it out: its place on the player's timeline and its wall-clock start. */
export interface TimedFragment {
  /** Seconds on the player's timeline (gaps take no time there). */
  start: number;
  duration: number;
  /** Wall-clock start, ms since the epoch (EXT-X-PROGRAM-DATE-TIME). */
  date: number;
}

export interface Place {
  /** Where the player should be, in its own seconds. */
  position: number;
  /** The wall-clock moment it shows there. */
  ms: number;
  /** The moment asked for has no video (a gap, or beyond either end): the nearest recorded moment is shown instead. */
  moved: boolean;
}

/** The speeds replay plays at, slowest first. */
export const SPEEDS = [0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

/** Frame rate when the stream did not say: one camera in three sends 15 fps, a step of 1/15 s is never too far. */
export const FALLBACK_FRAME_RATE = 15;

/**
 * Where on the player's timeline a wall-clock moment is. A moment in a gap goes to the
 * first recorded moment after it (the video resumes there); one past the end, to the end.
 */
export function placeOf(fragments: readonly TimedFragment[], ms: number): Place | null {
  if (fragments.length === 0) return null;
  for (const f of fragments) {
    const end = f.date + f.duration * 1000;
    if (ms < f.date) return { position: f.start, ms: f.date, moved: true };
    if (ms < end) return { position: f.start + (ms - f.date) / 1000, ms, moved: false };
  }
  const last = fragments.at(-1)!;
  const position = last.start + Math.max(0, last.duration - 0.1);
  return { position, ms: last.date + (position - last.start) * 1000, moved: true };
}

/** The wall-clock moment at a position of the player's timeline, or null outside it. */
export function momentAt(fragments: readonly TimedFragment[], position: number): number | null {
  let lo = 0;
  let hi = fragments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = fragments[mid]!;
    if (position < f.start) hi = mid - 1;
    else if (position >= f.start + f.duration) lo = mid + 1;
    else return f.date + (position - f.start) * 1000;
  }
  return null;
}

/** A gap the picture jumped across between two moments it showed, if it did. */
export function gapCrossed(
  gaps: readonly { from: number; to: number }[],
  before: number,
  after: number,
): { from: number; to: number } | null {
  return gaps.find((g) => before <= g.from + 250 && after >= g.to - 250) ?? null;
}

/** The next speed up or down, staying within 0.5× and 4×. */
export function nextSpeed(current: number, direction: 1 | -1): Speed {
  const i = SPEEDS.findIndex((s) => s === current);
  const at = i < 0 ? 1 : i;
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, at + direction))]!;
}

/** "1 min 12 s ago", "3 s ago", "1 h 4 min ago": how far back the picture is. */
export function agoWords(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''} ago`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min ago`;
}

/** "20 s", "1 min 5 s": a clip's length. */
export function lengthWords(ms: number): string {
  const s = Math.round(ms / 100) / 10;
  if (s < 60) return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s - m * 60);
  return rest ? `${m} min ${rest} s` : `${m} min`;
}

/**
 * Where replay of a report's camera reference starts: the incident's Started when it
 * falls inside the reference (the moment the officer marked; a report begun from a
 * tile references two minutes either side of it), else the reference's start.
 */
export function replayMoment(ref: { from: string; to: string }, started: string | null): string {
  const at = started === null ? NaN : Date.parse(started);
  return started !== null && at >= Date.parse(ref.from) && at <= Date.parse(ref.to) ? started : ref.from;
}
