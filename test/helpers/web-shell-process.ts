import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface WebShellProcess {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the built web shell (`out/main/web.js`) as its own process, as `npm run web`
 * does, and resolves with the URL it prints on its `VIGIL_URL=` line.
 */
export function startWebShellProcess(
  args: string[],
  timeoutMs = 20_000,
  opts: { checkOutputs?: boolean } = {},
): Promise<WebShellProcess> {
  const child = spawn(process.execPath, ['out/main/web.js', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Every answer checked against its contract output (a drift fails the test that meets
    // it); benchmarks turn it off so the figures are the desk's own.
    env: { ...process.env, VIGIL_CHECK_OUTPUTS: opts.checkOutputs === false ? '0' : '1' },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`web shell did not print VIGIL_URL within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web shell exited with ${code}:\n${stderr}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^VIGIL_URL=(.+)$/.exec(line);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1]!,
        process: child,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
