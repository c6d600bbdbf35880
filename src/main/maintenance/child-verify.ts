import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Verdict } from '../backup/verify-set';
import { verifyBackupSet } from '../backup/verify-set';

/**
 * How to run `vigil verify --backup` as a child: the built cli.js beside main's
 * bundle (Electron runs it as Node with ELECTRON_RUN_AS_NODE), or the source under
 * tsx in tests. Null when neither is there.
 */
function cliCommand(): { command: string; args: string[]; env: NodeJS.ProcessEnv } | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
  // The bundle puts this code in out/main/ or out/main/chunks/, beside or below cli.js.
  for (const built of [join(here, 'cli.js'), join(here, '..', 'cli.js')]) {
    if (existsSync(built)) return { command: process.execPath, args: [built], env };
  }
  const source = join(here, '..', 'cli.ts');
  if (existsSync(source)) return { command: process.execPath, args: ['--import', 'tsx', source], env };
  return null;
}

/**
 * Verifies a backup set in a child process: integrity_check reads every page of the
 * copy, seconds to minutes on a large archive, and the desk's main process must keep
 * serving cameras and saving reports meanwhile. Falls back to this process (in
 * chunks where it can) when the command cannot be found.
 */
export function verifyInChild(root: string, name: string): Promise<Verdict> {
  const cli = cliCommand();
  if (!cli) return verifyBackupSet(root, name);
  return new Promise((resolve) => {
    const child = spawn(cli.command, [...cli.args, 'verify', '--backup', root, '--set', name, '--json'], {
      env: cli.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', (e) => resolve({ ok: false, reason: `the check could not be started: ${e.message}` }));
    child.on('close', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      try {
        const parsed = JSON.parse(line) as { ok: boolean; reason?: string };
        if (parsed.ok && code === 0) return resolve({ ok: true });
        if (!parsed.ok) return resolve({ ok: false, reason: String(parsed.reason) });
      } catch {
        // Said below.
      }
      resolve({ ok: false, reason: `the check ended with code ${code}: ${err.trim().slice(-300) || 'no output'}` });
    });
  });
}
