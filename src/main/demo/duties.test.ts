import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { testDesk, type TestDesk } from '../../../test/helpers/services';
import { demoAccounts } from './seed';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

describe('--demo closings and rounds', { timeout: 120_000 }, () => {
  it('seeds hours, checklists, routes and three weeks of closings and rounds, with the notable nights', async () => {
    // Thursday 26 November 2026, 21:30 in Chicago: every branch has closed for the day (a moment past, as the
    // incidents seed checks its report times against the real clock).
    const started = performance.now();
    desk = testDesk({ demo: true, clock: new ManualClock(Date.parse('2026-11-26T21:30:00.000-06:00')) });
    const c = desk.console();
    const officer = demoAccounts.find((a) => a.role === 'officer')!;
    await c.must('auth.signIn', { username: officer.username, passphrase: officer.passphrase });
    expect(performance.now() - started).toBeLessThan(60_000);
    const branches = await c.must('branches.list', {});
    const main = branches.find((b) => b.code === 'MAIN')!;
    const north = branches.find((b) => b.code === 'NORTH')!;
    expect(main.hours.weekly).toHaveLength(7);
    expect(north.hours.weekly.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(main.hours.special.map((d) => d.note)).toContain('Staff training day');

    expect((await c.must('closing.templateHistory', { branchId: main.id })).map((t) => t.version)).toEqual([2, 1]);
    expect((await c.must('rounds.routes', { branchId: main.id })).map((r) => r.name)).toEqual([
      'Exterior round',
      'Interior round',
    ]);

    const history = await c.must('closing.history', { branchId: main.id, limit: 100 });
    expect(history.total).toBeGreaterThanOrEqual(20);
    expect(history.items.every((r) => r.status === 'signed' && r.answered === r.items)).toBe(true);
    const childNight = history.items.find((r) => r.exceptionKinds.includes('child'))!;
    expect(childNight).toMatchObject({ failed: 2 });
    const run = await c.must('closing.get', { runId: childNight.id });
    expect(run.exceptions[0]).toMatchObject({
      kind: 'child',
      resolvedAt: expect.any(String),
      steps: [{ step: 'guardianCalled' }, { step: 'guardianArrived' }],
    });
    const northClosings = await c.must('closing.history', { branchId: north.id, limit: 100 });
    expect(northClosings.items.some((r) => r.exceptionKinds.includes('inside'))).toBe(true);

    const rounds = await c.must('rounds.history', { branchId: north.id, from: '2026-11-05', to: '2026-11-26' });
    expect(rounds.rounds.length).toBeGreaterThan(100);
    expect(rounds.missed).toHaveLength(1);
    expect(rounds.rounds.filter((r) => r.flags.some((f) => f.kind === 'fast'))).toHaveLength(1);
    const south = branches.find((b) => b.code === 'SOUTH')!;
    const southRounds = await c.must('rounds.history', { branchId: south.id, from: '2026-11-05', to: '2026-11-26' });
    expect(southRounds.missed).toEqual([]);
    expect(southRounds.skipped.length).toBeGreaterThan(0);

    // The day is over and every closing signed: nothing is asked of the desk.
    const alerts = await c.must('alerts.list', {});
    expect(alerts.filter((a) => a.kind.startsWith('closing.') || a.kind.startsWith('round.'))).toEqual([]);
    const admin = demoAccounts.find((a) => a.role === 'admin')!;
    await c.must('auth.signIn', { username: admin.username, passphrase: admin.passphrase });
    expect(await c.must('journal.verify', {})).toMatchObject({ ok: true });
  });
});
