import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, startHlsCamera, type HlsCamera } from '../../../test/fixtures/hls-camera';
import { waitFor } from '../../../test/helpers/wait';
import type { HealthReason, StreamHealth } from '../../shared/contract/cameras';
import { uuidv7 } from '../ids';
import { REASON_MESSAGES } from './health';
import { BLOCKING_RELOAD_TAG } from './playlist';
import { HlsSupervisor } from './supervisor-hls';

let camera: HlsCamera;
const running: HlsSupervisor[] = [];

beforeAll(async () => {
  camera = await startHlsCamera({ label: 'Supervised', size: '320x180', fps: 10 });
  await camera.waitForSegments(1);
});
afterAll(() => camera.close());
afterEach(async () => {
  camera.setFault(null);
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

function supervise(url: string, auth: { username: string; password: string } | null = null) {
  const seen: StreamHealth[] = [];
  const sup = new HlsSupervisor(
    {
      cameraId: uuidv7(),
      stream: 'main',
      kind: 'hls',
      url,
      username: auth?.username ?? null,
      password: auth?.password ?? null,
    },
    (h) => seen.push(h),
  );
  running.push(sup);
  sup.start();
  const reach = (state: StreamHealth['state'], timeoutMs = 10_000) =>
    waitFor(
      `state ${state} (now ${sup.health().state} ${sup.health().reason ?? ''})`,
      () => sup.health().state === state,
      timeoutMs,
    );
  return { sup, seen, reach };
}

describe('HLS supervisor', () => {
  it('answers a blocking reload once the next segment lands, and the playlist it serves then lists it', async () => {
    const { sup, reach } = supervise(camera.url);
    await reach('live');
    const text = String((await sup.playlist()).body);
    expect(text.split('\n')[1]).toBe(BLOCKING_RELOAD_TAG);
    const newest = Math.max(...[...text.matchAll(/^s(\d+)\.ts$/gm)].map((m) => Number(m[1])));
    const asked = camera.requests.length;
    await expect(sup.awaitSegment(newest + 1, 3000)).resolves.toBe(true);
    // The supervisor looked for it near its due time, a handful of times, not in a tight loop.
    expect(camera.requests.length - asked).toBeLessThan(15);
    expect(String((await sup.playlist()).body)).toMatch(new RegExp(`^s${newest + 1}\\.ts$`, 'm'));
    // Far ahead, or after the stream stopped: not ready, at once.
    await expect(sup.awaitSegment(newest + 10, 3000)).resolves.toBe(false);
    await sup.stop();
    await expect(sup.awaitSegment(newest + 2, 3000)).resolves.toBe(false);
  });

  it('goes connecting → live, offline within 5 s of the camera dying, live again within 10 s of its return', async () => {
    const { sup, seen, reach } = supervise(camera.url);
    expect(sup.health().state).toBe('connecting');
    await reach('live');
    expect(sup.health()).toMatchObject({ reason: null, message: null, targetDuration: 1 });
    expect(sup.health().lastSegmentAt).not.toBeNull();

    await camera.stop();
    const died = Date.now();
    await reach('offline', 5000);
    expect(Date.now() - died).toBeLessThan(5000);
    expect(sup.health()).toMatchObject({ reason: 'notFound', message: REASON_MESSAGES.notFound });

    camera.start();
    const back = Date.now();
    await reach('live', 10_000);
    expect(Date.now() - back).toBeLessThan(10_000);
    expect(seen.map((h) => h.state)).toEqual(['live', 'offline', 'live']);
  });

  it('says stalled when the playlist is still served but no new segment comes for 3 target durations', async () => {
    const { sup, reach } = supervise(camera.url);
    await reach('live');
    await camera.stop({ keepPlaylist: true });
    const frozen = Date.now();
    await reach('stalled', 5000);
    expect(Date.now() - frozen).toBeLessThan(4500);
    expect(sup.health()).toMatchObject({ reason: 'noNewSegments', message: REASON_MESSAGES.noNewSegments });
    camera.start();
    await reach('live');
  });

  const faults: [string, () => Promise<string>, HealthReason][] = [
    ['a refused connection', async () => `http://127.0.0.1:${await closedPort()}/cam/index.m3u8`, 'refused'],
    ['a 404', async () => (camera.setFault('notFound'), camera.url), 'notFound'],
    ['a 401', async () => (camera.setFault('unauthorized'), camera.url), 'unauthorized'],
    ['an HTML page', async () => (camera.setFault('html'), camera.url), 'notHls'],
    ['a playlist with no segments', async () => (camera.setFault('empty'), camera.url), 'emptyPlaylist'],
  ];
  it.each(faults)('is offline at once on %s, with its reason and message', async (_name, setUp, reason) => {
    const { sup, seen, reach } = supervise(await setUp());
    await reach('offline', 1500);
    expect(sup.health()).toMatchObject({ reason, message: REASON_MESSAGES[reason] });
    expect(seen.map((h) => h.state)).toEqual(['offline']);
  });

  it('is offline with reason timeout when the camera never answers, within 5 s', async () => {
    camera.setFault('hang');
    const { sup, reach } = supervise(camera.url);
    await reach('offline', 5000);
    expect(sup.health().reason).toBe('timeout');
  });

  it('sends Basic credentials, and says unauthorized when they are wrong', async () => {
    const guarded = await startHlsCamera({ auth: { username: 'nvr', password: 'pa:ss w0rd' }, size: '160x90', fps: 5 });
    try {
      await guarded.waitForSegments(1);
      const good = supervise(guarded.url, { username: 'nvr', password: 'pa:ss w0rd' });
      const bad = supervise(guarded.url, { username: 'nvr', password: 'wrong' });
      await good.reach('live');
      await bad.reach('offline');
      expect(bad.sup.health().reason).toBe('unauthorized');
      // Credentials in the URL itself work too, and never come back in health.
      const inline = supervise(guarded.url.replace('http://', 'http://nvr:pa%3Ass%20w0rd@'));
      await inline.reach('live');
      expect(JSON.stringify([good.seen, bad.seen, inline.seen])).not.toMatch(/w0rd|nvr/);
    } finally {
      await Promise.all(running.splice(0).map((s) => s.stop()));
      await guarded.close();
    }
  });

  it('follows the first variant of a master playlist', async () => {
    const master = createServer((_req, res) =>
      res
        .writeHead(200, { 'Content-Type': 'application/vnd.apple.mpegurl' })
        .end(`#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000\n${camera.url}\n#EXT-X-STREAM-INF:BANDWIDTH=1\nother.m3u8\n`),
    );
    await new Promise<void>((resolve) => master.listen(0, '127.0.0.1', resolve));
    try {
      const { reach } = supervise(`http://127.0.0.1:${(master.address() as AddressInfo).port}/master.m3u8`);
      await reach('live');
    } finally {
      master.closeAllConnections();
      master.close();
    }
  });
});
