import type { TimeSource } from '../cameras/segment-tap';

/** One recorded segment of a camera, as its file name says (segment-files.ts). */
export interface RecordedSegment {
  /** Wall-clock start and length, ms. */
  startMs: number;
  durationMs: number;
  timeSource: TimeSource;
  /** Timestamps start afresh here: the player is told (EXT-X-DISCONTINUITY). */
  discontinuity: boolean;
  /** File name inside the camera's folder. */
  file: string;
  /** fMP4: the initialization segment's file name; null for transport stream. */
  init: string | null;
  bytes: number;
}

export const endOf = (s: RecordedSegment) => s.startMs + s.durationMs;

/**
 * Two segments further apart than this are separated by a gap: a camera that was
 * offline, a restarted remux, a segment lost on the way. Clocks and polling jitter a
 * little, receipt times more, so a gap is more than half a segment (at least 0.5 s)
 * of missing time, or 2 s between receipt-timed segments.
 */
export function gapTolerance(a: RecordedSegment, b: RecordedSegment): number {
  const base = Math.max(500, Math.min(a.durationMs, b.durationMs) / 2);
  return a.timeSource === 'receipt' || b.timeSource === 'receipt' ? Math.max(base, 2_000) : base;
}

export interface Span {
  fromMs: number;
  toMs: number;
}

export interface CoveredSpan extends Span {
  timeSource: TimeSource;
}

/**
 * One camera's recorded segments in time order: what the timeline draws (spans of
 * video and the gaps between them), what replay serves and what a clip is cut from.
 * Kept in memory; the files themselves are the record of it (a restart rebuilds it
 * from their names), so nothing is written per segment but the segment.
 */
export class SegmentIndex {
  private readonly list: RecordedSegment[] = [];
  private total = 0;

  get segments(): readonly RecordedSegment[] {
    return this.list;
  }

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.list.length;
  }

  get first(): RecordedSegment | undefined {
    return this.list[0];
  }

  get last(): RecordedSegment | undefined {
    return this.list.at(-1);
  }

  /**
   * Adds a segment in time order. Refused (false) when one already starts at about the
   * same moment (the same segment seen twice, before and after a restart) or when it
   * would overlap the one before by more than a clock's jitter.
   */
  add(s: RecordedSegment): boolean {
    const at = this.insertionPoint(s.startMs);
    const before = this.list[at - 1];
    const after = this.list[at];
    const jitter = Math.min(250, s.durationMs / 4);
    if (before && endOf(before) - s.startMs > jitter) return false;
    if (after && endOf(s) - after.startMs > jitter) return false;
    this.list.splice(at, 0, s);
    this.total += s.bytes;
    return true;
  }

  /** Removes and returns the oldest segment. */
  shift(): RecordedSegment | undefined {
    const s = this.list.shift();
    if (s) this.total -= s.bytes;
    return s;
  }

  /** Removes one segment by file name (its file is gone or damaged); true if it was there. */
  remove(file: string): boolean {
    const i = this.list.findIndex((s) => s.file === file);
    if (i < 0) return false;
    this.total -= this.list[i]!.bytes;
    this.list.splice(i, 1);
    return true;
  }

  /** Removes the segments that ended before `ms` (too old to keep), oldest first; returns them. */
  removeEndedBefore(ms: number): RecordedSegment[] {
    const gone: RecordedSegment[] = [];
    while (this.list[0] && endOf(this.list[0]) <= ms) gone.push(this.shift()!);
    return gone;
  }

  /** Whether a gap separates segment i from the one before it. */
  gapBefore(i: number): boolean {
    const s = this.list[i];
    const before = this.list[i - 1];
    if (!s || !before) return false;
    return s.startMs - endOf(before) > gapTolerance(before, s);
  }

  /** Stretches of continuous video, each with how its times were known (a change of source starts a new one). */
  covered(): CoveredSpan[] {
    const spans: CoveredSpan[] = [];
    this.list.forEach((s, i) => {
      const current = spans.at(-1);
      if (current && !this.gapBefore(i) && current.timeSource === s.timeSource) current.toMs = endOf(s);
      else spans.push({ fromMs: s.startMs, toMs: endOf(s), timeSource: s.timeSource });
    });
    return spans;
  }

  /** The gaps between the first and last segment: where there is no video. */
  gaps(): Span[] {
    const gaps: Span[] = [];
    this.list.forEach((s, i) => {
      if (this.gapBefore(i)) gaps.push({ fromMs: endOf(this.list[i - 1]!), toMs: s.startMs });
    });
    return gaps;
  }

  /** The segments that hold any of [fromMs, toMs), in order. */
  between(fromMs: number, toMs: number): RecordedSegment[] {
    const out: RecordedSegment[] = [];
    for (let i = Math.max(0, this.insertionPoint(fromMs) - 1); i < this.list.length; i++) {
      const s = this.list[i]!;
      if (s.startMs >= toMs) break;
      if (endOf(s) > fromMs) out.push(s);
    }
    return out;
  }

  /** The gap that holds `ms`, if it falls in one (or before the first or after the last segment: null). */
  gapAt(ms: number): Span | null {
    return this.gaps().find((g) => g.fromMs <= ms && ms < g.toMs) ?? null;
  }

  /** First position whose segment starts at or after `ms`. */
  private insertionPoint(ms: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid]!.startMs < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
