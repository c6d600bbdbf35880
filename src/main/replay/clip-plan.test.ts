import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir';
import { probe } from '../../../test/helpers/video';
import { parsePlaylist } from '../cameras/playlist';
import { checkClipRange, concatSeconds, keyFrameAtOrBefore, lengthWords, outPts } from './clip-plan';
import { cutClip, posterFrame } from './clip-cutter';
import { readJpeg } from '../attachments/jpeg';
import { SegmentIndex, type RecordedSegment } from './segment-index';
import { readTransportStream } from '../cameras/transport-stream';

const T0 = Date.parse('2026-11-30T19:00:00.000Z');
const words = { camera: 'Main - Lobby', time: (ms: number) => `+${((ms - T0) / 1000).toFixed(1)}s` };

function indexOf(starts: number[], durationMs = 1000): SegmentIndex {
  const index = new SegmentIndex();
  for (const s of starts) {
    index.add({
      startMs: T0 + s * 1000,
      durationMs,
      timeSource: 'stream',
      discontinuity: false,
      file: `s${s}.ts`,
      init: null,
      bytes: 1,
    });
  }
  return index;
}

describe('which ranges can be cut, in words', () => {
  // 0–60 s recorded, a gap from 30 to 40 s.
  const index = indexOf([...Array.from({ length: 30 }, (_, i) => i), ...Array.from({ length: 20 }, (_, i) => 40 + i)]);
  const check = (from: number, to: number) => checkClipRange(index, T0 + from * 1000, T0 + to * 1000, words);

  it('takes a range of recorded video, and an out point just past the newest moment as "up to now"', () => {
    const ok = check(2.5, 12);
    expect(ok).toMatchObject({ ok: true, toMs: T0 + 12_000 });
    if (ok.ok) expect(ok.segments.map((s) => s.file)).toEqual(Array.from({ length: 10 }, (_, i) => `s${i + 2}.ts`));
    expect(check(50, 61)).toMatchObject({ ok: true, toMs: T0 + 60_000 });
  });

  it('refuses out before in, an empty clip, more than is kept, older than kept, after the newest moment', () => {
    expect(check(12, 5)).toEqual({
      ok: false,
      field: 'to',
      message: 'The out point (+5.0s) is before the in point (+12.0s). Mark the in point first, then the out point.',
    });
    expect(check(5, 5)).toMatchObject({ ok: false, message: expect.stringMatching(/The clip is empty/) });
    expect(check(-10, 55)).toMatchObject({
      ok: false,
      message: 'The clip asked for is 1 min 5 s long, but only 1 min of Main - Lobby is kept (from +0.0s to +60.0s).',
    });
    expect(check(-5, 20)).toMatchObject({
      ok: false,
      field: 'from',
      message: expect.stringMatching(/older than anything kept/),
    });
    expect(check(50, 70)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/after the newest recorded moment \(\+60\.0s\)/),
    });
  });

  it('refuses a range inside a gap, starting in one, or crossing one, naming the gap', () => {
    expect(check(32, 38)).toMatchObject({
      ok: false,
      message: 'There is no video of Main - Lobby between +30.0s and +40.0s: it was not recorded then (a gap).',
    });
    expect(check(35, 45)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/falls in a gap.*resumes at \+40\.0s/),
    });
    expect(check(25, 45)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/crosses a gap in the recording: there is no video from \+30\.0s to \+40\.0s/),
    });
  });

  it('refuses a camera with nothing recorded', () => {
    expect(checkClipRange(new SegmentIndex(), T0, T0 + 1000, words)).toMatchObject({
      ok: false,
      message: 'Nothing has been recorded from Main - Lobby yet.',
    });
  });

  it('says lengths the way a person reads them', () => {
    expect([lengthWords(800), lengthWords(20_000), lengthWords(65_000), lengthWords(120_000)]).toEqual([
      '0.8 s',
      '20 s',
      '1 min 5 s',
      '2 min',
    ]);
  });
});

describe('clip boundaries', () => {
  const frames = (keys: number[], count = 15, first = 900_000) =>
    Array.from({ length: count }, (_, i) => ({ pts: first + i * 6000, key: keys.includes(i) }));
  const segment = (s: number): RecordedSegment => ({
    startMs: T0 + s * 1000,
    durationMs: 1000,
    timeSource: 'stream',
    discontinuity: false,
    file: `s${s}.ts`,
    init: null,
    bytes: 1,
  });

  it('starts at the key frame at or before the in point, in an earlier segment if it must', () => {
    // Key frames at 0, 1/3 and 2/3 s of the segment (every fifth frame at 15 fps).
    const here = { segment: segment(10), frames: frames([0, 5, 10]) };
    const start = keyFrameAtOrBefore([here], T0 + 10_500);
    expect(start).toMatchObject({ keyPts: 900_000 + 5 * 6000 });
    expect(start!.startMs).toBeCloseTo(T0 + 10_333.3, 0);
    // Exactly on a key frame: that one.
    expect(keyFrameAtOrBefore([here], T0 + 10_000 + (10 * 1000) / 15)!.keyPts).toBe(900_000 + 10 * 6000);
    // No key frame in the in point's segment (a long GOP): the one a segment back.
    const none = { segment: segment(11), frames: frames([]) };
    expect(keyFrameAtOrBefore([none, here], T0 + 11_200)!.keyPts).toBe(900_000 + 10 * 6000);
    expect(keyFrameAtOrBefore([none], T0 + 11_200)).toBeNull();
  });

  it('puts the out point on the last segment’s own clock, and hands ffconcat times that keep the key frame', () => {
    const last = { segment: segment(20), frames: frames([0], 15, 8_589_930_000) };
    expect(outPts(last, T0 + 20_500)).toBe((8_589_930_000 + 45_000) % 2 ** 33);
    expect(concatSeconds(246_000)).toBe('2.733334');
    expect(Number(concatSeconds(246_000)) * 90_000).toBeGreaterThanOrEqual(246_000);
  });
});

