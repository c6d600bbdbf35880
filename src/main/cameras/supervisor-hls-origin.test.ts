import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/helpers/wait';
import { uuidv7 } from '../ids';
import { HlsSupervisor } from './supervisor-hls';

// Two loopback servers on two ports are two origins: A is the one the administrator configured.
const USER = 'nvr';
const PASSWORD = 'only-for-A';
const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
const MEDIA = (segment: string) =>
  `#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:1.0,\n${segment}\n`;
const MASTER = (variant: string) => `#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000\n${variant}\n`;
/** One MPEG-TS null packet: enough for the proxy, which never looks inside. */
const SEGMENT = Buffer.concat([Buffer.from([0x47, 0x1f, 0xff, 0x10]), Buffer.alloc(184, 0xff)]);

type Route = (res: ServerResponse) => void;
const playlist =
  (text: string): Route =>
  (res) =>
    void res.writeHead(200, { 'Content-Type': 'application/vnd.apple.mpegurl' }).end(text);
const segment: Route = (res) => void res.writeHead(200, { 'Content-Type': 'video/mp2t' }).end(SEGMENT);
const redirect =
  (to: () => string): Route =>
  (res) =>
    void res.writeHead(302, { Location: to() }).end();

interface Origin {
  url(path: string): string;
  /** Every request, with the Authorization header it carried (null: none). */
  seen: { path: string; authorization: string | null }[];
  routes: Map<string, Route>;
  close(): Promise<void>;
}

async function origin(requireAuth: boolean): Promise<Origin> {
  const seen: Origin['seen'] = [];
  const routes = new Map<string, Route>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    seen.push({ path, authorization: req.headers.authorization ?? null });
    if (requireAuth && req.headers.authorization !== BASIC) return void res.writeHead(401).end();
    const route = routes.get(path);
    if (!route) return void res.writeHead(404).end();
    route(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    seen,
    routes,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((o) => o.close()));
});

async function twoOrigins(): Promise<{ a: Origin; b: Origin }> {
  // A answers only with the camera's password; B answers anyone, so whatever reaches it is visible.
  const a = await origin(true);
  const b = await origin(false);
  opened.push(a, b);
  return { a, b };
}

/** Supervises A's URL with the camera's credentials; resolves once live, having fetched one segment. */
async function superviseLive(url: string): Promise<{ segmentStatus: number }> {
  const sup = new HlsSupervisor(
    { cameraId: uuidv7(), stream: 'main', kind: 'hls', url, username: USER, password: PASSWORD },
    () => {},
  );
  opened.push({ close: () => sup.stop() });
  sup.start();
  await waitFor(
    `live (now ${sup.health().state} ${sup.health().reason ?? ''})`,
    () => sup.health().state === 'live',
    5000,
  );
  const text = String((await sup.playlist()).body);
  const name = /^s\d+\.ts$/m.exec(text)?.[0];
  if (!name) throw new Error(`no segment in ${text}`);
  return { segmentStatus: (await sup.segment(name)).status };
}

const authorizations = (o: Origin) => o.seen.map((s) => s.authorization);

describe('an HLS camera’s credentials go only to the origin its administrator configured', () => {
  it('a master playlist at A naming a variant at B: B never gets the password, A always does', async () => {
    const { a, b } = await twoOrigins();
    a.routes.set('/master.m3u8', playlist(MASTER(b.url('/media.m3u8'))));
    b.routes.set('/media.m3u8', playlist(MEDIA('seg0.ts')));
    b.routes.set('/seg0.ts', segment);
    const { segmentStatus } = await superviseLive(a.url('/master.m3u8'));
    expect(segmentStatus).toBe(200);
    expect(b.seen.map((s) => s.path)).toEqual(expect.arrayContaining(['/media.m3u8', '/seg0.ts']));
    expect(authorizations(b).filter(Boolean)).toEqual([]);
    expect(authorizations(a).length).toBeGreaterThan(0);
    expect(authorizations(a).every((h) => h === BASIC)).toBe(true);
  });

  it('A redirecting its playlist to B: B gets no password, on this poll or the next', async () => {
    const { a, b } = await twoOrigins();
    a.routes.set(
      '/index.m3u8',
      redirect(() => b.url('/index.m3u8')),
    );
    b.routes.set('/index.m3u8', playlist(MEDIA('seg0.ts')));
    b.routes.set('/seg0.ts', segment);
    await superviseLive(a.url('/index.m3u8'));
    // A second look at the playlist, to cover the address remembered from the first.
    await waitFor('a second poll', () => b.seen.filter((s) => s.path === '/index.m3u8').length >= 2, 5000);
    expect(authorizations(b).filter(Boolean)).toEqual([]);
    expect(authorizations(a).every((h) => h === BASIC)).toBe(true);
  });

  it('A redirecting its master playlist to B, whose variant is relative: B gets no password', async () => {
    const { a, b } = await twoOrigins();
    a.routes.set(
      '/master.m3u8',
      redirect(() => b.url('/master.m3u8')),
    );
    b.routes.set('/master.m3u8', playlist(MASTER('media.m3u8')));
    b.routes.set('/media.m3u8', playlist(MEDIA('seg0.ts')));
    b.routes.set('/seg0.ts', segment);
    await superviseLive(a.url('/master.m3u8'));
    expect(b.seen.map((s) => s.path)).toEqual(expect.arrayContaining(['/master.m3u8', '/media.m3u8']));
    expect(authorizations(b).filter(Boolean)).toEqual([]);
  });

  it('A redirecting a segment to B: B gets no password', async () => {
    const { a, b } = await twoOrigins();
    a.routes.set('/index.m3u8', playlist(MEDIA('seg0.ts')));
    a.routes.set(
      '/seg0.ts',
      redirect(() => b.url('/moved/seg0.ts')),
    );
    b.routes.set('/moved/seg0.ts', segment);
    const { segmentStatus } = await superviseLive(a.url('/index.m3u8'));
    expect(segmentStatus).toBe(200);
    expect(b.seen.map((s) => s.path)).toEqual(['/moved/seg0.ts']);
    expect(authorizations(b)).toEqual([null]);
  });

  it('B redirecting back to A: A, the configured origin, gets the password again (by design)', async () => {
    // Each hop is judged by its own address, not by the path it came along: A is trusted
    // wherever the link to it came from, B never is. A segment listed at B that B sends
    // back to A therefore loads from A with the camera's credentials.
    const { a, b } = await twoOrigins();
    a.routes.set('/index.m3u8', playlist(MEDIA(b.url('/seg0.ts'))));
    b.routes.set(
      '/seg0.ts',
      redirect(() => a.url('/seg0.ts')),
    );
    a.routes.set('/seg0.ts', segment);
    const { segmentStatus } = await superviseLive(a.url('/index.m3u8'));
    expect(segmentStatus).toBe(200);
    expect(authorizations(b)).toEqual([null]);
    expect(a.seen.find((s) => s.path === '/seg0.ts')?.authorization).toBe(BASIC);
  });
});
