import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDesk, type TestConsole, type TestDesk } from '../../../test/helpers/services';
import { BAN_STATUSES } from '../../shared/contract/bans';
import { demoAccounts } from './seed';

let desk: TestDesk;
let supervisor: TestConsole;
beforeAll(async () => {
  desk = testDesk({ demo: true });
  await desk.services.ready;
  supervisor = desk.console();
  const account = demoAccounts.find((a) => a.role === 'supervisor')!;
  await supervisor.must('auth.signIn', { username: account.username, passphrase: account.passphrase });
}, 60_000);
afterAll(() => desk.close());

describe('the training desk’s persons and bans', { timeout: 120_000 }, () => {
  it('has persons with synthetic portraits and a ban in every status, with a hearing and a meeting this week', async () => {
    const all = await supervisor.must('bans.list', { which: 'all', limit: 200 });
    expect(new Set(all.map((b) => b.status))).toEqual(new Set(BAN_STATUSES));
    const todo = await supervisor.must('bans.todo', {});
    expect(todo.pendingApprovals).toHaveLength(1);
    expect(todo.meetingsThisWeek).toHaveLength(1);
    const appeal = all.find((b) => b.status === 'underAppeal')!;
    expect((await supervisor.must('bans.get', { id: appeal.id })).particulars!.appeals[0]!.hearing).not.toBeNull();
    const check = await supervisor.must('desk.check', { text: 'marky' });
    expect(check.results[0]).toMatchObject({
      person: { name: 'Marcus Delgado', photo: expect.stringMatching(/^attachments\/[0-9a-f]{64}\.png$/) },
      banned: true,
    });
    const admin = desk.console();
    const account = demoAccounts.find((a) => a.role === 'admin')!;
    await admin.must('auth.signIn', { username: account.username, passphrase: account.passphrase });
    expect((await admin.must('journal.verify', {})).ok).toBe(true);
  });
});
