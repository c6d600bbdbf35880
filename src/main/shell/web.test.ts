import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, testDesk, type TestDesk } from '../../../test/helpers/services';
import { connectWs, type WsClient } from '../../../test/helpers/ws-client';
import { contract, methodNames } from '../../shared/contract';
import { startWebShell, type WebShell } from './web';

let desk: TestDesk;
let shell: WebShell;
let rendererDir: string;

beforeAll(async () => {
  desk = testDesk();
  rendererDir = join(desk.dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Vigil</title>');
  writeFileSync(join(desk.dataDir, 'secret.txt'), 'outside the renderer');
  shell = await startWebShell({ services: desk.services, rendererDir, port: 0 });
});
afterAll(async () => {
  await shell.close();
  desk.close();
});

const base = () => `http://127.0.0.1:${shell.port}`;

describe('web shell: static files', () => {
  it('serves the renderer on 127.0.0.1 with the CSP and no token in any request', async () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{32}$/);
    const res = await fetch(base() + '/');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain(`ws://127.0.0.1:${shell.port}`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses paths outside the renderer, other methods and foreign Host headers', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/nope.js']) {
      expect((await fetch(base() + path)).status, path).toBe(404);
    }
    expect((await fetch(base() + '/', { method: 'POST' })).status).toBe(405);
    const rebinding = await new Promise<number>((resolve) => {
      void import('node:http').then(({ get }) =>
        get({ host: '127.0.0.1', port: shell.port, path: '/', headers: { Host: 'evil.example:80' } }, (r) =>
          resolve(r.statusCode ?? 0),
        ),
      );
    });
    expect(rebinding).toBe(421);
  });
});

describe('web shell: the contract over the WebSocket', () => {
  it('refuses a connection without the token, with a wrong one, or from another origin, and audits it', async () => {
    await expect(connectWs(shell.port, '')).rejects.toThrow(/401/);
    await expect(connectWs(shell.port, 'x'.repeat(32))).rejects.toThrow(/401/);
    await expect(connectWs(shell.port, shell.token, 'http://evil.example')).rejects.toThrow(/403/);
    const c = desk.console();
    await c.must('auth.createAdministrator', { ...ADMIN, confirmPassphrase: ADMIN.passphrase });
    const refused = await c.must('audit.list', { action: 'refused' });
    expect(refused.entries.map((e) => e.detail)).toEqual(
      expect.arrayContaining(['missing or wrong token', 'foreign origin http://evil.example']),
    );
  });

  it('carries calls and results; malformed frames get VALIDATION and the connection lives', async () => {
    const ws = await connectWs(shell.port, shell.token);
    expect(await ws.call('auth.state', {})).toEqual({ ok: true, value: { state: 'signedOut' } });
    ws.raw('not json');
    ws.raw(JSON.stringify({ t: 'call', id: 'x' }));
    expect(await ws.call('no.such.method', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await ws.call('auth.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase })).toMatchObject({
      ok: true,
      value: { state: 'signedIn' },
    });
    expect(await ws.call('staff.list', {})).toMatchObject({ ok: true });
    ws.close();
  });
});

describe('web shell: random payloads at every method', () => {
  let ws: WsClient;
  beforeAll(async () => {
    ws = await connectWs(shell.port, shell.token);
    await ws.call('auth.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  });
  afterAll(() => ws.close());

  const hostile = fc.oneof(
    fc.anything({ withNullPrototype: true, withBigInt: false, withObjectString: true }),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'name', 'role'), fc.anything()),
    fc.record({ name: fc.string({ minLength: 100_000, maxLength: 100_001 }), username: fc.string() }),
    fc.record({ id: fc.string(), passphrase: fc.oneof(fc.string(), fc.integer(), fc.constant(null)) }),
  );

  it('refuses every malformed payload with VALIDATION, changes nothing, and the server stays up', async () => {
    const before = await ws.call('journal.verify', {});
    const staffBefore = await ws.call('staff.list', {});
    let calls = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methodNames), hostile, async (method, input) => {
        // What crosses the socket is JSON: a payload that survives as valid input (often `{}`
        // for no-input methods) is not malformed, so it is not this property's business.
        const json = JSON.stringify(input);
        const wire: unknown = json === undefined ? undefined : JSON.parse(json);
        if (contract[method].input.safeParse(wire).success) return;
        calls++;
        const r = await ws.call(method, input);
        expect(r.ok, `${method} ${json?.slice(0, 200)}`).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('VALIDATION');
      }),
      { numRuns: 3000 },
    );
    expect(calls).toBeGreaterThan(2000);
    expect(await ws.call('journal.verify', {})).toEqual(before);
    expect(await ws.call('staff.list', {})).toEqual(staffBefore);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(await ws.call('auth.state', {})).toMatchObject({ ok: true, value: { state: 'signedIn' } });
    // ~20 s alone; the other suites' ffmpeg cameras share the two cores.
  }, 120_000);

  it('refuses frames over the size cap without falling over', async () => {
    const big = await connectWs(shell.port, shell.token);
    const closed = new Promise<void>((resolve) => {
      big.raw(JSON.stringify({ t: 'call', id: 1, method: 'auth.state', input: { x: 'y'.repeat(23 * 1024 * 1024) } }));
      setTimeout(resolve, 300);
    });
    await closed;
    expect(await ws.call('auth.state', {})).toMatchObject({ ok: true });
  });
});
