import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deskWithAdmin, type TestDesk } from '../../test/helpers/services';
import { openDatabase } from './db/connection';
import { ManualClock } from './clock';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

/** The real command, in its own process, as `npm run vigil -- verify --data DIR` runs it. */
const vigil = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], { encoding: 'utf8' });

// Each case starts the real command in its own process through tsx (seconds each on a busy machine).
vi.setConfig({ testTimeout: 120_000 });

describe('vigil verify', () => {
  it('prints "journal ok" with the count and exits 0, then names the broken entry and exits 1', async () => {
    const setup = await deskWithAdmin();
    desk = setup.desk;
    await setup.admin.must('branches.add', { name: 'Main', code: 'MAIN', address: '', timeZone: 'America/Chicago' });
    desk.services.close();

    const good = vigil('verify', '--data', desk.dataDir);
    expect(good.stdout.trim()).toBe('journal ok: 2 entries');
    expect(good.status).toBe(0);

    const db = openDatabase(desk.dataDir);
    db.exec("DROP TRIGGER journal_no_update; UPDATE journal SET actor = 'someone else' WHERE seq = 2;");
    db.close();
    const bad = vigil('verify', '--data', desk.dataDir);
    expect(bad.stdout).toMatch(/journal BROKEN at entry 2 \(id [0-9a-f-]{36}\) of 2: its fields were changed/);
    expect(bad.status).toBe(1);
  });

  it('explains a missing database and bad usage with exit code 2', () => {
    const missing = vigil('verify', '--data', '/nonexistent/vigil');
    expect(missing.stderr).toMatch(/no database at/);
    expect(missing.status).toBe(2);
    expect(vigil('frobnicate').status).toBe(2);
  });
});

describe('vigil purge', () => {
  it('prints what a purge would remove with --dry-run, then removes it, with exit code 0', async () => {
    // A person recorded two years ago, named by nothing: past the default year.
    const setup = await deskWithAdmin({ clock: new ManualClock(Date.now() - 2 * 365 * 86_400_000) });
    desk = setup.desk;
    await setup.admin.must('persons.add', {
      name: 'Ottoline Purgeable',
      sex: 'female',
      ageEstimate: '',
      height: '',
      build: '',
      hair: '',
      marks: '',
    });
    await desk.services.close();

    const dry = vigil('purge', '--data', desk.dataDir, '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/a purge now would remove/);
    expect(dry.stdout).toMatch(/persons: 1 \(oldest \d{4}-\d{2}-\d{2}\)/);

    const run = vigil('purge', '--data', desk.dataDir);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/persons: 1/);
    const db = openDatabase(desk.dataDir);
    expect(db.prepare('SELECT count(*) AS n FROM persons').get()).toEqual({ n: 0 });
    db.close();
    expect(vigil('purge', '--data', desk.dataDir, '--dry-run').stdout).toMatch(/persons: 0/);
    expect(vigil('purge', '--data', '/nonexistent/vigil').status).toBe(2);
  });
});
