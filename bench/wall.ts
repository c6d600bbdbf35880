import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { startHlsCamera, type HlsCamera } from '../test/fixtures/hls-camera';
import { startRtspCameras } from '../test/fixtures/rtsp-cameras';
import { startWebShellProcess, type WebShellProcess } from '../test/helpers/web-shell-process';
import { CHROMIUM_ARGS as BASE_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium';
import { addCameras, createAdministrator } from './desk';
import { percentile, printTable } from './stats';
import { startBaselinePage } from './wall-pages';

// Tiles autoplay without a click, as they do in the desk's window.
const CHROMIUM_ARGS = [...BASE_ARGS, '--autoplay-policy=no-user-gesture-required'];
const CAMERAS = Number(process.env.VIGIL_BENCH_CAMERAS ?? 16);
const MEASURE_S = Number(process.env.VIGIL_BENCH_MEASURE_SECONDS ?? 60);
const SOAK_S = Number(process.env.VIGIL_BENCH_SOAK_SECONDS ?? 600);
const RTSP_CAMERAS = 9;

interface WallFigures {
  latencies: number[];
  droppedPct: number;
  cpuSeconds: number;
  /** Rebuffering stalls ('waiting' while not seeking) and jumps (seeks) over the window, all tiles. */
  stalls: number;
  jumps: number;
}

/** CPU seconds used by every renderer process so far (Chromium's own accounting). */
async function rendererCpu(browserCdp: CDPSession): Promise<number> {
  const info = (await browserCdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; cpuTime: number }[];
  };
  return info.processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
}

const playback = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('video')].reduce(
      (acc, v) => {
        const q = v.getVideoPlaybackQuality();
        return { dropped: acc.dropped + q.droppedVideoFrames, total: acc.total + q.totalVideoFrames };
      },
      { dropped: 0, total: 0 },
    ),
  );

/** Samples latency every 2 s and CPU/frames over the window, once every tile plays. */
async function measure(page: Page, cdp: CDPSession, latencies: () => Promise<(number | null)[]>): Promise<WallFigures> {
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('video')].filter((v) => v.currentTime > 1).length >= n,
    CAMERAS,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(10_000); // settle: catch-up and buffer shaping
  await page.evaluate(() => {
    const w = window as unknown as { benchEvents: { stalls: number; jumps: number } };
    w.benchEvents = { stalls: 0, jumps: 0 };
    for (const v of document.querySelectorAll('video')) {
      v.addEventListener('waiting', () => !v.seeking && w.benchEvents.stalls++);
      v.addEventListener('seeking', () => w.benchEvents.jumps++);
    }
  });
  const cpu0 = await rendererCpu(cdp);
  const q0 = await playback(page);
  const samples: number[] = [];
  const t0 = Date.now();
  while (Date.now() - t0 < MEASURE_S * 1000) {
    for (const l of await latencies()) if (l !== null) samples.push(l);
    await page.waitForTimeout(2000);
  }
  const cpu1 = await rendererCpu(cdp);
  const q1 = await playback(page);
  const frames = q1.total - q0.total;
  const events = await page.evaluate(
    () => (window as unknown as { benchEvents: { stalls: number; jumps: number } }).benchEvents,
  );
  return {
    ...events,
    latencies: samples,
    droppedPct: frames > 0 ? (100 * (q1.dropped - q0.dropped)) / frames : NaN,
    cpuSeconds: cpu1 - cpu0,
  };
}

/** Per-tile median latency, then the median and spread across tiles. */
function tileStats(perTile: number[][]): { median: number; spread: number } {
  const medians = perTile.filter((s) => s.length).map((s) => percentile(s, 50));
  return { median: percentile(medians, 50), spread: Math.max(...medians) - Math.min(...medians) };
}

async function baseline(browser: Browser, cdp: CDPSession, cams: HlsCamera[]) {
  const server = await startBaselinePage(cams.map((c) => c.url));
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(server.url);
  const perTile: number[][] = cams.map(() => []);
  const figures = await measure(page, cdp, async () => {
    const l = await page.evaluate(() => (window as unknown as { latencies(): (number | null)[] }).latencies());
    l.forEach((v, i) => v !== null && perTile[i]!.push(v));
    return l;
  });
  await page.close();
  await server.close();
  return { ...figures, ...tileStats(perTile) };
}

async function signedInDesk(browser: Browser, shell: WebShellProcess): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await createAdministrator(page, shell.url);
  return page;
}

