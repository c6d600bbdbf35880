import { describe, expect, it } from 'vitest';
import {
  agoWords,
  gapCrossed,
  lengthWords,
  momentAt,
  nextSpeed,
  placeOf,
  replayMoment,
  type TimedFragment,
} from './replay-time';

const T0 = Date.parse('2026-11-30T19:00:00Z');
// 0–3 s recorded, a gap until 10 s, then 10–12 s: on the player's timeline the two spans touch.
const fragments: TimedFragment[] = [
  { start: 0, duration: 1, date: T0 },
  { start: 1, duration: 1, date: T0 + 1000 },
  { start: 2, duration: 1, date: T0 + 2000 },
  { start: 3, duration: 1, date: T0 + 10_000 },
  { start: 4, duration: 1, date: T0 + 11_000 },
];

describe('replay time', () => {
  it('places a wall-clock moment on the player’s timeline, moving one in a gap to where the video resumes', () => {
    expect(placeOf(fragments, T0 + 1500)).toEqual({ position: 1.5, ms: T0 + 1500, moved: false });
    expect(placeOf(fragments, T0 + 10_250)).toEqual({ position: 3.25, ms: T0 + 10_250, moved: false });
    expect(placeOf(fragments, T0 + 5000)).toEqual({ position: 3, ms: T0 + 10_000, moved: true });
    expect(placeOf(fragments, T0 - 5000)).toEqual({ position: 0, ms: T0, moved: true });
    expect(placeOf(fragments, T0 + 60_000)).toMatchObject({ position: 4.9, moved: true });
    expect(placeOf([], T0)).toBeNull();
  });

  it('reads the moment back from a position', () => {
    expect(momentAt(fragments, 2.5)).toBe(T0 + 2500);
    expect(momentAt(fragments, 3)).toBe(T0 + 10_000);
    expect(momentAt(fragments, 9)).toBeNull();
  });

  it('notices the picture jumping across a gap', () => {
    const gaps = [{ from: T0 + 3000, to: T0 + 10_000 }];
    expect(gapCrossed(gaps, T0 + 2900, T0 + 10_100)).toEqual(gaps[0]);
    expect(gapCrossed(gaps, T0 + 1000, T0 + 2000)).toBeNull();
  });

  it('steps speeds within 0.5× and 4×, and says times as a desk reads them', () => {
    expect([nextSpeed(1, 1), nextSpeed(4, 1), nextSpeed(1, -1), nextSpeed(0.5, -1)]).toEqual([2, 4, 0.5, 0.5]);
    expect([agoWords(3_400), agoWords(72_000), agoWords(120_000), agoWords(3_840_000)]).toEqual([
      '3 s ago',
      '1 min 12 s ago',
      '2 min ago',
      '1 h 4 min ago',
    ]);
    expect([lengthWords(20_000), lengthWords(20_450), lengthWords(65_000)]).toEqual(['20 s', '20.5 s', '1 min 5 s']);
  });
});

describe('where a report’s camera reference replays from', () => {
  const ref = { from: '2026-11-30T19:40:00.000Z', to: '2026-11-30T19:44:00.000Z' };
  it('is the incident’s time when the reference holds it, else the reference’s start', () => {
    expect(replayMoment(ref, '2026-11-30T19:42:07.000Z')).toBe('2026-11-30T19:42:07.000Z');
    expect(replayMoment(ref, '2026-11-30T18:00:00.000Z')).toBe(ref.from);
    expect(replayMoment(ref, null)).toBe(ref.from);
  });
});
