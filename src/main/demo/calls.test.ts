import { afterEach, describe, expect, it } from 'vitest';
import { testDesk, type TestDesk } from '../../../test/helpers/services';
import { demoAccounts } from './seed';
import type { OutputOf } from '../../shared/contract';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

describe('--demo calls and evacuation', { timeout: 120_000 }, () => {
  it('seeds weeks of cleared calls with realistic response times, the plans and one past drill', async () => {
    desk = testDesk({ demo: true });
    const c = desk.console();
    const admin = demoAccounts.find((a) => a.role === 'admin')!;
    await c.must('auth.signIn', { username: admin.username, passphrase: admin.passphrase });
    const items: OutputOf<'calls.search'>['items'] = [];
    let cursor: string | undefined;
    do {
      const page: OutputOf<'calls.search'> = await c.must('calls.search', { limit: 200, cursor });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(items.length).toBeGreaterThan(50);
    expect(items.every((i) => i.status === 'cleared')).toBe(true);
    expect(await c.must('calls.open', {})).toEqual([]);
    expect(new Set(items.map((i) => i.nature)).size).toBe(6);

    const figures = await c.must('calls.figures', {});
    const branches = figures.branches;
    expect(branches).toHaveLength(3);
    for (const b of branches) {
      // Dispatch within minutes, arrival a few minutes later, cleared within the hour.
      expect(b.total.dispatch!.median).toBeGreaterThan(20);
      expect(b.total.dispatch!.median).toBeLessThan(300);
      expect(b.total.arrive!.median).toBeGreaterThan(b.total.dispatch!.median);
      expect(b.total.clear!.p90).toBeLessThan(3_600);
    }

    const plans = await c.must('evacuations.plans', {});
    expect(plans.every((p) => p.assemblyPoint.length > 0)).toBe(true);
    const past = await c.must('evacuations.list', {});
    expect(past).toEqual([expect.objectContaining({ drill: true, allClearAfter: 540, zonesSwept: 8, zones: 8 })]);
    expect(await c.must('evacuations.running', {})).toEqual([]);
    expect(await c.must('journal.verify', {})).toMatchObject({ ok: true });
  });
});
