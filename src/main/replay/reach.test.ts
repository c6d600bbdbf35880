import { describe, expect, it } from 'vitest';
import { reachOf, spanWords, type ReachInput } from './reach';

const MIN = 60_000;
const T0 = Date.parse('2026-11-30T19:00:00Z');
const time = (ms: number) => new Date(ms).toISOString().slice(11, 19);
/** 19:00–19:30 recorded, with no video 19:10–19:12. */
const base: ReachInput = {
  camera: 'Main - Lobby',
  minutes: 30,
  covered: [
    { fromMs: T0, toMs: T0 + 10 * MIN },
    { fromMs: T0 + 12 * MIN, toMs: T0 + 30 * MIN },
  ],
  fromMs: T0 + 5 * MIN,
  time,
};

describe('what of a moment a report names the buffer still holds', () => {
  it('opens at the moment itself when it is recorded', () => {
    expect(reachOf(base)).toEqual({ kept: true, atMs: T0 + 5 * MIN, message: null });
    expect(reachOf({ ...base, toMs: T0 + 6 * MIN })).toEqual({ kept: true, atMs: T0 + 5 * MIN, message: null });
  });

  it('says the recording is no longer kept, and how much the buffer holds', () => {
    expect(reachOf({ ...base, fromMs: T0 - 40 * MIN, toMs: T0 - 35 * MIN })).toEqual({
      kept: false,
      message:
        "The recording from 18:20:00 is no longer kept: Main - Lobby's buffer holds the last 30 minutes (from 19:00:00).",
    });
  });

  it('starts at the oldest moment kept when a range began before it, and says so', () => {
    expect(reachOf({ ...base, fromMs: T0 - 2 * MIN, toMs: T0 + MIN })).toEqual({
      kept: true,
      atMs: T0,
      message:
        "The recording before 19:00:00 is no longer kept (Main - Lobby's buffer holds the last 30 minutes (from 19:00:00)); replay starts at 19:00:00.",
    });
  });

  it('starts where the video resumes after a gap, or says the range is all gap', () => {
    expect(reachOf({ ...base, fromMs: T0 + 11 * MIN })).toMatchObject({
      kept: true,
      atMs: T0 + 12 * MIN,
      message: expect.stringContaining('replay starts at 19:12:00, where it resumes'),
    });
    expect(reachOf({ ...base, fromMs: T0 + 10.5 * MIN, toMs: T0 + 11.5 * MIN })).toEqual({
      kept: false,
      message:
        'There is no video from Main - Lobby between 19:10:30 and 19:11:30: the camera sent none then (a gap in the recording).',
    });
  });

  it('says when nothing that late is recorded, recording is off, or nothing is kept yet', () => {
    expect(reachOf({ ...base, fromMs: T0 + 31 * MIN })).toEqual({
      kept: false,
      message: 'Nothing from 19:31:00 has been recorded: the newest moment kept from Main - Lobby is 19:30:00.',
    });
    expect(reachOf({ ...base, minutes: 0 })).toEqual({
      kept: false,
      message:
        'Recording is off for Main - Lobby, so nothing from 19:05:00 was kept. An administrator can turn it on in Settings → Cameras.',
    });
    expect(reachOf({ ...base, covered: [] })).toMatchObject({ kept: false, message: /no video has been recorded/ });
  });

  it('says a buffer’s length as one would', () => {
    expect([spanWords(40_000), spanWords(MIN), spanWords(30 * MIN), spanWords(60 * MIN), spanWords(70 * MIN)]).toEqual([
      '40 seconds',
      '1 minute',
      '30 minutes',
      '1 hour',
      '1 hour 10 minutes',
    ]);
  });
});
