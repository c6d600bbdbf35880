import { existsSync, mkdirSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir';
import { uuidv7 } from '../ids';
import type { ReceivedSegment } from '../cameras/segment-tap';
import { RollingBuffer, diskReserve, type DiskSpace } from './buffer';

const T0 = Date.parse('2026-11-30T19:00:00.000Z');
const GIB = 1024 ** 3;
const A = uuidv7();
const B = uuidv7();

let dir: ReturnType<typeof tempDir>;
let now: number;
let minutes: Map<string, number>;
let budget: number;
let disk: DiskSpace | null;
let changes: number;
let buffer: RollingBuffer;

const make = () =>
  new RollingBuffer({
    dir: join(dir.path, 'recordings'),
    now: () => now,
    minutesFor: (id) => minutes.get(id) ?? 30,
    budgetBytes: () => budget,
    diskSpace: () => disk,
    log: () => {},
    onChange: () => changes++,
  });

/** A 1 s segment of `bytes` bytes (a valid transport stream packet count), starting `s` seconds after T0. */
function segment(cameraId: string, s: number, bytes = 188 * 10, o: Partial<ReceivedSegment> = {}): ReceivedSegment {
  const body = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i += 188) body[i] = 0x47;
  return {
    cameraId,
    stream: 'main',
    startMs: T0 + s * 1000,
    timeSource: 'stream',
    durationMs: 1000,
    ext: 'ts',
    body: { bytes: body },
    init: null,
    discontinuity: false,
    ...o,
  };
}

const startsOf = (id: string) => buffer.index(id)?.segments.map((s) => (s.startMs - T0) / 1000) ?? [];
const filesOf = (id: string) =>
  existsSync(join(dir.path, 'recordings', id)) ? readdirSync(join(dir.path, 'recordings', id)).sort() : [];

beforeEach(() => {
  dir = tempDir();
  now = T0;
  minutes = new Map();
  budget = 20 * GIB;
  disk = { freeBytes: 500 * GIB, sizeBytes: 1000 * GIB };
  changes = 0;
  buffer = make();
  buffer.start([A, B]);
});
afterEach(() => {
  buffer.close();
  dir.remove();
});

