import { chromium, type Browser } from 'playwright-core';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { startWebShellProcess } from '../test/helpers/web-shell-process';
import { connectWs } from '../test/helpers/ws-client';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium';
import { ms, percentile, printTable } from './stats';
import { ADMIN } from './desk';

const COLD_RUNS = 5;
const CALLS = 1000;

/** A data folder with its administrator, so a start lands on the sign-in screen. */
async function preparedDataDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
  const shell = await startWebShellProcess(['--data', dir, '--port', '0'], undefined, { checkOutputs: false });
  const { port, token } = parseUrl(shell.url);
  const ws = await connectWs(port, token);
  await ws.call('auth.createAdministrator', { ...ADMIN, confirmPassphrase: ADMIN.passphrase });
  ws.close();
  await shell.stop();
  return dir;
}

function parseUrl(url: string): { port: number; token: string } {
  const u = new URL(url);
  return { port: Number(u.port), token: new URLSearchParams(u.hash.slice(1)).get('token')! };
}

/** Process spawn → VIGIL_URL printed → page loaded → "Sign in" button rendered. */
async function coldStart(browser: Browser, dataDir: string): Promise<{ ready: number; rendered: number }> {
  const t0 = performance.now();
  const shell = await startWebShellProcess(['--data', dataDir, '--port', '0'], undefined, { checkOutputs: false });
  const ready = performance.now() - t0;
  const page = await browser.newPage();
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  const rendered = performance.now() - t0;
  await page.close();
  await shell.stop();
  return { ready, rendered };
}

/** Baseline: a bare Node HTTP server process serving one static page, to the same browser. */
async function baselineColdStart(browser: Browser): Promise<number> {
  const t0 = performance.now();
  const code = `require('http').createServer((q,s)=>{s.setHeader('content-type','text/html');s.end('<button>Sign in</button>')}).listen(0,'127.0.0.1',function(){console.log('VIGIL_URL=http://127.0.0.1:'+this.address().port+'/')})`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) =>
    child.stdout.on('data', (d: Buffer) => {
      const m = /VIGIL_URL=(\S+)/.exec(d.toString());
      if (m) resolve(m[1]!);
    }),
  );
  const page = await browser.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  const elapsed = performance.now() - t0;
  await page.close();
  child.kill();
  return elapsed;
}

async function roundTrips(call: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 50; i++) await call(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now();
    await call();
    samples.push(performance.now() - t);
  }
  return samples;
}

/** Baseline: a bare ws echo server in this process, same client code path. */
async function baselineEcho(): Promise<number[]> {
  const server = createServer();
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) =>
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as { id: number };
      ws.send(JSON.stringify({ t: 'result', id: m.id, result: { ok: true, value: null } }));
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const ws = await connectWs(port, 'x');
  const samples = await roundTrips(() => ws.call('echo', {}));
  ws.close();
  wss.close();
  server.close();
  return samples;
}

export async function benchFoundation(): Promise<void> {
  const dataDir = await preparedDataDir();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const vigil: { ready: number; rendered: number }[] = [];
    const base: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      vigil.push(await coldStart(browser, dataDir));
      base.push(await baselineColdStart(browser));
    }
    printTable(`Web shell cold start (median of ${COLD_RUNS})`, [
      ['measure', 'Vigil', 'baseline (bare node http + static page)'],
      [
        'spawn → VIGIL_URL printed',
        ms(
          percentile(
            vigil.map((v) => v.ready),
            50,
          ),
        ),
        '',
      ],
      [
        'spawn → sign-in screen rendered',
        ms(
          percentile(
            vigil.map((v) => v.rendered),
            50,
          ),
        ),
        ms(percentile(base, 50)),
      ],
    ]);

    const shell = await startWebShellProcess(['--data', dataDir, '--port', '0'], undefined, { checkOutputs: false });
    const { port, token } = parseUrl(shell.url);
    const ws = await connectWs(port, token);
    await ws.call('auth.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const state = await roundTrips(() => ws.call('auth.state', {}));
    const branches = await roundTrips(() => ws.call('branches.list', {}));
    const refused = await roundTrips(() => ws.call('staff.add', { name: '' }));
    ws.close();
    await shell.stop();
    const echo = await baselineEcho();
    const row = (name: string, s: number[]): [string, string, string] => [
      name,
      ms(percentile(s, 50)),
      ms(percentile(s, 99)),
    ];
    printTable(`Contract round trip over the WebSocket (${CALLS} sequential calls each)`, [
      ['call', 'p50', 'p99'],
      row('auth.state (session + role check)', state),
      row('branches.list (SQLite read)', branches),
      row('staff.add, invalid (zod refusal)', refused),
      row('baseline: bare ws echo', echo),
    ]);
  } finally {
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
