import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Verdict } from '../backup/verify-set';
import { verifyBackupSet } from '../backup/verify-set';

/** What the child printed and how it ended. */
interface ChildRun {
  code: number | null;
  out: string;
  err: string;
}

/** Where `vigil`'s command line is: the built cli.js beside main's bundle, or the source (tests, under tsx). */
function cliLocation(): { built: string } | { source: string } | null {
  const here = dirname(fileURLToPath(import.meta.url));
  // The bundle puts this code in out/main/ or out/main/chunks/, beside or below cli.js.
  for (const built of [join(here, 'cli.js'), join(here, '..', 'cli.js')]) if (existsSync(built)) return { built };
  const source = join(here, '..', 'cli.ts');
  return existsSync(source) ? { source } : null;
}

/** How the Electron shell starts a utility process (registered by shell/electron.ts: only it imports electron). */
export type UtilityFork = (
  modulePath: string,
  env: NodeJS.ProcessEnv,
) => {
  stdout: NodeJS.ReadableStream | null;
  stderr: NodeJS.ReadableStream | null;
  onExit(done: (code: number) => void): void;
};

let utilityFork: UtilityFork | null = null;

/** The Electron shell hands its utilityProcess.fork here at start. */
export function setUtilityFork(fork: UtilityFork | null): void {
  utilityFork = fork;
}

/**
 * Runs `vigil <args>` in a child. In Electron the packaged app's fuses turn off
 * ELECTRON_RUN_AS_NODE, so it is a utility process (Node inside Electron, the same
 * better-sqlite3 build); elsewhere a plain Node child. Arguments travel in
 * VIGIL_CLI_ARGS, read the same by both.
 */
export async function runCli(
  args: string[],
  cli: { built: string } | { source: string } | null = cliLocation(),
): Promise<ChildRun | null> {
  if (!cli) return null;
  const env = { ...process.env, VIGIL_CLI_ARGS: JSON.stringify(args) };
  if (utilityFork && 'built' in cli) {
    const child = utilityFork(cli.built, env);
    return collect(child.stdout, child.stderr, (done) => child.onExit(done));
  }
  const argv = 'built' in cli ? [cli.built] : ['--import', 'tsx', cli.source];
  const child = spawn(process.execPath, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return collect(child.stdout, child.stderr, (done) => {
    child.once('error', () => done(null));
    child.once('close', (code) => done(code));
  });
}

function collect(
  stdout: NodeJS.ReadableStream | null,
  stderr: NodeJS.ReadableStream | null,
  onEnd: (done: (code: number | null) => void) => void,
): Promise<ChildRun> {
  return new Promise((resolve) => {
    let out = '';
    let err = '';
    stdout?.on('data', (d: Buffer) => (out += d.toString('utf8')));
    stderr?.on('data', (d: Buffer) => (err += d.toString('utf8')));
    onEnd((code) => resolve({ code, out, err }));
  });
}

/**
 * Verifies a backup set in a child process: integrity_check reads every page of the
 * copy, seconds to minutes on a large archive, and the desk's main process must keep
 * serving cameras and saving reports meanwhile. Falls back to this process when the
 * command cannot be found.
 */
export async function verifyInChild(root: string, name: string): Promise<Verdict> {
  const run = await runCli(['verify', '--backup', root, '--set', name, '--json']);
  if (!run) return verifyBackupSet(root, name);
  const line = run.out.trim().split('\n').at(-1) ?? '';
  try {
    const parsed = JSON.parse(line) as { ok: boolean; reason?: string };
    if (parsed.ok && run.code === 0) return { ok: true };
    if (!parsed.ok) return { ok: false, reason: String(parsed.reason) };
  } catch {
    // Said below.
  }
  return {
    ok: false,
    reason: `the check ended with code ${run.code}: ${run.err.trim().slice(-300) || 'no output'}`,
  };
}
