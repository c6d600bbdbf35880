import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli, setUtilityFork, verifyInChild, type UtilityFork } from './child-verify';

const forked: { path: string; env: NodeJS.ProcessEnv }[] = [];
/** As the Electron shell registers utilityProcess.fork: a child that answers as the command line would. */
const fakeFork: UtilityFork = (path, env) => {
  forked.push({ path, env });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const exit = new EventEmitter();
  setTimeout(() => {
    stdout.end('{"ok":false,"reason":"its journal is broken at entry 3"}\n');
    stderr.end();
    setTimeout(() => exit.emit('exit', 1), 10);
  }, 10);
  return { stdout, stderr, onExit: (done) => exit.once('exit', done) };
};

describe('the backup check in a child', () => {
  it('runs the real command in a Node child and reads its verdict', async () => {
    const verdict = await verifyInChild('/nonexistent/backups', '2026-11-30T03-00-00Z');
    expect(verdict).toEqual({ ok: false, reason: 'this is not a Vigil backup (it has no manifest.json)' });
  });

  it('in Electron, runs it as a utility process (the packaged app has no ELECTRON_RUN_AS_NODE)', async () => {
    setUtilityFork(fakeFork);
    const run = await runCli(['verify', '--backup', '/b', '--json'], { built: '/app/out/main/cli.js' });
    expect(run).toEqual({ code: 1, out: '{"ok":false,"reason":"its journal is broken at entry 3"}\n', err: '' });
    expect(forked).toHaveLength(1);
    expect(forked[0]!.path).toBe('/app/out/main/cli.js');
    expect(JSON.parse(forked[0]!.env.VIGIL_CLI_ARGS!)).toEqual(['verify', '--backup', '/b', '--json']);
    setUtilityFork(null);
  });
});
