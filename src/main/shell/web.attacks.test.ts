import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, testDesk, type TestConsole, type TestDesk } from '../../../test/helpers/services';
import { connectWs, type WsClient } from '../../../test/helpers/ws-client';
import { MAX_ATTEMPTS } from '../auth/sign-in-guard';
import { startWebShell, type WebShell } from './web';

/**
 * The outside review's attacks (issue 8), repeated through the real web shell as an
 * insider holding the page's token would: many calls at once, many sockets, floods.
 */
let desk: TestDesk;
let shell: WebShell;
let admin: TestConsole;
const sockets: WsClient[] = [];

const OFFICER = { name: 'Otto Officer', username: 'otto', passphrase: 'officer passphrase' };

beforeAll(async () => {
  desk = testDesk();
  const rendererDir = join(desk.dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Vigil</title>');
  writeFileSync(join(desk.dataDir, 'outside.txt'), 'patron records outside the renderer');
  symlinkSync(join(desk.dataDir, 'outside.txt'), join(rendererDir, 'linked.txt'));
  symlinkSync(desk.dataDir, join(rendererDir, 'linked-dir'));
  shell = await startWebShell({ services: desk.services, rendererDir, port: 0 });
  admin = desk.console();
  await admin.must('auth.createAdministrator', { ...ADMIN, confirmPassphrase: ADMIN.passphrase });
  await admin.must('staff.add', { ...OFFICER, role: 'officer' });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await shell.close();
  await desk.close();
});

async function socket(): Promise<WsClient> {
  const ws = await connectWs(shell.port, shell.token);
  sockets.push(ws);
  return ws;
}

type Outcome = { ok: boolean; error?: { code: string; message: string } };
const checked = (results: Outcome[]) => results.filter((r) => !r.ok && r.error?.code === 'VALIDATION').length;

describe('finding 1: the lockout holds against attempts sent at once', () => {
  it('40 wrong sign-ins at once over one socket, then the right one: at most 5 checked, the right one refused', async () => {
    const ws = await socket();
    const wrong = Array.from({ length: 40 }, (_, i) =>
      ws.call('auth.signIn', { username: 'otto', passphrase: `wrong guess ${i}` }),
    );
    const right = ws.call('auth.signIn', { username: 'otto', passphrase: OFFICER.passphrase });
    const results = (await Promise.all(wrong)) as Outcome[];
    expect(checked(results)).toBe(MAX_ATTEMPTS);
    expect(results.filter((r) => r.error?.code === 'FORBIDDEN')).toHaveLength(40 - MAX_ATTEMPTS);
    expect(await right).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: /Try again in 5 minutes, at \d\d:\d\d/ },
    });
    // Still locked afterwards: no failure counter was cleared by anyone.
    expect(await ws.call('auth.signIn', { username: 'otto', passphrase: OFFICER.passphrase })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('the same spread over 31 sockets', async () => {
    const many = await Promise.all(Array.from({ length: 31 }, () => socket()));
    const attempts = many.flatMap((ws, i) => [
      ws.call('auth.signIn', { username: ADMIN.username, passphrase: `wrong a${i}` }),
      ws.call('auth.signIn', { username: ADMIN.username, passphrase: `wrong b${i}` }),
    ]);
    const right = many[30]!.call('auth.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const results = (await Promise.all(attempts)) as Outcome[];
    expect(checked(results)).toBeLessThanOrEqual(MAX_ATTEMPTS);
    expect(await right).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('unlock: 40 wrong passphrases at once at a locked console check at most 5', async () => {
    const c = desk.console();
    await admin.must('staff.add', {
      name: 'Una Unlock',
      username: 'una',
      role: 'officer',
      passphrase: 'una passphrase',
    });
    await c.must('auth.signIn', { username: 'una', passphrase: 'una passphrase' });
    await c.must('auth.lock', {});
    const results = (await Promise.all(
      Array.from({ length: 40 }, (_, i) => c.call('auth.unlock', { passphrase: `not it ${i}` })),
    )) as Outcome[];
    expect(checked(results)).toBe(MAX_ATTEMPTS);
    expect(await c.call('auth.unlock', { passphrase: 'una passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: /sign in as someone else/ },
    });
  });
});

describe('finding 7: an administrator clears a lockout, and sees when it ends', () => {
  it('lists the lockout with its end, clears it (audited), and the person signs in at once', async () => {
    const otto = (await admin.must('staff.list', {})).find((s) => s.username === 'otto')!;
    const lockout = (await admin.must('auth.lockouts', {})).find((l) => l.staffId === otto.id)!;
    expect(Date.parse(lockout.lockedUntil)).toBeGreaterThan(Date.now());
    const officer = desk.console();
    expect(await officer.call('auth.clearLockout', { staffId: otto.id })).toMatchObject({ ok: false });
    expect(await admin.must('auth.clearLockout', { staffId: otto.id })).toMatchObject({
      wasLockedUntil: lockout.lockedUntil,
    });
    expect((await admin.must('auth.lockouts', {})).some((l) => l.staffId === otto.id)).toBe(false);
    expect(await officer.must('auth.signIn', { username: 'otto', passphrase: OFFICER.passphrase })).toMatchObject({
      state: 'signedIn',
    });
    const cleared = await admin.must('audit.list', { action: 'lockoutCleared' });
    expect(cleared.entries[0]).toMatchObject({
      recordId: otto.id,
      detail: expect.stringMatching(/^otto, locked until/),
    });
  });

  it('a new passphrase ends the lockout: the old one’s guesses no longer count', async () => {
    const una = (await admin.must('staff.list', {})).find((s) => s.username === 'una')!;
    expect((await admin.must('auth.lockouts', {})).some((l) => l.staffId === una.id)).toBe(true);
    await admin.must('staff.resetPassphrase', { id: una.id, passphrase: 'a brand new phrase' });
    expect((await admin.must('auth.lockouts', {})).some((l) => l.staffId === una.id)).toBe(false);
  });
});

describe('finding 6: refusals cannot flood the audit log', () => {
  const refusedRows = async () => (await admin.must('audit.list', { action: 'refused', limit: 500 })).entries;

  it('2,000 connections with a foreign origin and no token add one row, then one counted row', async () => {
    desk.services.flushAudit();
    const before = (await refusedRows()).length;
    await Promise.all(
      Array.from(
        { length: 2000 },
        () =>
          new Promise<void>((resolve) => {
            const ws = new WebSocket(`ws://127.0.0.1:${shell.port}/ws`, { origin: 'http://evil.example' });
            ws.on('error', () => resolve());
            ws.on('unexpected-response', () => resolve());
            ws.on('open', () => resolve());
          }),
      ),
    );
    expect((await refusedRows()).length - before).toBe(1);
    desk.services.flushAudit();
    const rows = await refusedRows();
    expect(rows.length - before).toBe(2);
    expect(rows[0]).toMatchObject({ subject: 'web shell connection', count: 1999 });
  }, 60_000);

  it('2,000 unknown-method calls from a signed-out session add one row, then one counted row', async () => {
    const ws = await socket();
    desk.services.flushAudit();
    const before = (await refusedRows()).length;
    const results = await Promise.all(Array.from({ length: 2000 }, (_, i) => ws.call(`no.such.method${i}`, {})));
    expect(results.every((r) => !r.ok && r.error.code === 'VALIDATION')).toBe(true);
    desk.services.flushAudit();
    const rows = await refusedRows();
    expect(rows.length - before).toBe(2);
    expect(rows[0]).toMatchObject({ subject: 'unknown method', count: 1999 });
  });

  it('stays bounded when every source is new: at most 2 × 60 + 1 rows a window', async () => {
    desk.services.flushAudit();
    const before = (await refusedRows()).length;
    const many = await Promise.all(Array.from({ length: 150 }, () => socket()));
    await Promise.all(many.map((ws) => ws.call('staff.list', {})));
    await Promise.all(many.map((ws) => ws.call('staff.list', {})));
    desk.services.flushAudit();
    expect((await refusedRows()).length - before).toBeLessThanOrEqual(121);
  });
});

describe('finding 8: what a refusal or a signed-out page may learn', () => {
  it('caps what a validation error repeats back', async () => {
    const ws = await socket();
    const keys = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`key_${i}_${'k'.repeat(100)}`, 1]));
    const r = await ws.call('auth.signIn', { username: 'a', passphrase: 'b', ...keys });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(r).length).toBeLessThan(10_000);
  });

  it('gives the data folder only to a signed-in administrator', async () => {
    const ws = await socket();
    expect(await ws.call('system.info', {})).toMatchObject({ ok: true, value: { state: 'ready', dataDir: null } });
    expect(JSON.stringify(await ws.call('system.info', {}))).not.toContain(desk.dataDir);
    expect(await admin.must('system.info', {})).toMatchObject({ dataDir: desk.dataDir });
  });

  it('refuses text with a lone surrogate at the door, naming the field', async () => {
    const r = await admin.call('staff.add', {
      name: 'Broken \ud83d name',
      username: 'broken',
      role: 'officer',
      passphrase: 'broken passphrase',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { name: /broken character/ } } });
    expect((await admin.must('staff.list', {})).some((s) => s.username === 'broken')).toBe(false);
  });

  it('serves no file through a symbolic link in the renderer folder', async () => {
    for (const path of ['/linked.txt', '/linked-dir/outside.txt']) {
      const res = await fetch(`http://127.0.0.1:${shell.port}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('patron records');
    }
  });
});
