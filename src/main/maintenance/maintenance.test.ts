import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, deskWithAdmin, testDesk, type TestConsole, type TestDesk } from '../../../test/helpers/services';
import { tempDir } from '../../../test/helpers/temp-dir';
import { openDatabase } from '../db/connection';
import { nextBackupAt } from './schedule';

let desks: TestDesk[] = [];
const dirs: { remove(): void }[] = [];
afterEach(async () => {
  for (const d of desks) await d.close();
  desks = [];
  for (const d of dirs.splice(0)) d.remove();
});

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const finished = (admin: TestConsole) =>
  until(
    () => admin.must('maintenance.status', {}),
    (s) => s.backup.run !== null && s.backup.run.finishedAt !== null,
  );

const settings = (folder: string) => ({ folder, dailyAt: '03:00', keepDaily: 7, keepWeekly: 4, keepMonthly: 12 });

describe('the journal at start', () => {
  it('is walked in the background at each start; a broken chain is an urgent alert naming the entry', async () => {
    const first = await deskWithAdmin();
    await first.admin.must('branches.add', { name: 'Main', code: 'MAIN', address: '', timeZone: 'America/Chicago' });
    const dataDir = first.desk.dataDir;
    first.desk.services.close();
    await new Promise((r) => setTimeout(r, 50));
    const db = openDatabase(dataDir);
    db.exec("DROP TRIGGER journal_no_update; UPDATE journal SET actor = 'someone else' WHERE seq = 2;");
    db.close();

    const again = testDesk({ dataDir });
    desks.push(again);
    dirs.push({ remove: () => first.desk.close() });
    const admin = again.console();
    await admin.must('auth.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const status = await until(
      () => admin.must('maintenance.status', {}),
      (s) => s.journal?.finishedAt != null,
    );
    expect(status.journal).toMatchObject({ trigger: 'start', report: { ok: false, firstBroken: { seq: 2 } } });
    const alerts = await admin.must('alerts.list', {});
    expect(alerts[0]).toMatchObject({
      kind: 'journal.broken',
      level: 'urgent',
      title: 'The journal does not verify: entry 2 of 2',
    });
  });
});

