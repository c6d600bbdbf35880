import { describe, expect, it } from 'vitest';
import { parseSegmentFileName, segmentFileName } from './segment-files';
import { SegmentIndex, type RecordedSegment } from './segment-index';

const T0 = Date.parse('2026-11-30T19:00:00.000Z');

/** A 1 s segment starting `s` seconds after T0. */
function seg(s: number, o: Partial<RecordedSegment> = {}): RecordedSegment {
  const base = {
    startMs: T0 + s * 1000,
    durationMs: 1000,
    timeSource: 'stream' as const,
    discontinuity: false,
    bytes: 100,
  };
  const merged = { ...base, ...o };
  return { ...merged, init: null, file: segmentFileName(merged, 'ts', null) };
}

describe('the index of recorded segments', () => {
  it('keeps segments in time order whatever order they arrive in, and refuses the same segment twice', () => {
    const index = new SegmentIndex();
    for (const s of [2, 0, 1, 3]) expect(index.add(seg(s))).toBe(true);
    expect(index.segments.map((s) => s.startMs - T0)).toEqual([0, 1000, 2000, 3000]);
    // The same moment again (seen before and after a restart), or overlapping it: refused.
    expect(index.add(seg(2))).toBe(false);
    expect(index.add(seg(2.5))).toBe(false);
    // A few milliseconds of clock jitter between neighbours is not an overlap.
    expect(index.add(seg(4.02))).toBe(true);
    expect(index.bytes).toBe(500);
  });

  it('tells continuous video from gaps, and which segments hold a range', () => {
    const index = new SegmentIndex();
    // 0–3 s, then nothing until 10 s (an outage), then 10–12 s; then a 0.3 s hiccup, which is no gap.
    for (const s of [0, 1, 2, 10, 11, 12.3]) index.add(seg(s));
    expect(index.gaps()).toEqual([{ fromMs: T0 + 3000, toMs: T0 + 10_000 }]);
    expect(index.covered()).toEqual([
      { fromMs: T0, toMs: T0 + 3000, timeSource: 'stream' },
      { fromMs: T0 + 10_000, toMs: T0 + 13_300, timeSource: 'stream' },
    ]);
    expect(index.gapAt(T0 + 5000)).toEqual({ fromMs: T0 + 3000, toMs: T0 + 10_000 });
    expect(index.gapAt(T0 + 1500)).toBeNull();
    expect(index.between(T0 + 1500, T0 + 10_500).map((s) => s.startMs - T0)).toEqual([1000, 2000, 10_000]);
    expect(index.between(T0 + 4000, T0 + 9000)).toEqual([]);
  });

  it('starts a new span where the time source changes, and allows receipt times more jitter', () => {
    const index = new SegmentIndex();
    index.add(seg(0));
    index.add(seg(1, { timeSource: 'receipt' }));
    // 1.6 s late: a gap between camera-timed segments, not between receipt-timed ones.
    index.add(seg(3.6, { timeSource: 'receipt' }));
    expect(index.gaps()).toEqual([]);
    expect(index.covered().map((c) => c.timeSource)).toEqual(['stream', 'receipt']);
  });

  it('removes what ended before a moment, and single segments by name', () => {
    const index = new SegmentIndex();
    for (const s of [0, 1, 2, 3]) index.add(seg(s));
    expect(index.removeEndedBefore(T0 + 2000).map((s) => s.startMs - T0)).toEqual([0, 1000]);
    expect(index.remove(seg(3).file)).toBe(true);
    expect(index.remove(seg(3).file)).toBe(false);
    expect(index.segments.map((s) => s.startMs - T0)).toEqual([2000]);
    expect(index.bytes).toBe(100);
  });
});

describe('segment file names', () => {
  it('carry the whole index entry, and nothing else parses as one', () => {
    const s = seg(1, { timeSource: 'receipt', discontinuity: true, bytes: 61852 });
    expect(s.file).toBe(`${T0 + 1000}-1000-61852-rd.ts`);
    expect(parseSegmentFileName(s.file)).toEqual(s);
    const fmp4 = parseSegmentFileName(`${T0}-2002-400-s-0123456789abcdef.m4s`);
    expect(fmp4).toMatchObject({ durationMs: 2002, init: 'init-0123456789abcdef.mp4', timeSource: 'stream' });
    for (const other of ['.incoming-12.tmp', 'init-0123456789abcdef.mp4', '../1-1-1-s.ts', `${T0}-1000-1-x.ts`]) {
      expect(parseSegmentFileName(other)).toBeNull();
    }
  });
});
