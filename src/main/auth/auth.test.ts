import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, deskWithAdmin, testDesk, type TestDesk } from '../../../test/helpers/services';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

describe('first run and sign-in', () => {
  it('asks for setup on an empty database, then creates the administrator signed in', async () => {
    desk = testDesk();
    const c = desk.console();
    expect(await c.must('auth.state', {})).toEqual({ state: 'setup' });
    const r = await c.call('auth.createAdministrator', { ...ADMIN, confirmPassphrase: 'different passphrase' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { confirmPassphrase: expect.any(String) } },
    });
    const short = await c.call('auth.createAdministrator', {
      ...ADMIN,
      passphrase: 'short',
      confirmPassphrase: 'short',
    });
    expect(short).toMatchObject({ ok: false, error: { fields: { passphrase: expect.stringMatching(/at least 10/) } } });
    const state = await c.must('auth.createAdministrator', { ...ADMIN, confirmPassphrase: ADMIN.passphrase });
    expect(state).toMatchObject({ state: 'signedIn', staff: { username: 'ada', role: 'admin' }, idleMinutes: 10 });
    // Setup is a one-time door.
    const again = await desk.console().call('auth.createAdministrator', {
      name: 'Mallory',
      username: 'mallory',
      passphrase: 'another passphrase',
      confirmPassphrase: 'another passphrase',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await desk.console().must('auth.state', {})).toEqual({ state: 'signedOut' });
  });

  it('refuses a wrong passphrase, and locks the username after five failures for five minutes', async () => {
    const setup = await deskWithAdmin();
    desk = setup.desk;
    const c = desk.console();
    for (let i = 0; i < 5; i++) {
      const r = await c.call('auth.signIn', { username: 'ada', passphrase: 'wrong passphrase' });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringMatching(/do not match/) },
      });
    }
    const locked = await c.call('auth.signIn', { username: 'ADA', passphrase: ADMIN.passphrase });
    expect(locked).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/Try again in 5 minutes/) },
    });
    // Unknown usernames lock the same way, so lockout does not reveal who exists.
    for (let i = 0; i < 5; i++) await c.call('auth.signIn', { username: 'nobody', passphrase: 'whatever1234' });
    expect(await c.call('auth.signIn', { username: 'nobody', passphrase: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const audit = await setup.admin.must('audit.list', { action: 'signInFailed' });
    expect(audit.entries).toHaveLength(10);
  });

  it('locks and unlocks, and lets another staff member sign in from the lock screen', async () => {
    const setup = await deskWithAdmin();
    desk = setup.desk;
    const { admin } = setup;
    await admin.must('staff.add', {
      name: 'Otto Officer',
      username: 'otto',
      role: 'officer',
      passphrase: 'officer passphrase',
    });
    expect(await admin.must('auth.lock', {})).toMatchObject({ state: 'locked' });
    expect(await admin.call('staff.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await admin.call('auth.unlock', { passphrase: 'not it at all' })).toMatchObject({ ok: false });
    expect(await admin.must('auth.unlock', { passphrase: ADMIN.passphrase })).toMatchObject({ state: 'signedIn' });
    await admin.must('auth.lock', {});
    expect(await admin.must('auth.signIn', { username: 'otto', passphrase: 'officer passphrase' })).toMatchObject({
      state: 'signedIn',
      staff: { username: 'otto', role: 'officer' },
    });
  });

  it('locks an idle console in main, whatever the renderer does', async () => {
    const setup = await deskWithAdmin();
    desk = setup.desk;
    const { admin } = setup;
    await admin.must('settings.update', { idleLockMinutes: 1 });
    admin.session.lastActivity = Date.now() - 61_000;
    const r = await admin.call('staff.list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/locked/) } });
    expect(admin.events.at(-1)).toMatchObject({ event: 'session.changed', payload: { state: 'locked' } });
  });
});

describe('roles are checked in main', () => {
  it('refuses an officer every admin method, audits each refusal, and changes nothing', async () => {
    const setup = await deskWithAdmin();
    desk = setup.desk;
    const { admin } = setup;
    const otto = await admin.must('staff.add', {
      name: 'Otto Officer',
      username: 'otto',
      role: 'officer',
      passphrase: 'officer passphrase',
    });
    const officer = desk.console();
    await officer.must('auth.signIn', { username: 'otto', passphrase: 'officer passphrase' });
    const before = await admin.must('journal.verify', {});
    const attempts = [
      officer.call('staff.list', {}),
      officer.call('staff.setRole', { id: otto.id, role: 'admin' }),
      officer.call('branches.add', { name: 'X', code: 'XX', address: '', timeZone: 'America/Chicago' }),
      officer.call('audit.list', {}),
      officer.call('settings.update', { idleLockMinutes: 200 }),
      officer.call('journal.verify', {}),
    ];
    for (const r of await Promise.all(attempts)) expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await admin.must('journal.verify', {})).toEqual(before);
    const refused = await admin.must('audit.list', { action: 'refused' });
    expect(refused.entries.map((e) => e.subject).sort()).toEqual(
      ['audit.list', 'branches.add', 'journal.verify', 'settings.update', 'staff.list', 'staff.setRole'].sort(),
    );
    expect(refused.entries.every((e) => e.staffName === 'Otto Officer')).toBe(true);
    // Officers may read branches: they need them for every form.
    expect(await officer.call('branches.list', {})).toMatchObject({ ok: true });
  });

  it('refuses signed-out callers and records them', async () => {
    const setup = await deskWithAdmin();
    desk = setup.desk;
    const stranger = desk.console();
    expect(await stranger.call('branches.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const refused = await setup.admin.must('audit.list', { action: 'refused' });
    expect(refused.entries[0]).toMatchObject({ staffId: null, subject: 'branches.list' });
  });

  it('signs out a deactivated staff member everywhere at once', async () => {
    const setup = await deskWithAdmin();
    desk = setup.desk;
    const otto = await setup.admin.must('staff.add', {
      name: 'Otto',
      username: 'otto',
      role: 'supervisor',
      passphrase: 'officer passphrase',
    });
    const officer = desk.console();
    await officer.must('auth.signIn', { username: 'otto', passphrase: 'officer passphrase' });
    await setup.admin.must('staff.setActive', { id: otto.id, active: false });
    expect(officer.events.at(-1)).toMatchObject({ event: 'session.changed', payload: { state: 'signedOut' } });
    expect(await officer.call('branches.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await officer.call('auth.signIn', { username: 'otto', passphrase: 'officer passphrase' })).toMatchObject({
      ok: false,
    });
  });

  it('keeps at least one active administrator', async () => {
    const setup = await deskWithAdmin();
    desk = setup.desk;
    const me = (await setup.admin.must('staff.list', {}))[0]!;
    expect(await setup.admin.call('staff.setRole', { id: me.id, role: 'officer' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await setup.admin.call('staff.setActive', { id: me.id, active: false })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});

describe('audit log paging', () => {
  it('pages by id without skipping or repeating entries that share a timestamp', async () => {
    const setup = await deskWithAdmin();
    desk = setup.desk;
    // Seven consoles: repeats from one console would be one counted entry.
    for (let i = 0; i < 7; i++) await desk.console().call('staff.list', {});
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await setup.admin.must('audit.list', { action: 'refused', limit: 3, ...(before ? { before } : {}) });
      seen.push(...page.entries.map((e) => e.id));
      if (!page.more) break;
      before = page.entries.at(-1)!.id;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });
});
