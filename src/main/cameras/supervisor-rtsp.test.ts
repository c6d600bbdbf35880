import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../../../test/fixtures/hls-camera';
import { startRtspCameras, type RtspCameras } from '../../../test/fixtures/rtsp-cameras';
import { tempDir } from '../../../test/helpers/temp-dir';
import { waitFor } from '../../../test/helpers/wait';
import type { HealthReason, StreamHealth } from '../../shared/contract/cameras';
import { uuidv7 } from '../ids';
import { BLOCKING_RELOAD_TAG, parsePlaylist } from './playlist';
import { findFfmpeg } from './ffmpeg';
import { REASON_MESSAGES } from './health';
import { CameraSupervision } from './supervision';
import type { StreamSource } from './sources';

const ffmpegPath = findFfmpeg();
const dir = tempDir('vigil-rtsp-');
let cameras: RtspCameras;
let supervision: CameraSupervision;
const logged: string[] = [];
const seen: StreamHealth[] = [];

/** ffmpeg processes that are children of this test process, from /proc (a zombie still shows there). */
function ffmpegChildren(): { pid: number; args: string[]; zombie: boolean }[] {
  const found = [];
  for (const entry of execFileSync('ls', ['/proc']).toString().split('\n')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [, comm, state, ppid] = /^\d+ \((.*)\) (\S) (\d+)/.exec(stat) ?? [];
      if (comm !== 'ffmpeg' || Number(ppid) !== process.pid) continue;
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      found.push({ pid: Number(entry), args, zombie: state === 'Z' });
    } catch {
      // The process ended while being read.
    }
  }
  return found;
}

const source = (url: string, extra: Partial<StreamSource> = {}): StreamSource => ({
  cameraId: uuidv7(),
  stream: 'main',
  kind: 'rtsp',
  url,
  username: null,
  password: null,
  ...extra,
});

const healthOf = (s: StreamSource) => supervision.health(s.cameraId)[0]!;
// A cold start (GStreamer's first client, ffmpeg's probe) takes ~3.5 s alone and much longer while
// the other suites load both cores; the 10 s promise is for a camera coming back, asserted below.
const reach = (s: StreamSource, state: StreamHealth['state'], timeoutMs = 30_000) =>
  waitFor(
    `${state} (now ${healthOf(s)?.state} ${healthOf(s)?.reason ?? ''})`,
    () => healthOf(s)?.state === state,
    timeoutMs,
  );

beforeAll(async () => {
  cameras = await startRtspCameras({ count: 2, size: '320x180', fps: 10 });
  supervision = new CameraSupervision({
    dataDir: dir.path,
    ffmpegPath,
    onHealth: (h) => seen.push(h),
    log: (m) => logged.push(m),
  });
});
afterEach(async () => supervision.sync([]));
afterAll(async () => {
  // Either may be missing when beforeAll failed; the first error is the one to read.
  await (supervision as CameraSupervision | undefined)?.close();
  await (cameras as RtspCameras | undefined)?.close();
  dir.remove();
});