/** Vigil's own wall: the web shell, the real desk page, 4×4. */
async function vigil(browser: Browser, cdp: CDPSession, cams: HlsCamera[]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-bench-wall-'));
  const shell = await startWebShellProcess(['--data', dataDir, '--port', '0'], undefined, { checkOutputs: false });
  const page = await signedInDesk(browser, shell);
  await addCameras(
    page,
    cams.map((c, i) => ({ name: `Camera ${String(i + 1).padStart(2, '0')}`, kind: 'hls' as const, url: c.url })),
  );
  await page.getByRole('radio', { name: '4 × 4' }).click();
  const names = cams.map((_, i) => `Camera ${String(i + 1).padStart(2, '0')}`);
  const perTile: number[][] = cams.map(() => []);
  // What the person reads on each tile ("1.2 s behind"), found by its accessible name. One
  // evaluate reads all sixteen: Playwright's role engine, run per tile every 2 s, walks the
  // whole page each time and would itself cost the renderer more than the wall does.
  await page.getByRole('region', { name: names[0]!, exact: true }).waitFor();
  const readTiles = async () => {
    const byName = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll<HTMLElement>('[role="region"][aria-labelledby]')].map((el) => [
          document.getElementById(el.getAttribute('aria-labelledby')!)?.textContent ?? '',
          el.innerText,
        ]),
      ),
    );
    return names.map((n, i) => {
      const m = /(\d+(?:\.\d+)?) s behind/.exec(byName[n] ?? '');
      const v = m ? Number(m[1]) : null;
      if (v !== null) perTile[i]!.push(v);
      return v;
    });
  };
  const figures = await measure(page, cdp, readTiles);

  // Heap over a long watch: garbage collected before each reading.
  const pageCdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await pageCdp.send('HeapProfiler.collectGarbage');
    const m = (await pageCdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return m.metrics.find((x) => x.name === 'JSHeapUsedSize')!.value;
  };
  await pageCdp.send('Performance.enable');
  const heap0 = await heap();
  await page.waitForTimeout(SOAK_S * 1000);
  const heap1 = await heap();
  await page.close();
  await shell.stop();
  rmSync(dataDir, { recursive: true, force: true });
  return { ...figures, ...tileStats(perTile), heap0, heap1 };
}

/** CPU per ffmpeg remux (-c copy) process, RTSP_CAMERAS cameras for 30 s, from /proc. */
async function rtspRemux(browser: Browser): Promise<{ perProcess: number[]; count: number }> {
  const rtsp = await startRtspCameras({ count: RTSP_CAMERAS, size: '640x360', fps: 15 });
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-bench-rtsp-'));
  const shell = await startWebShellProcess(['--data', dataDir, '--port', '0'], undefined, { checkOutputs: false });
  const page = await signedInDesk(browser, shell);
  await addCameras(
    page,
    Array.from({ length: RTSP_CAMERAS }, (_, i) => ({
      name: `RTSP ${i + 1}`,
      kind: 'rtsp' as const,
      url: rtsp.url(i + 1),
    })),
  );
  await page.close(); // only main's remux is measured
  await new Promise((r) => setTimeout(r, 10_000));
  // The remuxes are the web shell's own ffmpeg children (their command line names no camera).
  const pids = execFileSync('pgrep', ['-P', String(shell.process.pid), 'ffmpeg'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map(Number);
  const ticks = (pid: number) => {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(f[11]) + Number(f[12]); // utime + stime, in clock ticks
  };
  const before = pids.map(ticks);
  await new Promise((r) => setTimeout(r, 30_000));
  const hz = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
  const perProcess = pids.map((p, i) => (100 * (ticks(p) - before[i]!)) / hz / 30);
  await shell.stop();
  await rtsp.close();
  rmSync(dataDir, { recursive: true, force: true });
  return { perProcess, count: pids.length };
}

export async function benchWall(): Promise<void> {
  const cams = await Promise.all(
    Array.from({ length: CAMERAS }, (_, i) => startHlsCamera({ label: `cam${i + 1}`, size: '640x360', fps: 15 })),
  );
  await Promise.all(cams.map((c) => c.waitForSegments(3, 30_000)));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const cdp = await browser.newBrowserCDPSession();
  try {
    const base = await baseline(browser, cdp, cams);
    const ours = await vigil(browser, cdp, cams);
    const s = (n: number) => `${n.toFixed(2)} s`;
    printTable(`Camera wall, ${CAMERAS} cameras 360p15, 1 s segments, 4×4, ${MEASURE_S} s window`, [
      ['measure (goal)', 'Vigil', 'baseline: default hls.js'],
      ['median latency behind live (≤ 1.5 s)', s(ours.median), s(base.median)],
      ['spread most–least delayed tile (≤ 0.5 s)', s(ours.spread), s(base.spread)],
      ['dropped frames (< 0.5%)', `${ours.droppedPct.toFixed(2)}%`, `${base.droppedPct.toFixed(2)}%`],
      [
        'rebuffering stalls / jumps forward, all tiles',
        `${ours.stalls} / ${ours.jumps}`,
        `${base.stalls} / ${base.jumps}`,
      ],
      [
        'renderer CPU (≤ 1.2× baseline)',
        `${ours.cpuSeconds.toFixed(1)} s (${(ours.cpuSeconds / base.cpuSeconds).toFixed(2)}×)`,
        `${base.cpuSeconds.toFixed(1)} s`,
      ],
      [
        `JS heap growth over ${Math.round(SOAK_S / 60)} min (≤ 10%)`,
        `${((100 * (ours.heap1 - ours.heap0)) / ours.heap0).toFixed(1)}% (${(ours.heap0 / 1e6).toFixed(1)} → ${(ours.heap1 / 1e6).toFixed(1)} MB)`,
        '',
      ],
    ]);
  } finally {
    await Promise.all(cams.map((c) => c.close()));
  }
  try {
    const remux = await rtspRemux(browser);
    printTable(`RTSP remux (ffmpeg -c copy), ${RTSP_CAMERAS} cameras 640×360 15 fps, 30 s`, [
      ['processes', 'CPU per process (median)', 'max'],
      [
        String(remux.count),
        `${percentile(remux.perProcess, 50).toFixed(1)}% of a core`,
        `${Math.max(...remux.perProcess).toFixed(1)}%`,
      ],
    ]);
  } finally {
    await browser.close();
  }
}
