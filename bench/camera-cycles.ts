import { chromium, type Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRtspCameras } from '../test/fixtures/rtsp-cameras';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium';
import { startWebShellProcess } from '../test/helpers/web-shell-process';
import { addCameras, createAdministrator } from './desk';
import { percentile, printTable } from './stats';

const CYCLES = Number(process.env.VIGIL_BENCH_CYCLES ?? 50);
const CAMERAS = 2;

/** Main's resident memory in MB, from /proc. */
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** ffmpeg processes whose parent is main. */
function ffmpegChildren(pid: number): number {
  try {
    return execFileSync('pgrep', ['-P', String(pid), 'ffmpeg'], { encoding: 'utf8' })
      .trim()
      .split('\n').length;
  } catch {
    return 0; // pgrep exits 1 when nothing matches
  }
}

/** What every tile says, as the person reads it. */
const tileStates = (page: Page, names: string[]) =>
  Promise.all(names.map((n) => page.getByRole('region', { name: n, exact: true }).innerText()));

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  while (!(await check())) {
    if (performance.now() - t0 > timeoutMs) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return performance.now() - t0;
}

/**
 * Issue 3's fault soak: the RTSP cameras' server killed and restarted CYCLES times
 * under a running wall. Figures: Vigil's ffmpeg count and main's memory before,
 * after 10 and after all cycles (a leak grows between the last two), how long
 * tiles took to say Offline and to be Live again, and errors in the page.
 */
export async function benchCameraCycles(): Promise<void> {
  const rtsp = await startRtspCameras({ count: CAMERAS, size: '320x180', fps: 10 });
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-bench-cycles-'));
  const shell = await startWebShellProcess(['--data', dataDir, '--port', '0'], undefined, { checkOutputs: false });
  const main = shell.process.pid!;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    // The browser's own log of a failed media request is the camera being down, not a page error.
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(m.text());
  });
  try {
    await createAdministrator(page, shell.url);
    const names = Array.from({ length: CAMERAS }, (_, i) => `RTSP ${i + 1}`);
    await addCameras(
      page,
      names.map((name, i) => ({ name, kind: 'rtsp' as const, url: rtsp.url(i + 1) })),
    );
    const allSay = (word: string) => async () => (await tileStates(page, names)).every((t) => t.includes(word));
    await until('first Live', allSay('Live'), 60_000);

    const before = { ffmpeg: ffmpegChildren(main), rss: rssMb(main) };
    let after10 = before;
    const toOffline: number[] = [];
    const toLive: number[] = [];
    for (let i = 1; i <= CYCLES; i++) {
      await rtsp.stop();
      toOffline.push(await until(`cycle ${i} Offline`, allSay('Offline'), 15_000));
      await rtsp.start();
      toLive.push(await until(`cycle ${i} Live`, allSay('Live'), 30_000));
      if (i === 10) after10 = { ffmpeg: ffmpegChildren(main), rss: rssMb(main) };
    }
    const end = { ffmpeg: ffmpegChildren(main), rss: rssMb(main) };
    const s = (xs: number[], p: number) => `${(percentile(xs, p) / 1000).toFixed(1)} s`;
    printTable(`Camera faults: ${CYCLES} kill/restart cycles of ${CAMERAS} RTSP cameras under a running wall`, [
      ['measure', 'value', 'goal'],
      [
        'Vigil ffmpeg processes: before / after 10 / after all',
        `${before.ffmpeg} / ${after10.ffmpeg} / ${end.ffmpeg}`,
        'constant',
      ],
      [
        "main's memory (RSS): before / after 10 / after all",
        `${before.rss.toFixed(0)} / ${after10.rss.toFixed(0)} / ${end.rss.toFixed(0)} MB`,
        'no growth beyond noise',
      ],
      ['source killed → every tile says Offline (median, max)', `${s(toOffline, 50)}, ${s(toOffline, 100)}`, '≤ 5 s'],
      ['source back → every tile Live (median, max)', `${s(toLive, 50)}, ${s(toLive, 100)}`, '≤ 10 s'],
      ['errors in the page', String(pageErrors.length), '0'],
    ]);
    for (const e of pageErrors.slice(0, 5)) console.log(`  page error: ${e}`);
  } finally {
    await browser.close();
    await shell.stop();
    await rtsp.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
