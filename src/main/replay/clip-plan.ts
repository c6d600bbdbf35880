import { PTS_HZ, ptsDelta, type VideoFrame } from '../cameras/transport-stream';
import { endOf, gapTolerance, type RecordedSegment, type SegmentIndex } from './segment-index';

/** The longest clip one cut makes: a report's evidence, not an archive. */
export const MAX_CLIP_MS = 60 * 60_000;
/** An out point this far past the newest recorded moment is taken as "up to now". */
const OUT_SLACK_MS = 2_000;
/** How far before the in point a key frame is looked for before giving up. */
const KEYFRAME_SEARCH_MS = 60_000;

export type ClipRefusal = { message: string; field: 'from' | 'to' };

/** Words the refusals use: a moment as the desk reads it, a length, the camera's name. */
export interface ClipWords {
  camera: string;
  time(ms: number): string;
}

export const lengthWords = (ms: number): string => {
  const s = Math.round(ms / 100) / 10;
  if (s < 60) return `${s % 1 === 0 ? s.toFixed(0) : s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s - m * 60);
  return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
};

/**
 * Whether [fromMs, toMs) can be cut from a camera's buffer, and the segments that hold
 * it; otherwise why not, in words for the desk: out before in, longer than what is
 * kept, older than the buffer, after its newest moment, inside or across a gap.
 */
export function checkClipRange(
  index: SegmentIndex,
  fromMs: number,
  requestedToMs: number,
  words: ClipWords,
): { ok: true; segments: RecordedSegment[]; toMs: number } | ({ ok: false } & ClipRefusal) {
  const refuse = (message: string, field: ClipRefusal['field'] = 'to') => ({ ok: false as const, message, field });
  const { time } = words;
  if (requestedToMs === fromMs) return refuse('The clip is empty: the out point is the same moment as the in point.');
  if (requestedToMs < fromMs) {
    return refuse(
      `The out point (${time(requestedToMs)}) is before the in point (${time(fromMs)}). Mark the in point first, then the out point.`,
    );
  }
  if (requestedToMs - fromMs > MAX_CLIP_MS) {
    return refuse(
      `A clip can be at most ${lengthWords(MAX_CLIP_MS)} long; this one would be ${lengthWords(requestedToMs - fromMs)}.`,
    );
  }
  const first = index.first;
  const last = index.last;
  if (!first || !last) return refuse(`Nothing has been recorded from ${words.camera} yet.`, 'from');
  const kept = endOf(last) - first.startMs;
  if (requestedToMs - fromMs > kept) {
    return refuse(
      `The clip asked for is ${lengthWords(requestedToMs - fromMs)} long, but only ${lengthWords(kept)} of ${words.camera} is kept (from ${time(first.startMs)} to ${time(endOf(last))}).`,
      'from',
    );
  }
  if (fromMs < first.startMs - 500) {
    return refuse(
      `The in point (${time(fromMs)}) is older than anything kept of ${words.camera}: its recording starts at ${time(first.startMs)}.`,
      'from',
    );
  }
  if (requestedToMs > endOf(last) + OUT_SLACK_MS) {
    return refuse(`The out point (${time(requestedToMs)}) is after the newest recorded moment (${time(endOf(last))}).`);
  }
  const toMs = Math.min(requestedToMs, endOf(last));
  const segments = index.between(fromMs, toMs);
  if (segments.length === 0) {
    const gap = index.gapAt(fromMs);
    const span = gap ? `between ${time(gap.fromMs)} and ${time(gap.toMs)}` : `from ${time(fromMs)} to ${time(toMs)}`;
    return refuse(`There is no video of ${words.camera} ${span}: it was not recorded then (a gap).`, 'from');
  }
  if (segments[0]!.startMs - fromMs > gapTolerance(segments[0]!, segments[0]!)) {
    return refuse(
      `The in point (${time(fromMs)}) falls in a gap where there is no video; the video resumes at ${time(segments[0]!.startMs)}. Move the in point there, or later.`,
      'from',
    );
  }
  for (let i = 1; i < segments.length; i++) {
    const a = segments[i - 1]!;
    const b = segments[i]!;
    if (b.startMs - endOf(a) > gapTolerance(a, b)) {
      return refuse(
        `The range crosses a gap in the recording: there is no video from ${time(endOf(a))} to ${time(b.startMs)}. Cut the part before or after the gap.`,
      );
    }
  }
  return { ok: true, segments, toMs };
}

/** A transport stream segment's frames, as transport-stream.ts reads them. */
export interface SegmentFrames {
  segment: RecordedSegment;
  frames: VideoFrame[];
}

/** The earliest presentation time in a segment: the frame its wall-clock start belongs to. */
const zeroOf = (frames: readonly VideoFrame[]) =>
  frames.reduce((min, f) => (ptsDelta(min, f.pts) < 0 ? f.pts : min), frames[0]!.pts);

export interface ClipStart {
  /** The segment the clip starts in, and the key frame's presentation time there. */
  segment: RecordedSegment;
  keyPts: number;
  /** The key frame's wall-clock time: the clip's true start, at or before the in point. */
  startMs: number;
}

/**
 * The key frame at or before the in point: a clip copied without re-encoding can only
 * start on one. `candidates` are the in point's segment and those before it, newest
 * first, contiguous (no gap between them); the search stops a minute back. They are
 * taken one by one (a generator reads each segment only when asked), so the usual
 * case, a key frame in the in point's own segment, reads that one file alone.
 */
export function keyFrameAtOrBefore(candidates: Iterable<SegmentFrames>, fromMs: number): ClipStart | null {
  for (const { segment, frames } of candidates) {
    if (fromMs - segment.startMs > KEYFRAME_SEARCH_MS + segment.durationMs) break;
    if (frames.length === 0) continue;
    const zero = zeroOf(frames);
    const wall = (pts: number) => segment.startMs + (ptsDelta(zero, pts) * 1000) / PTS_HZ;
    let best: VideoFrame | null = null;
    for (const f of frames) {
      if (!f.key || wall(f.pts) > fromMs + 0.5) continue;
      if (!best || ptsDelta(best.pts, f.pts) > 0) best = f;
    }
    if (best) return { segment, keyPts: best.pts, startMs: wall(best.pts) };
  }
  return null;
}

/** The out point as a presentation time of the last segment: frames from it on are left out. */
export function outPts(last: SegmentFrames, toMs: number): number | null {
  if (last.frames.length === 0) return null;
  const zero = zeroOf(last.frames);
  return (zero + Math.round(((toMs - last.segment.startMs) * PTS_HZ) / 1000)) % 2 ** 33;
}

/** Seconds for ffconcat's inpoint/outpoint, rounded up to the microsecond so the frame itself is included (inpoint) or excluded (outpoint). */
export const concatSeconds = (pts: number) => (Math.ceil((pts / PTS_HZ) * 1e6) / 1e6).toFixed(6);

/** Whether the two segments follow each other without a gap. */
export const contiguous = (a: RecordedSegment, b: RecordedSegment) => b.startMs - endOf(a) <= gapTolerance(a, b);