describe('RTSP supervisor', { timeout: 60_000 }, () => {
  it('remuxes with -c copy, goes live, and serves ffmpeg’s playlist and segments', async () => {
    const cam = source(cameras.url(1));
    supervision.sync([cam]);
    await reach(cam, 'live');
    const [ffmpeg] = ffmpegChildren();
    // The address arrives on stdin (TCP and credentials: supervisor-rtsp-argv.test.ts).
    expect(ffmpeg?.args).toEqual(expect.arrayContaining(['-i', 'pipe:0', '-c', 'copy', '-an', '-f', 'hls']));
    expect(ffmpeg?.args.join(' ')).not.toMatch(/libx264|-c:v|rtsp:/);
    const playlist = await supervision.playlist(cam.cameraId, 'main');
    expect(playlist.headers['Content-Type']).toBe('application/vnd.apple.mpegurl');
    const text = String(playlist.body);
    expect(text).toContain('#EXT-X-PROGRAM-DATE-TIME');
    const name = text.split('\n').find((l) => /^seg\d+\.ts$/.test(l))!;
    const segment = await supervision.segment(cam.cameraId, 'main', name);
    expect(segment.headers['Content-Type']).toBe('video/mp2t');
    expect((segment.body as Buffer)[0]).toBe(0x47); // MPEG-TS sync byte
    expect((await supervision.segment(cam.cameraId, 'main', '../index.m3u8')).status).toBe(404);
  });

  it('answers a blocking reload when ffmpeg lists the next segment, and not for a stream it does not run', async () => {
    const cam = source(cameras.url(2));
    supervision.sync([cam]);
    await reach(cam, 'live');
    const text = String((await supervision.playlist(cam.cameraId, 'main')).body);
    expect(text).toContain(BLOCKING_RELOAD_TAG);
    const parsed = parsePlaylist(text);
    if (parsed.kind !== 'media') throw new Error('not a media playlist');
    const next = parsed.segments.at(-1)!.sequence + 1;
    await expect(supervision.awaitSegment(cam.cameraId, 'main', next)).resolves.toBe(true);
    const after = parsePlaylist(String((await supervision.playlist(cam.cameraId, 'main')).body));
    expect(after.kind === 'media' && after.segments.at(-1)!.sequence).toBeGreaterThanOrEqual(next);
    await expect(supervision.awaitSegment(cam.cameraId, 'main', next + 10)).resolves.toBe(false);
    await expect(supervision.awaitSegment(uuidv7(), 'main', 1)).resolves.toBe(false);
  });

  it('restarts ffmpeg when the address changes; stops it and clears its folder on removal and close', async () => {
    const cam = source(cameras.url(2));
    supervision.sync([cam]);
    await reach(cam, 'live');
    const [first] = ffmpegChildren();
    // A changed address restarts the remux: the old ffmpeg is gone before the new one starts.
    supervision.sync([{ ...cam, url: cameras.url(1) }]);
    const [running] = await waitFor('the restarted ffmpeg', () => {
      const now = ffmpegChildren();
      return now.length === 1 && now[0]!.pid !== first!.pid && now;
    });
    expect(existsSync(`/proc/${first!.pid}`)).toBe(false);
    await reach(cam, 'live');
    const liveDir = join(dir.path, 'live', cam.cameraId, 'main');
    expect(existsSync(liveDir)).toBe(true);
    supervision.sync([]);
    await supervision.close();
    expect(existsSync(`/proc/${running!.pid}`)).toBe(false);
    expect(ffmpegChildren()).toEqual([]);
    expect(existsSync(liveDir)).toBe(false);
    supervision = new CameraSupervision({
      dataDir: dir.path,
      ffmpegPath,
      onHealth: (h) => seen.push(h),
      log: (m) => logged.push(m),
    });
  });

  it('restarts ffmpeg when it dies, keeping one process per stream over 10 kill cycles', async () => {
    // Short delays so the cycles take seconds; the real limits are the Backoff defaults.
    const quick = new CameraSupervision({
      dataDir: dir.path,
      ffmpegPath,
      onHealth: () => {},
      log: () => {},
      backoff: { baseMs: 50, capMs: 200 },
    });
    const cam = source(cameras.url(1));
    quick.sync([cam]);
    const healthOf = (s: StreamSource) => quick.health(s.cameraId)[0]!;
    const reach = (s: StreamSource, state: string) => waitFor(state, () => healthOf(s).state === state);
    await reach(cam, 'live');
    for (let cycle = 0; cycle < 10; cycle++) {
      const [before] = ffmpegChildren();
      process.kill(before!.pid, 'SIGKILL');
      const after = await waitFor('a new ffmpeg', () => {
        const now = ffmpegChildren().filter((p) => !p.zombie);
        return now.length === 1 && now[0]!.pid !== before!.pid && now;
      });
      expect(after).toHaveLength(1);
      expect(ffmpegChildren()).toHaveLength(1);
    }
    await reach(cam, 'live');
    await quick.close();
    expect(ffmpegChildren()).toEqual([]);
  });

  it('is offline within 5 s when the camera server goes away and live within 10 s when it returns', async () => {
    const cam = source(cameras.url(1));
    supervision.sync([cam]);
    await reach(cam, 'live');
    await cameras.stop();
    const died = Date.now();
    await waitFor('offline or stalled', () => ['offline', 'stalled'].includes(healthOf(cam).state), 5000);
    expect(Date.now() - died).toBeLessThan(5000);
    await reach(cam, 'offline', 5000);
    await cameras.start();
    const back = Date.now();
    await reach(cam, 'live', 10_000);
    expect(Date.now() - back).toBeLessThan(10_000);
    expect(ffmpegChildren()).toHaveLength(1);
  });

  it('gives each failure its reason, and never puts credentials in health or the log', async () => {
    const unauthorized = await fakeRtspServer401();
    try {
      const cases: [StreamSource, HealthReason][] = [
        [source(`rtsp://127.0.0.1:${await closedPort()}/cam1`, { username: 'desk', password: 'hunter2' }), 'refused'],
        [source(cameras.url(9), { username: 'desk', password: 'hunter2' }), 'notFound'],
        [
          source(`rtsp://127.0.0.1:${unauthorized.port}/cam1`, { username: 'desk', password: 'hunter2' }),
          'unauthorized',
        ],
      ];
      supervision.sync(cases.map(([s]) => s));
      for (const [s, reason] of cases) {
        await reach(s, 'offline', 5000);
        expect(healthOf(s)).toMatchObject({ reason, message: REASON_MESSAGES[reason] });
      }
      await waitFor('ffmpeg’s stderr in the log', () => logged.some((l) => l.includes('401')));
      expect(JSON.stringify(seen)).not.toContain('hunter2');
      expect(logged.join('\n')).not.toContain('hunter2');
      expect(logged.join('\n')).toContain('rtsp://***@127.0.0.1');
    } finally {
      unauthorized.server.close();
    }
  });

  it('says ffmpeg is missing, plainly, when there is none', async () => {
    const without = new CameraSupervision({ dataDir: dir.path, ffmpegPath: null, onHealth: () => {}, log: () => {} });
    const cam = source(cameras.url(1));
    without.sync([cam]);
    expect(without.health(cam.cameraId)[0]).toMatchObject({ state: 'offline', reason: 'ffmpegMissing' });
    expect(ffmpegChildren()).toEqual([]);
    await without.close();
  });
});

/** Answers every RTSP request with 401, as a camera does to a wrong password. */
async function fakeRtspServer401(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    socket.on('data', (data) => {
      const cseq = /CSeq:\s*(\d+)/i.exec(data.toString())?.[1] ?? '1';
      socket.write(`RTSP/1.0 401 Unauthorized\r\nCSeq: ${cseq}\r\nWWW-Authenticate: Basic realm="camera"\r\n\r\n`);
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}
