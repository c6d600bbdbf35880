import { afterEach, describe, expect, it } from 'vitest';
import { testDesk, type TestDesk } from '../../../test/helpers/services';
import { demoAccounts } from './seed';
import type { OutputOf } from '../../shared/contract';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

describe('--demo incidents', { timeout: 120_000 }, () => {
  it('seeds weeks of reports across the branches, in every review state, with a verifying journal', async () => {
    desk = testDesk({ demo: true });
    const c = desk.console();
    const admin = demoAccounts.find((a) => a.role === 'admin')!;
    await c.must('auth.signIn', { username: admin.username, passphrase: admin.passphrase });
    const items = [];
    let cursor: string | undefined;
    do {
      const page: OutputOf<'incidents.search'> = await c.must('incidents.search', { limit: 200, cursor });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(items.length).toBeGreaterThan(30);
    expect(new Set(items.map((i) => i.branchCode))).toEqual(new Set(['MAIN', 'NORTH', 'SOUTH']));
    const statuses = new Set(items.map((i) => i.status));
    for (const s of ['submitted', 'approved']) expect(statuses).toContain(s);
    expect(items.some((i) => i.version > 1)).toBe(true);
    const found = await c.must('incidents.search', { text: 'police' });
    expect(found.items.length).toBeGreaterThan(0);
    expect(await c.must('journal.verify', {})).toMatchObject({ ok: true });
  });
});
