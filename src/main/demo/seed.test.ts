import { afterEach, describe, expect, it } from 'vitest';
import { testDesk, type TestDesk } from '../../../test/helpers/services';
import { demoAccounts } from './seed';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

describe('--demo', { timeout: 120_000 }, () => {
  it('seeds three branches with zones and demo staff who can sign in, once', async () => {
    desk = testDesk({ demo: true });
    const c = desk.console();
    const info = await c.must('system.info', {});
    expect(info).toMatchObject({ state: 'ready', demo: true });
    if (info.state === 'ready') expect(info.demoAccounts).toEqual(demoAccounts);
    for (const a of demoAccounts) {
      const s = desk.console();
      expect(await s.must('auth.signIn', { username: a.username, passphrase: a.passphrase })).toMatchObject({
        state: 'signedIn',
        staff: { role: a.role },
      });
    }
    const branches = await desk.console().call('branches.list', {});
    expect(branches.ok).toBe(false); // signed out
    await c.must('auth.signIn', { username: 'demo.officer', passphrase: demoAccounts[2]!.passphrase });
    const list = await c.must('branches.list', {});
    expect(list.map((b) => b.code).sort()).toEqual(['MAIN', 'NORTH', 'SOUTH']);
    expect(list.every((b) => b.zones.length >= 4)).toBe(true);
    expect(await c.call('journal.verify', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Retention: a report the police asked for is on legal hold, as a supervisor sees it.
    const sup = desk.console();
    const account = demoAccounts.find((a) => a.role === 'supervisor')!;
    await sup.must('auth.signIn', { username: account.username, passphrase: account.passphrase });
    const holds = await sup.must('retention.holds', {});
    expect(holds).toEqual([
      expect.objectContaining({ kind: 'incident', reason: 'police', caseNumber: '26-118204', releasedAt: null }),
    ]);
    expect(holds[0]!.label).toMatch(/^Incident [A-Z]+-\d{4}-\d{4}$/);
  });

  it('never shows demo accounts on a real desk', async () => {
    desk = testDesk();
    const info = await desk.console().must('system.info', {});
    expect(info).toMatchObject({ state: 'ready', demo: false, demoAccounts: [] });
  });
});
