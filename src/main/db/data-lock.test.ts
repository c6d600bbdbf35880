import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir';
import { testDesk } from '../../../test/helpers/services';
import { claimDataFolder, dataFolderHolder, LOCK_FILE } from './data-lock';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());

describe('one desk per data folder', () => {
  it('refuses a second desk on the folder, naming who holds it, and frees it when the first closes', async () => {
    const first = testDesk({ dataDir: dir.path });
    expect(JSON.parse(readFileSync(join(dir.path, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    // A second claim from this process (a second window's desk) is refused too.
    expect(() => claimDataFolder(dir.path)).toThrow(/Another Vigil is already using the data folder/);
    await first.close();
    expect(existsSync(join(dir.path, LOCK_FILE))).toBe(false);
    const again = testDesk({ dataDir: dir.path });
    expect((await again.console().must('system.info', {})).state).toBe('ready');
    await again.close();
  });

  it('shows the refusal on every call of the second desk, with the data untouched', async () => {
    // A live process of this machine holds the folder: a child that sleeps.
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(
        join(dir.path, LOCK_FILE),
        JSON.stringify({ pid: child.pid, host: hostname(), since: '2026-11-30T19:00:00.000Z' }),
      );
      const second = testDesk({ dataDir: dir.path });
      const info = await second.console().must('system.info', {});
      expect(info.state).toBe('failed');
      if (info.state === 'failed') {
        expect(info.message).toMatch(new RegExp(`Another Vigil is already using .*process ${child.pid}`));
      }
      const r = await second.console().call('auth.state', {});
      expect(r.ok).toBe(false);
      await second.close();
      // The holder's lock is left as it was.
      expect(JSON.parse(readFileSync(join(dir.path, LOCK_FILE), 'utf8')).pid).toBe(child.pid);
      expect(existsSync(join(dir.path, 'vigil.sqlite3'))).toBe(false);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a Vigil that crashed', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => child.on('exit', r));
    writeFileSync(
      join(dir.path, LOCK_FILE),
      JSON.stringify({ pid: child.pid, host: hostname(), since: '2026-11-30T19:00:00.000Z' }),
    );
    expect(dataFolderHolder(dir.path)).toBeNull();
    const release = claimDataFolder(dir.path);
    expect(JSON.parse(readFileSync(join(dir.path, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    release();
    expect(existsSync(join(dir.path, LOCK_FILE))).toBe(false);
  });
});