describe('cutting with ffmpeg (stream copy)', () => {
  const dir = tempDir('vigil-clip-');
  let index: SegmentIndex;

  beforeAll(() => {
    // Ten seconds of 1 s segments, key frames every 5 frames (1/3 s) at 15 fps, with a wall-clock date on each.
    execFileSync('ffmpeg', [
      ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=15', '-t', '10'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '5', '-pix_fmt', 'yuv420p'],
      ...['-f', 'hls', '-hls_time', '1', '-hls_list_size', '0', '-hls_flags', 'program_date_time'],
      ...['-hls_segment_filename', join(dir.path, 'seg%d.ts'), join(dir.path, 'index.m3u8')],
    ]);
    const playlist = parsePlaylist(readFileSync(join(dir.path, 'index.m3u8'), 'utf8'));
    if (playlist.kind !== 'media') throw new Error('no playlist');
    index = new SegmentIndex();
    const first = playlist.segments[0]!.programDateTime!;
    for (const s of playlist.segments) {
      index.add({
        startMs: T0 + (s.programDateTime! - first),
        durationMs: Math.round(s.duration! * 1000),
        timeSource: 'stream',
        discontinuity: false,
        file: s.uri,
        init: null,
        bytes: readFileSync(join(dir.path, s.uri)).length,
      });
    }
    expect(readdirSync(dir.path).filter((f) => f.endsWith('.ts')).length).toBe(10);
  });
  afterAll(() => dir.remove());

  const cut = (from: number, to: number, name: string) =>
    cutClip({
      ffmpegPath: 'ffmpeg',
      index,
      pathOf: (file) => join(dir.path, file),
      fromMs: T0 + from * 1000,
      toMs: T0 + to * 1000,
      words,
      outPath: join(dir.path, name),
      scratchPath: join(dir.path, `${name}.joined`),
    });

  it('copies from the key frame at or before the in point to the out point, across segments, and says why it starts early', async () => {
    const clip = await cut(2.5, 6.2, 'a.mp4');
    // The key frame before 2.5 s is at 2 1/3 s.
    expect(clip.startMs).toBeCloseTo(T0 + 2333.3, 0);
    expect(clip.endMs).toBe(T0 + 6200);
    const p = probe(join(dir.path, 'a.mp4'));
    expect(p.codec).toBe('h264');
    expect(p.keyTimes[0]).toBe(0);
    // 2.333 → 6.2 s: 58 frames at 15 fps, give or take the last.
    expect(p.duration).toBeGreaterThan(3.8);
    expect(p.duration).toBeLessThan(3.95);
    expect(clip.note).toMatch(/^The clip starts 0\.2 s before the in point, at \+2\.3s: .*key frames\.$/);
    // The poster frame is made apart, after the clip is kept: the clip's first picture as a JPEG.
    const poster = await posterFrame('ffmpeg', join(dir.path, 'a.mp4'));
    expect(poster?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(readJpeg(poster!)).toMatchObject({ width: 320, height: 180 });
    expect(clip.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(clip.bytes).toBe(readFileSync(join(dir.path, 'a.mp4')).length);
  });

  it('cuts the same clip segment by segment when the timestamps start afresh inside the range', async () => {
    const joined = await cut(2.5, 6.2, 'joined.mp4');
    // A restarted source inside the range: ffmpeg reads each segment on its own (and probes each).
    const restarted = index.segments[4]!;
    const saved = { ...restarted };
    Object.assign(restarted, { discontinuity: true });
    try {
      const apart = await cut(2.5, 6.2, 'apart.mp4');
      expect([apart.startMs, apart.endMs]).toEqual([joined.startMs, joined.endMs]);
      const [a, b] = [probe(join(dir.path, 'joined.mp4')), probe(join(dir.path, 'apart.mp4'))];
      expect(b.frames).toBe(a.frames);
      expect(Math.abs(b.duration - a.duration)).toBeLessThan(0.01);
    } finally {
      Object.assign(restarted, saved);
    }
  });

  it('starts exactly at the in point when it is a key frame, and within one segment too', async () => {
    const clip = await cut(4, 4.8, 'b.mp4');
    expect(clip.startMs).toBe(T0 + 4000);
    expect(clip.note).toBeNull();
    const p = probe(join(dir.path, 'b.mp4'));
    expect(p.frames).toBe(12);
  });

  it('writes the same bytes for the same range (the hash names the clip)', async () => {
    const again = await cut(4, 4.8, 'c.mp4');
    expect(again.sha256).toBe((await cut(4, 4.8, 'd.mp4')).sha256);
    expect(readTransportStream(readFileSync(join(dir.path, 'seg4.ts'))).frames[0]!.key).toBe(true);
  });

  it('refuses with the reason and writes nothing for a range it cannot cut', async () => {
    await expect(cut(6, 3, 'e.mp4')).rejects.toThrow(/before the in point/);
    await expect(cut(-30, 5, 'f.mp4')).rejects.toThrow(/only 10 s of Main - Lobby is kept/);
    expect(readdirSync(dir.path).filter((f) => f.startsWith('e.') || f.startsWith('f.'))).toEqual([]);
    writeFileSync(join(dir.path, 'unused'), '');
  });
});
