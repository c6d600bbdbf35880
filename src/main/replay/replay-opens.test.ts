import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../rpc/sessions';
import { ReplayOpens } from './replay-opens';
import type { RecordedSegment } from './segment-index';

const T0 = Date.parse('2026-11-30T18:00:00.000Z');
const PACKETS = 20;

/** A transport stream file's bytes: sync bytes every 188, the rest filled with `fill`. */
const ts = (fill: number) => {
  const bytes = Buffer.alloc(188 * PACKETS, fill);
  for (let at = 0; at < bytes.length; at += 188) bytes[at] = 0x47;
  return bytes;
};

const segment = (i: number): RecordedSegment => ({
  startMs: T0 + i * 1000,
  durationMs: 1000,
  timeSource: 'stream',
  discontinuity: false,
  file: `${T0 + i * 1000}-1000-${188 * PACKETS}-s.ts`,
  init: null,
  bytes: 188 * PACKETS,
});

const session = (id: string): Session =>
  ({ id, staffId: 'staff', locked: false, lastActivity: 0, mediaKey: `key-${id}`, push: () => undefined }) as Session;

const text = (r: { body?: unknown }) => (Buffer.isBuffer(r.body) ? r.body : Buffer.from(String(r.body)));

describe('ReplayOpens', () => {
  let dir: string;
  let opens: ReplayOpens;
  const discarded: string[] = [];
  const segments = [0, 1, 2, 3].map(segment);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-replay-opens-'));
    segments.forEach((s, i) => writeFileSync(join(dir, s.file), ts(i + 1)));
    discarded.length = 0;
    opens = new ReplayOpens({ pathOf: (_c, file) => join(dir, file), discard: (_c, file) => discarded.push(file) });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('hands over the playlist it serves, so the player need not ask for it', () => {
    const me = session('a');
    const { id, text: handed } = opens.open(me, 'cam', segments);
    const served = opens.playlist(id, me);
    expect(served.status).toBe(200);
    expect(text(served).toString()).toBe(handed);
    expect(handed).toContain(segments[0]!.file);
    expect(opens.playlist(id, session('b')).status).toBe(404);
  });

  it('reads the segment replay starts in while the answer travels, and serves that read once', async () => {
    const me = session('a');
    const start = segments[2]!;
    const { id } = opens.open(me, 'cam', segments, start.startMs + 400);
    // The read made at open is finished before the console asks; the file then changes on disk.
    await new Promise((r) => setTimeout(r, 50));
    writeFileSync(join(dir, start.file), ts(0x99));
    const first = await opens.file(id, me, start.file);
    expect(first.status).toBe(200);
    expect(text(first)[1]).toBe(3);
    // Asked again (a seek back), it is read from disk: the early read is not kept.
    expect(text(await opens.file(id, me, start.file))[1]).toBe(0x99);
  });

  it('holds one early read per console: a newer open lets the older one go', async () => {
    const me = session('a');
    const start = segments[2]!;
    const older = opens.open(me, 'cam', segments, start.startMs);
    await new Promise((r) => setTimeout(r, 50));
    opens.open(me, 'cam', segments, segments[0]!.startMs);
    writeFileSync(join(dir, start.file), ts(0x99));
    // The older open still serves its files, read from disk now.
    expect(text(await opens.file(older.id, me, start.file))[1]).toBe(0x99);
  });

  it('checks an early read like any other: a start segment gone or cut short is a gap', async () => {
    const me = session('a');
    const start = segments[1]!;
    rmSync(join(dir, start.file));
    const { id } = opens.open(me, 'cam', segments, start.startMs);
    expect((await opens.file(id, me, start.file)).status).toBe(404);
    expect(discarded).toEqual([start.file]);

    writeFileSync(join(dir, segments[3]!.file), ts(4).subarray(0, 188));
    const again = opens.open(me, 'cam', segments, segments[3]!.startMs);
    expect((await opens.file(again.id, me, segments[3]!.file)).status).toBe(404);
    expect(discarded).toEqual([start.file, segments[3]!.file]);
  });

  it('serves only its own console, whatever was read early', async () => {
    const { id } = opens.open(session('a'), 'cam', segments, T0);
    expect((await opens.file(id, session('b'), segments[0]!.file)).status).toBe(404);
    expect((await opens.file(id, session('a'), segments[0]!.file)).status).toBe(200);
  });
});
