import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';

const forked: { path: string; env: Record<string, string | undefined> }[] = [];
vi.mock('electron', () => ({
  utilityProcess: {
    fork: (path: string, _args: string[], opts: { env: Record<string, string | undefined> }) => {
      forked.push({ path, env: opts.env });
      const child = Object.assign(new EventEmitter(), { stdout: new PassThrough(), stderr: new PassThrough() });
      setTimeout(() => {
        child.stdout.end('{"ok":false,"reason":"its journal is broken at entry 3"}\n');
        child.stderr.end();
        setTimeout(() => child.emit('exit', 1), 10);
      }, 10);
      return child;
    },
  },
}));

const { runCli, verifyInChild } = await import('./child-verify');

afterEach(() => {
  Object.defineProperty(process.versions, 'electron', { value: undefined, configurable: true });
});

describe('the backup check in a child', () => {
  it('runs the real command in a Node child and reads its verdict', async () => {
    const verdict = await verifyInChild('/nonexistent/backups', '2026-11-30T03-00-00Z');
    expect(verdict).toEqual({ ok: false, reason: 'this is not a Vigil backup (it has no manifest.json)' });
  });

  it('in Electron, runs it as a utility process (the packaged app has no ELECTRON_RUN_AS_NODE)', async () => {
    Object.defineProperty(process.versions, 'electron', { value: '45.5.0', configurable: true });
    const run = await runCli(['verify', '--backup', '/b', '--json'], { built: '/app/out/main/cli.js' });
    expect(run).toEqual({ code: 1, out: '{"ok":false,"reason":"its journal is broken at entry 3"}\n', err: '' });
    expect(forked).toHaveLength(1);
    expect(forked[0]!.path).toBe('/app/out/main/cli.js');
    expect(JSON.parse(forked[0]!.env.VIGIL_CLI_ARGS!)).toEqual(['verify', '--backup', '/b', '--json']);
  });
});
