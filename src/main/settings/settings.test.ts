import { afterEach, describe, expect, it } from 'vitest';
import { deskWithAdmin, type TestDesk } from '../../../test/helpers/services';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

describe('desk settings', () => {
  it('defaults the idle lock to 10 minutes, journals a change and tells every console', async () => {
    const setup = await deskWithAdmin();
    desk = setup.desk;
    expect(await setup.admin.must('settings.get', {})).toEqual({ idleLockMinutes: 10, blockScreenCapture: true });
    const other = desk.console();
    await other.must('auth.signIn', { username: 'ada', passphrase: 'correct horse battery' });
    await setup.admin.must('settings.update', { idleLockMinutes: 3 });
    expect(other.events.at(-1)).toMatchObject({ event: 'session.changed', payload: { idleMinutes: 3 } });
    expect(await setup.admin.must('journal.verify', {})).toEqual({ ok: true, entries: 2 });
    expect(await setup.admin.call('settings.update', { idleLockMinutes: 0 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { idleLockMinutes: 'At least 1 minute' } },
    });
    // Screen capture on its own: the idle lock stays as it was.
    expect(await setup.admin.must('settings.update', { blockScreenCapture: false })).toEqual({
      idleLockMinutes: 3,
      blockScreenCapture: false,
    });
  });
});
