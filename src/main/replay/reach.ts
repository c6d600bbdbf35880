import type { Span } from './segment-index';

/** Whether replay can show a moment (or a range) a report names, and where it would start. */
export type Reach = { kept: true; atMs: number; message: string | null } | { kept: false; message: string };

export interface ReachInput {
  camera: string;
  /** Minutes kept for this camera; 0 = recording off. */
  minutes: number;
  /** The buffer's stretches of video, oldest first (SegmentIndex.covered()). */
  covered: readonly Span[];
  fromMs: number;
  /** The end of a range (a camera reference); absent for a moment (a snapshot). */
  toMs?: number;
  time: (ms: number) => string;
}

/** "30 minutes", "1 hour 10 minutes", "45 seconds": how much the buffer holds, rounded as one would say it. */
export function spanWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (ms < 60_000) return `${Math.max(1, Math.round(ms / 1000))} seconds`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (h === 0) return part(m, 'minute');
  return m === 0 ? part(h, 'hour') : `${part(h, 'hour')} ${part(m, 'minute')}`;
}

/**
 * What of a moment or range a camera's buffer still holds, for a "Replay" on a
 * report: where replay starts (the moment itself, or the first recorded moment of
 * the range when its start is gone or in a gap, said in words), or why there is
 * nothing to show, in words the desk can act on (recording off, no longer kept,
 * not recorded yet, a gap).
 */
export function reachOf(r: ReachInput): Reach {
  const { camera, time, fromMs } = r;
  const toMs = r.toMs ?? Number.POSITIVE_INFINITY;
  if (r.minutes === 0) {
    return {
      kept: false,
      message: `Recording is off for ${camera}, so nothing from ${time(fromMs)} was kept. An administrator can turn it on in Settings → Cameras.`,
    };
  }
  const first = r.covered[0];
  const last = r.covered.at(-1);
  if (!first || !last) {
    return {
      kept: false,
      message: `Nothing from ${camera} is kept: no video has been recorded from it since recording was turned on.`,
    };
  }
  const oldest = first.fromMs;
  const newest = last.toMs;
  const holds = `${camera}'s buffer holds the last ${spanWords(newest - oldest)} (from ${time(oldest)})`;
  if (toMs < oldest) {
    return { kept: false, message: `The recording from ${time(fromMs)} is no longer kept: ${holds}.` };
  }
  if (fromMs >= newest) {
    return {
      kept: false,
      message: `Nothing from ${time(fromMs)} has been recorded: the newest moment kept from ${camera} is ${time(newest)}.`,
    };
  }
  // Inside a stretch of video: the moment itself.
  if (r.covered.some((s) => s.fromMs <= fromMs && fromMs < s.toMs)) return { kept: true, atMs: fromMs, message: null };
  const next = r.covered.find((s) => s.fromMs > fromMs);
  if (!next || next.fromMs > toMs) {
    const when = r.toMs === undefined ? `at ${time(fromMs)}` : `between ${time(fromMs)} and ${time(toMs)}`;
    return {
      kept: false,
      message: `There is no video from ${camera} ${when}: the camera sent none then (a gap in the recording).`,
    };
  }
  if (fromMs < oldest) {
    return {
      kept: true,
      atMs: next.fromMs,
      message: `The recording before ${time(oldest)} is no longer kept (${holds}); replay starts at ${time(oldest)}.`,
    };
  }
  return {
    kept: true,
    atMs: next.fromMs,
    message: `There is no video from ${camera} at ${time(fromMs)} (a gap in the recording); replay starts at ${time(next.fromMs)}, where it resumes.`,
  };
}
