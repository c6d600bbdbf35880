import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { testDesk, type TestDesk } from '../../../test/helpers/services';
import { demoAccounts } from './seed';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

describe('--demo shifts', { timeout: 120_000 }, () => {
  it('seeds three weeks of evening shifts with logs, callbacks, pass-on notes and referrals', async () => {
    desk = testDesk({ demo: true, clock: new ManualClock(Date.parse('2026-11-26T21:30:00.000-06:00')) });
    const c = desk.console();
    const officer = demoAccounts.find((a) => a.role === 'officer')!;
    await c.must('auth.signIn', { username: officer.username, passphrase: officer.passphrase });
    const history = await c.must('shifts.history', { from: '2026-11-01', to: '2026-11-26' });
    expect(history.length).toBeGreaterThanOrEqual(40);
    expect(history.every((s) => s.endedAt !== null)).toBe(true);
    const now = await c.must('shifts.now', {});
    expect(now.mine).toBeNull();
    expect(now.callbacksWaiting).toBeGreaterThanOrEqual(0);
    const main = (await c.must('branches.list', {})).find((b) => b.code === 'MAIN')!;
    const log = await c.must('shifts.log', { branchId: main.id, date: '2026-11-20' });
    expect(log.entries.length).toBeGreaterThan(1);
    const resources = await c.must('resources.list', {});
    expect(resources).toHaveLength(10);
    const counts = await c.must('resources.referralCounts', { from: '2026-11-01', to: '2026-11-26' });
    expect(counts.total).toBeGreaterThan(5);
    expect(counts.byKind.length).toBeGreaterThan(3);
  });
});