describe('backups from the desk', () => {
  it('are off until a folder is chosen, then run on demand, verified, audited, and listed', async () => {
    const { desk, admin } = await deskWithAdmin();
    desks.push(desk);
    const folder = tempDir('vigil-desk-backups-');
    dirs.push(folder);
    expect((await admin.must('alerts.list', {})).map((a) => a.kind)).toContain('backup.off');
    expect((await admin.call('maintenance.backupNow', {})).ok).toBe(false);
    const refused = await admin.call('maintenance.saveBackupSettings', { ...settings('relative/folder') });
    expect(refused.ok).toBe(false);
    for (const inside of [desk.dataDir, join(desk.dataDir, 'backups'), join(desk.dataDir, '..')]) {
      expect(await admin.call('maintenance.saveBackupSettings', settings(inside))).toMatchObject({
        ok: false,
        error: { fields: { folder: expect.stringMatching(/outside Vigil’s data folder/) } },
      });
    }

    const saved = await admin.must('maintenance.saveBackupSettings', settings(folder.path));
    expect(saved.backup.settings.folder).toBe(folder.path);
    expect(saved.backup.nextAt).not.toBeNull();
    await admin.must('maintenance.backupNow', {});
    const done = await finished(admin);
    expect(done.backup.run?.outcome).toMatchObject({ ok: true });
    expect(done.backup.lastGood?.name).toBe((done.backup.run?.outcome as { name: string }).name);
    const list = await admin.must('maintenance.backups', {});
    expect(list).toHaveLength(1);
    expect(await admin.must('maintenance.verifyBackup', { name: list[0]!.name })).toEqual({ ok: true });
    const audit = await admin.must('audit.list', { text: 'backup' });
    expect(audit.entries.some((e) => e.subject === 'backup' && e.recordId === list[0]!.name)).toBe(true);
    expect((await admin.must('alerts.list', {})).filter((a) => a.kind.startsWith('backup.'))).toEqual([]);
  });

  it('a folder that is gone fails in words with the retry time, and the last good backup is untouched', async () => {
    const { desk, admin } = await deskWithAdmin();
    desks.push(desk);
    const folder = tempDir('vigil-desk-backups-');
    dirs.push(folder);
    await admin.must('maintenance.saveBackupSettings', settings(folder.path));
    await admin.must('maintenance.backupNow', {});
    const good = (await finished(admin)).backup.lastGood!;

    await admin.must('maintenance.saveBackupSettings', settings(join(folder.path, 'unplugged')));
    await admin.must('maintenance.backupNow', {});
    const failed = await finished(admin);
    expect(failed.backup.run?.outcome).toMatchObject({ ok: false, reason: expect.stringMatching(/is not there/) });
    const alert = (await admin.must('alerts.list', {})).find((a) => a.kind === 'backup.failed');
    expect(alert?.detail).toMatch(/is not there .* Vigil tries again at \d\d:\d\d\./);
    expect(readdirSync(join(folder.path, 'sets'))).toEqual([good.name]);
  });

  it('only administrators reach it', async () => {
    const { desk, admin } = await deskWithAdmin();
    desks.push(desk);
    await admin.must('staff.add', {
      name: 'Olu',
      username: 'olu',
      role: 'supervisor',
      passphrase: 'a long test passphrase',
    });
    const other = desk.console();
    await other.must('auth.signIn', { username: 'olu', passphrase: 'a long test passphrase' });
    for (const call of [
      other.call('maintenance.status', {}),
      other.call('maintenance.backupNow', {}),
      other.call('maintenance.requestRestore', { name: '2026-11-30T03-00-00Z', confirm: 'RESTORE' }),
    ]) {
      expect(await call).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

describe('restore from the desk', () => {
  it('verifies first, is done at the next start with the current data moved aside', async () => {
    const { desk, admin } = await deskWithAdmin();
    const folder = tempDir('vigil-desk-backups-');
    dirs.push(folder);
    await admin.must('branches.add', { name: 'Kept', code: 'KEPT', address: '', timeZone: 'America/Chicago' });
    await admin.must('maintenance.saveBackupSettings', settings(folder.path));
    await admin.must('maintenance.backupNow', {});
    const name = (await finished(admin)).backup.lastGood!.name;
    await admin.must('branches.add', { name: 'Added after', code: 'LATE', address: '', timeZone: 'America/Chicago' });

    const wrong = await admin.call('maintenance.requestRestore', { name, confirm: 'yes' as 'RESTORE' });
    expect(wrong.ok).toBe(false);
    const missing = await admin.call('maintenance.requestRestore', {
      name: '2001-01-01T00-00-00Z',
      confirm: 'RESTORE',
    });
    expect(missing).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a Vigil backup/) } });
    const asked = await admin.must('maintenance.requestRestore', { name, confirm: 'RESTORE' });
    expect(asked.restore.pending).toBe(name);

    const dataDir = desk.dataDir;
    await desk.services.close();
    const restarted = testDesk({ dataDir });
    desks.push(restarted);
    dirs.push({ remove: () => void desk.close() });
    const again = restarted.console();
    await again.must('auth.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const codes = (await again.must('branches.list', {})).map((b) => b.code);
    expect(codes).toContain('KEPT');
    expect(codes).not.toContain('LATE');
    expect((await again.must('maintenance.status', {})).restore.pending).toBeNull();
    const aside = readdirSync(dataDir).filter((n) => n.startsWith('before-restore-'));
    expect(aside).toHaveLength(1);
    expect(existsSync(join(dataDir, aside[0]!, 'vigil.sqlite3'))).toBe(true);
  });
});

describe('the daily schedule', () => {
  const at = (s: string) => new Date(s);
  it('runs at the daily time, once a day, and an hour after a failure', () => {
    const base = { dailyAt: '03:00', lastGoodAt: null, lastFailedAt: null };
    const now = at('2026-11-30T02:00:00');
    expect(nextBackupAt({ ...base, now })).toEqual(at('2026-11-30T03:00:00'));
    const late = at('2026-11-30T09:00:00');
    expect(nextBackupAt({ ...base, now: late })).toEqual(at('2026-11-30T03:00:00'));
    expect(nextBackupAt({ ...base, now: late, lastGoodAt: at('2026-11-30T03:01:00') })).toEqual(
      at('2026-12-01T03:00:00'),
    );
    expect(nextBackupAt({ ...base, now: late, lastFailedAt: at('2026-11-30T08:30:00') })).toEqual(
      at('2026-11-30T09:30:00'),
    );
  });
});
