import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUpstream, type UpstreamAuth } from './upstream';

const BASIC = `Basic ${Buffer.from('desk:secret').toString('base64')}`;
const LIMITS = { timeoutMs: 2000, maxBytes: 1024 };

/** Every request: path and the Authorization header it carried. */
const seen: { path: string; authorization: string | null }[] = [];
const hanging = new Set<ServerResponse>();
let port = 0;
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  seen.push({ path: url.pathname, authorization: req.headers.authorization ?? null });
  // /hop/<n>: redirects n more times, then answers.
  const hops = /^\/hop\/(\d+)$/.exec(url.pathname);
  if (hops) {
    const left = Number(hops[1]);
    return void res.writeHead(302, { Location: left > 0 ? `/hop/${left - 1}` : '/ok' }).end();
  }
  if (url.pathname === '/ok') return void res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
  if (url.pathname === '/to-data') return void res.writeHead(302, { Location: 'data:text/plain,hi' }).end();
  if (url.pathname === '/to-hang') return void res.writeHead(307, { Location: '/hang' }).end();
  if (url.pathname === '/hang') return void hanging.add(res);
  if (url.pathname === '/to-big') return void res.writeHead(301, { Location: '/big' }).end();
  if (url.pathname === '/big') return void res.writeHead(200).end(Buffer.alloc(LIMITS.maxBytes + 1));
  if (url.pathname === '/to-gone') return void res.writeHead(308, { Location: '/gone' }).end();
  res.writeHead(404).end();
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const at = (path: string, host = '127.0.0.1') => `http://${host}:${port}${path}`;
// Configured as http://127.0.0.1:<port>/index.m3u8.
const auth = (): UpstreamAuth => ({ origin: new URL(at('/')).origin, username: 'desk', password: 'secret' });
const get = (path: string, host?: string) => fetchUpstream(at(path, host), auth(), LIMITS);

describe('fetchUpstream', () => {
  it('follows up to 5 redirects, with the password on each hop at the configured origin', async () => {
    seen.length = 0;
    const r = await get('/hop/4');
    expect(r).toMatchObject({ ok: true, url: at('/ok') });
    expect(seen.map((s) => s.path)).toEqual(['/hop/4', '/hop/3', '/hop/2', '/hop/1', '/hop/0', '/ok']);
    expect(seen.every((s) => s.authorization === BASIC)).toBe(true);
  });

  it('gives up after 5 redirects, without asking where the 6th points', async () => {
    seen.length = 0;
    expect(await get('/hop/5')).toEqual({ ok: false, reason: 'unreachable', detail: 'too many redirects' });
    expect(seen.map((s) => s.path)).not.toContain('/ok');
    expect(seen).toHaveLength(6);
  });

  it('takes the origin as written: the same server under another host name gets no password', async () => {
    seen.length = 0;
    expect(await get('/ok', 'localhost')).toMatchObject({ ok: true });
    expect(seen).toEqual([{ path: '/ok', authorization: null }]);
  });

  it('follows no redirect out of HTTP', async () => {
    expect(await get('/to-data')).toMatchObject({ ok: false, reason: 'unreachable' });
  });

  it('keeps its deadline, size cap and reasons across redirects', async () => {
    expect(await fetchUpstream(at('/to-hang'), auth(), { ...LIMITS, timeoutMs: 300 })).toMatchObject({
      ok: false,
      reason: 'timeout',
    });
    expect(await get('/to-big')).toMatchObject({ ok: false, reason: 'notHls' });
    expect(await get('/to-gone')).toMatchObject({ ok: false, reason: 'notFound' });
  });
});
