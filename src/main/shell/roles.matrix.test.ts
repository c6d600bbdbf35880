import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, testDesk, type TestDesk } from '../../../test/helpers/services';
import { connectWs, type WsClient } from '../../../test/helpers/ws-client';
import { contract, methodNames, type MethodName } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import { startWebShell, type WebShell } from './web';

/**
 * The role matrix (docs/roles.md), enforced: every method called as every role, as a
 * signed-out console and as a locked one, over the web shell's socket as a renderer
 * calls it. The input is never valid ("probe" is not an object), so a call main lets
 * through ends in a validation error and changes nothing; one it refuses says FORBIDDEN.
 */
let desk: TestDesk;
let shell: WebShell;
const sockets: WsClient[] = [];
const PASS = 'a long test passphrase';

beforeAll(async () => {
  desk = testDesk();
  const rendererDir = join(desk.dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Vigil</title>');
  shell = await startWebShell({ services: desk.services, rendererDir, port: 0 });
  const admin = desk.console();
  await admin.must('auth.createAdministrator', { ...ADMIN, confirmPassphrase: ADMIN.passphrase });
  await admin.must('staff.add', { name: 'Olu Officer', username: 'olu', role: 'officer', passphrase: PASS });
  await admin.must('staff.add', { name: 'Sam Supervisor', username: 'sam', role: 'supervisor', passphrase: PASS });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await shell.close();
  await desk.close();
});

async function console(as: 'signed out' | 'locked' | Role): Promise<WsClient> {
  const ws = await connectWs(shell.port, shell.token);
  sockets.push(ws);
  if (as === 'signed out') return ws;
  const login =
    as === 'admin'
      ? { username: ADMIN.username, passphrase: ADMIN.passphrase }
      : { username: as === 'supervisor' ? 'sam' : 'olu', passphrase: PASS };
  expect((await ws.call('auth.signIn', login)).ok).toBe(true);
  if (as === 'locked') expect((await ws.call('auth.lock', {})).ok).toBe(true);
  return ws;
}

/** What the contract says this console may reach. */
function allowed(method: MethodName, as: 'signed out' | 'locked' | Role): boolean {
  const access = contract[method].access;
  if (access === 'public') return true;
  if (as === 'signed out') return false;
  if (access === 'session') return true;
  if (as === 'locked') return false;
  return (access as readonly Role[]).includes(as);
}

// The web shell here runs without --test-clock: its test-only methods do not exist for anyone.
const methods = methodNames.filter((m) => !contract[m].testOnly);

describe('the role matrix, enforced by main', () => {
  const who = {
    'signed out': 'a signed-out console',
    locked: 'a locked console',
    officer: 'an officer',
    supervisor: 'a supervisor',
    admin: 'an administrator',
  } as const;
  for (const as of ['signed out', 'locked', 'officer', 'supervisor', 'admin'] as const) {
    it(`as ${who[as]}`, async () => {
      const ws = await console(as);
      const wrong: string[] = [];
      for (const method of methods) {
        const result = (await ws.call(method, 'probe')) as { ok: boolean; error?: { code: string } };
        const reached = !result.ok && result.error?.code === 'VALIDATION';
        const refused = !result.ok && result.error?.code === 'FORBIDDEN';
        if (!reached && !refused) wrong.push(`${method}: ${JSON.stringify(result)}`);
        else if (reached !== allowed(method, as)) wrong.push(`${method}: ${reached ? 'reached' : 'refused'}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('names test-only methods to nobody', async () => {
    const ws = await console('admin');
    for (const method of methodNames.filter((m) => contract[m].testOnly)) {
      expect(await ws.call(method, {})).toMatchObject({ ok: false, error: { message: 'Unknown method.' } });
    }
  });
});