describe('the rolling buffer', () => {
  it('keeps only the main stream of recorded cameras, each segment a file named for its index entry', () => {
    minutes.set(B, 0);
    expect(buffer.wants(A, 'main')).toBe(true);
    expect(buffer.wants(A, 'grid')).toBe(false);
    expect(buffer.wants(B, 'main')).toBe(false);
    buffer.received(segment(A, 0));
    buffer.received(segment(A, 0, 188 * 10)); // the same moment again: kept once
    buffer.received({ ...segment(A, 1), stream: 'grid' });
    buffer.received(segment(B, 0));
    expect(startsOf(A)).toEqual([0]);
    expect(filesOf(A)).toEqual([`${T0}-1000-1880-s.ts`]);
    expect(filesOf(B)).toEqual([]);
  });

  it('links the file ffmpeg wrote instead of copying it, so ffmpeg deleting its own name leaves ours', () => {
    const live = join(dir.path, 'live');
    mkdirSync(live);
    writeFileSync(join(live, 'seg1.ts'), (segment(A, 0).body as { bytes: Buffer }).bytes);
    buffer.received({ ...segment(A, 0), body: { path: join(live, 'seg1.ts') } });
    expect(filesOf(A)).toEqual([`${T0}-1000-1880-s.ts`]);
    truncateSync(join(live, 'seg1.ts'), 0);
    // A hard link: the same file under two names (ffmpeg never rewrites a finished segment).
    expect(buffer.present(A, 0, Infinity)).toEqual([]);
  });

  it('trims each camera by its own age as time passes', () => {
    minutes.set(A, 1);
    minutes.set(B, 2);
    for (let s = 0; s < 150; s++) {
      now = T0 + (s + 1) * 1000;
      buffer.received(segment(A, s));
      buffer.received(segment(B, s));
    }
    // At 150 s: A keeps what ended in the last minute, B the last two minutes (all of it but the first 30 s).
    expect(startsOf(A)[0]).toBe(90);
    expect(startsOf(B)[0]).toBe(30);
    expect(filesOf(A)).toHaveLength(60);
    now += 10 * 60_000;
    buffer.sweep();
    expect(startsOf(A)).toEqual([]);
    expect(filesOf(B)).toEqual([]);
  });

  it('keeps every camera within one disk budget, deleting the oldest video first whichever camera it is', () => {
    budget = 188 * 10 * 100; // a hundred segments in all
    // A has recorded longer than B: its oldest go first, until both fit.
    for (let s = 0; s < 60; s++) buffer.received(segment(A, s));
    for (let s = 40; s < 100; s++) {
      buffer.received(segment(B, s));
      buffer.received(segment(A, s + 20));
    }
    expect(buffer.usedBytes()).toBeLessThanOrEqual(budget);
    // What was deleted, on either camera, is older than (or as old as) everything kept on both.
    const inserted = {
      [A]: Array.from({ length: 120 }, (_, s) => s),
      [B]: Array.from({ length: 60 }, (_, s) => s + 40),
    };
    const deleted = [A, B].flatMap((id) => inserted[id]!.filter((s) => !startsOf(id).includes(s)));
    const kept = [...startsOf(A), ...startsOf(B)];
    expect(deleted.length).toBeGreaterThan(0);
    expect(Math.max(...deleted)).toBeLessThanOrEqual(Math.min(...kept));
    expect(startsOf(B).length).toBeGreaterThan(0);
    expect(startsOf(A).at(-1)).toBe(119);
    expect(startsOf(B).at(-1)).toBe(99);
    expect(filesOf(A)).toHaveLength(startsOf(A).length);
    // Lowering the budget trims at once.
    budget = 188 * 10 * 20;
    buffer.sweep();
    expect(buffer.usedBytes()).toBeLessThanOrEqual(budget);
    expect(startsOf(A).length + startsOf(B).length).toBeLessThanOrEqual(20);
  });

  it('shrinks to fit a disk running short of space, says so, and grows back when space returns', () => {
    for (let s = 0; s < 50; s++) buffer.received(segment(A, s, 188 * 1000)); // ~9.4 MB
    const used = buffer.usedBytes();
    // A small disk with its reserve nearly reached: only half of what is kept may stay.
    disk = { freeBytes: diskReserve(100 * GIB) - used / 2, sizeBytes: 100 * GIB };
    changes = 0;
    buffer.sweep();
    expect(buffer.usedBytes()).toBeLessThanOrEqual(used / 2);
    const state = buffer.state([A, B]);
    expect(state.allowedBytes).toBeLessThan(state.budgetBytes);
    expect(state.shrunk).toMatch(/The disk is short of space, so the buffer keeps at most \d+ MB instead of 20\.0 GB/);
    expect(changes).toBeGreaterThan(0);
    disk = { freeBytes: 50 * GIB, sizeBytes: 100 * GIB };
    buffer.sweep();
    expect(buffer.state([A]).shrunk).toBeNull();
  });

  it('makes room when a write fails for want of space, and the failed segment is a gap', () => {
    for (let s = 0; s < 10; s++) buffer.received(segment(A, s));
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    buffer.received({
      ...segment(A, 10),
      body: {
        get bytes(): Buffer {
          throw full;
        },
      },
    });
    expect(startsOf(A)).not.toContain(10);
    expect(startsOf(A).length).toBeLessThan(10);
    expect(buffer.state([A]).shrunk).toMatch(/The disk was full: the oldest video was deleted/);
    buffer.received(segment(A, 11));
    expect(startsOf(A).at(-1)).toBe(11);
  });

  it('survives a restart: what was on disk is listed again; temp files, removed cameras and damaged files are not', () => {
    for (let s = 0; s < 5; s++) buffer.received(segment(A, s));
    buffer.received(segment(A, 8, 188 * 10, { discontinuity: true }));
    buffer.close();
    writeFileSync(join(dir.path, 'recordings', A, '.incoming-1.tmp'), 'half');
    const removed = uuidv7();
    mkdirSync(join(dir.path, 'recordings', removed));
    writeFileSync(join(dir.path, 'recordings', removed, `${T0}-1000-1880-s.ts`), 'x');

    buffer = make();
    buffer.start([A, B]);
    expect(startsOf(A)).toEqual([0, 1, 2, 3, 4, 8]);
    expect(buffer.index(A)!.segments.at(-1)!.discontinuity).toBe(true);
    expect(buffer.index(A)!.gaps()).toEqual([{ fromMs: T0 + 5000, toMs: T0 + 8000 }]);
    expect(filesOf(A)).not.toContain('.incoming-1.tmp');
    expect(existsSync(join(dir.path, 'recordings', removed))).toBe(false);

    // A file deleted or cut short behind the desk's back becomes part of a gap when replay looks.
    const files = filesOf(A);
    truncateSync(join(dir.path, 'recordings', A, files[1]!), 10);
    writeFileSync(join(dir.path, 'recordings', A, files[2]!), Buffer.alloc(0));
    expect(buffer.present(A, T0, T0 + 10_000).map((s) => (s.startMs - T0) / 1000)).toEqual([0, 3, 4, 8]);
    expect(buffer.index(A)!.gaps()).toEqual([
      { fromMs: T0 + 1000, toMs: T0 + 3000 },
      { fromMs: T0 + 5000, toMs: T0 + 8000 },
    ]);
  });

  it('checks a whole camera off main’s thread: files deleted or cut short leave the index, one check at a time', async () => {
    for (let s = 0; s < 600; s++) buffer.received(segment(A, s));
    const files = filesOf(A);
    truncateSync(join(dir.path, 'recordings', A, files[100]!), 10);
    rmSync(join(dir.path, 'recordings', A, files[450]!));
    const first = buffer.checkAll(A);
    // Asked again while it runs: the same check.
    expect(buffer.checkAll(A)).toBe(first);
    await first;
    expect(buffer.index(A)!.size).toBe(598);
    expect(buffer.index(A)!.gaps()).toEqual([
      { fromMs: T0 + 100_000, toMs: T0 + 101_000 },
      { fromMs: T0 + 450_000, toMs: T0 + 451_000 },
    ]);
    expect(filesOf(A)).not.toContain(files[100]);
  });

  it('deletes a camera’s whole buffer when it is removed or its recording is turned off', () => {
    for (let s = 0; s < 3; s++) {
      buffer.received(segment(A, s));
      buffer.received(segment(B, s));
    }
    buffer.forget(A);
    expect(existsSync(join(dir.path, 'recordings', A))).toBe(false);
    minutes.set(B, 0);
    buffer.sweep();
    expect(existsSync(join(dir.path, 'recordings', B))).toBe(false);
    expect(buffer.usedBytes()).toBe(0);
  });

  it('says which cameras are receiving video and why one cannot be recorded', () => {
    buffer.received(segment(A, 0));
    buffer.unrecordable(B, 'main', 'The camera encrypts its video (EXT-X-KEY), so it cannot be recorded');
    const [a, b] = buffer.state([A, B]).cameras;
    expect(a).toMatchObject({ cameraId: A, receiving: true, segments: 1, fromMs: T0, toMs: T0 + 1000, problem: null });
    expect(b).toMatchObject({ receiving: false, problem: expect.stringMatching(/encrypts/) });
    buffer.unrecordable(B, 'main', null);
    expect(buffer.state([B]).cameras[0]!.problem).toBeNull();
  });
});
