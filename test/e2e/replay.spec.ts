import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEFAULT_FONT } from '../../src/main/demo/test-pattern';
import { startHlsCamera } from '../fixtures/hls-camera';
import { callInPage, createAdministrator, expect, test } from './fixtures';

const CAMERA = 'Main - Lobby';
const WIDTH = 320;
const HEIGHT = 180;
/** The rows of the picture that hold the burned-in label and clock (drawn at the bottom left). */
const CLOCK_ROWS = 44;

/** The clock as the test camera burns it in (ffmpeg's %X: this machine's local time, 24 h). */
const burnedClock = (ms: number) => new Date(ms).toLocaleTimeString('en-GB', { hour12: false });

/** Bright pixels (the white text) of the clock rows: the text alone, whatever the picture beneath its box. */
const textMask = (gray: Uint8Array | number[]) => Array.from(gray, (v) => (v > 170 ? 1 : 0));

/** The clock rows of the label as the camera draws it for a given second, rendered by ffmpeg the same way. */
function referenceClock(ms: number): number[] {
  const text = `${CAMERA.replace(/[^A-Za-z0-9 ._-]/g, '')} ${burnedClock(ms)}`.replace(/:/g, '\\:');
  const raw = execFileSync(
    'ffmpeg',
    [
      ...['-v', 'error', '-f', 'lavfi', '-i', `color=black:size=${WIDTH}x${HEIGHT}`, '-frames:v', '1'],
      '-vf',
      `drawtext=fontfile=${DEFAULT_FONT}:text='${text}'` +
        ':fontsize=22:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=6:x=12:y=h-th-12',
      ...['-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'],
    ],
    { maxBuffer: 1024 * 1024 },
  );
  return textMask(raw.subarray((HEIGHT - CLOCK_ROWS) * WIDTH));
}

/** The replayed picture's clock rows, grey, read from the video element as it is on screen. */
async function replayedClock(page: Page): Promise<number[]> {
  const gray = await page.locator('video.replay-video').evaluate(
    (video: HTMLVideoElement, [w, h, rows]) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const g = canvas.getContext('2d')!;
      g.drawImage(video, 0, 0, w, h);
      const { data } = g.getImageData(0, h - rows, w, rows);
      const out: number[] = [];
      for (let i = 0; i < data.length; i += 4)
        out.push(Math.round(0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!));
      return out;
    },
    [WIDTH, HEIGHT, CLOCK_ROWS] as const,
  );
  return textMask(gray);
}

/** Which second, of those around `aroundMs`, the picture's burned-in clock shows (the closest rendering of it). */
function readClock(mask: number[], aroundMs: number): number {
  let best = { ms: aroundMs, differ: Infinity };
  for (let s = -4; s <= 4; s++) {
    const ms = aroundMs + s * 1000;
    const ref = referenceClock(ms);
    const differ = ref.reduce((n, v, i) => n + (v === mask[i] ? 0 : 1), 0);
    if (differ < best.differ) best = { ms, differ };
  }
  return best.ms;
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

test('replay 30 s back shows that moment (the picture’s own clock), bookmark it, cut a clip into a new report, submit, export evidence that sha256sum checks', async ({
  page,
  vigil,
}) => {
  // Not a skip: without the font the clock camera cannot burn its time in, and this test must say so (.ci/run installs it).
  expect(existsSync(DEFAULT_FONT), 'the clock camera needs fonts-dejavu-core (apt-get install fonts-dejavu-core)').toBe(
    true,
  );
  test.setTimeout(180_000);
  const camera = await startHlsCamera({ label: CAMERA, size: `${WIDTH}x${HEIGHT}`, fps: 10 });
  const exportDir = mkdtempSync(join(tmpdir(), 'vigil-evidence-'));
  try {
    await camera.waitForSegments(2);
    await createAdministrator(page, vigil.url);
    await callInPage(page, 'branches.add', { name: 'Main Library', code: 'MAIN', address: '', timeZone: 'UTC' });
    const file = { cameras: [{ name: CAMERA, branch: 'MAIN', zone: 'Lobby', kind: 'hls', url: camera.url }] };
    await callInPage(page, 'cameras.import', { json: JSON.stringify(file) });
    const tile = page.getByRole('region', { name: CAMERA, exact: true });
    await expect(tile).toContainText('Live', { timeout: 15_000 });

    // The buffer fills from the moment the camera is added: 40 s of it, so 30 s back is kept.
    await expect
      .poll(
        async () => {
          const s = await callInPage<{ cameras: { from: string | null; to: string | null }[] }>(
            page,
            'recording.status',
            {},
          );
          const c = s.cameras[0];
          return c?.from && c.to ? Date.parse(c.to) - Date.parse(c.from) : 0;
        },
        { timeout: 70_000, intervals: [2_000] },
      )
      .toBeGreaterThan(40_000);

    // R on the tile: the large tile says REPLAY, with the time it shows, about 30 s ago.
    await tile.focus();
    const pressed = Date.now();
    await page.keyboard.press('r');
    const replay = page.getByRole('region', { name: `REPLAY of ${CAMERA}` });
    await expect(replay).toBeVisible();
    await expect(replay).toHaveAttribute('data-shown', 'true', { timeout: 10_000 });
    // The wall keeps playing live beneath it.
    await expect(page.getByRole('group', { name: 'Live cameras' }).getByRole('region', { name: CAMERA })).toContainText(
      'Live',
    );

    // Paused, the moment on screen is fixed: the banner's time and the picture's own clock agree.
    await page.keyboard.press('Space');
    await expect(replay).toContainText('Paused');
    const shownAt = replay.locator('.replay-when time');
    let shownMs = 0;
    await expect
      .poll(async () => {
        const before = Date.parse((await shownAt.getAttribute('datetime')) ?? '');
        await page.waitForTimeout(300);
        shownMs = Date.parse((await shownAt.getAttribute('datetime')) ?? '');
        return before === shownMs;
      })
      .toBe(true);
    expect(pressed - shownMs).toBeGreaterThan(27_000);
    expect(pressed - shownMs).toBeLessThan(34_000);
    await page.screenshot({ path: test.info().outputPath('replay-view.png') });
    const pictureMs = readClock(await replayedClock(page), shownMs);
    expect(Math.abs(pictureMs - shownMs)).toBeLessThanOrEqual(1_500);

    // B: the moment bookmarked, with a note typed straight away.
    await page.keyboard.press('b');
    const note = page.getByRole('textbox', { name: /Note for the bookmark/ });
    await expect(note).toBeFocused();
    await note.fill('Man in a red coat takes a bag from the returns cart');
    await page.keyboard.press('Enter');
    const tray = page.getByRole('region', { name: 'Bookmarks this shift' });
    await expect(tray).toContainText('Man in a red coat');
    const timeline = page.getByRole('slider', { name: `Replay timeline of ${CAMERA}` });
    await expect(page.locator('.timeline [title^="Bookmark"]').first()).toBeAttached();

    // In here, 10 s on, out there; the clip is cut and a new report takes it, Started filled.
    await replay.focus();
    await page.keyboard.press('i');
    await expect(replay.getByRole('button', { name: /^Mark in \d/ })).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('o');
    await expect(replay.getByRole('button', { name: /^Mark out \d/ })).toBeVisible();
    await replay.getByRole('button', { name: 'Add clip to report' }).click();
    await expect(replay.getByRole('status')).toContainText('added to the report', { timeout: 20_000 });
    const form = page.getByRole('form', { name: 'Incident report draft' });
    const attached = form.getByRole('list', { name: 'Attached' });
    await expect(attached).toContainText(`Video clip: ${CAMERA}`);
    await expect(form.getByLabel('Started', { exact: true })).not.toHaveValue('');
    await expect(form.getByLabel('Branch', { exact: true })).toHaveValue(/.+/);
    await expect(timeline).toBeVisible();
    await form.getByRole('list', { name: 'Attached' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('evidence-editor.png') });

    // Back to live with Esc; the report is written and filed.
    await replay.focus();
    await page.keyboard.press('Escape');
    await expect(replay).toHaveCount(0);
    await form.getByLabel('Summary', { exact: true }).fill('Bag taken from the returns cart');
    await form.getByLabel('Narrative', { exact: true }).fill('Seen on replay: a man in a red coat took a bag.');
    await form.getByLabel('Rules broken', { exact: true }).selectOption({ index: 1 });
    await form.getByLabel('Severity', { exact: true }).selectOption('2');
    await form.getByLabel('Actions taken', { exact: true }).fill('Watched the replay, kept the clip, called police.');
    await form.getByRole('button', { name: 'Submit report' }).click();
    const submitted = page.getByRole('status').filter({ hasText: /Submitted MAIN-\d{4}-\d{4}/ });
    await expect(submitted).toBeVisible();
    const number = /MAIN-\d{4}-\d{4}/.exec((await submitted.textContent()) ?? '')![0];
    const report = page.getByRole('article', { name: number });
    await expect(report.getByRole('button', { name: /^Play clip/ })).toBeVisible();

    // From the report's camera reference, by keyboard: replay opens at the incident's time (the
    // clip's in point) in the large tile, and Esc brings the keyboard back to the report.
    const fromReport = report.getByRole('button', { name: new RegExp(`^Replay ${CAMERA} from \\d\\d:\\d\\d:\\d\\d$`) });
    await expect(fromReport.first()).toBeVisible();
    await fromReport.first().focus();
    await page.keyboard.press('Enter');
    await expect(replay).toBeFocused();
    await expect(replay).toHaveAttribute('data-shown', 'true', { timeout: 10_000 });
    await page.keyboard.press('Space');
    await expect(replay).toContainText('Paused');
    const reportMoment = Date.parse((await shownAt.getAttribute('datetime')) ?? '');
    expect(Math.abs(reportMoment - shownMs)).toBeLessThan(3_000);
    await page.screenshot({ path: test.info().outputPath('replay-from-report.png') });
    await page.keyboard.press('Escape');
    await expect(replay).toHaveCount(0);
    await expect(fromReport.first()).toBeFocused();

    // Export evidence: a purpose, a folder; the files and a manifest that sha256sum checks.
    await report.getByRole('button', { name: 'Export evidence…' }).click();
    const dialog = page.getByRole('dialog', { name: `Export evidence of ${number}` });
    // The Disclose step is part of this dialog: police is the default basis here.
    await expect(dialog.getByLabel('Purpose', { exact: true })).toBeFocused();
    await dialog.getByLabel('Purpose', { exact: true }).fill('Requested by Officer Diaz, case 26-1234');
    await dialog.getByLabel('Given to', { exact: true }).fill('Officer Diaz, Madison PD');
    await dialog.getByLabel('Case number', { exact: true }).fill('26-1234');
    await dialog.getByLabel('Folder', { exact: true }).fill(exportDir);
    if (process.env.VIGIL_SHOTS) await page.screenshot({ path: `${process.env.VIGIL_SHOTS}/evidence-dialog.png` });
    await dialog.getByRole('button', { name: 'Export evidence' }).click();
    const done = page.getByRole('dialog', { name: `Evidence of ${number} exported` });
    await expect(done).toBeVisible({ timeout: 20_000 });
    const folder = (await done.locator('code.evidence-folder').textContent())!;
    expect(folder.startsWith(exportDir)).toBe(true);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' })).not.toMatch(/FAILED/);
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as {
      report: { number: string; journalHash: string | null };
      purpose: string;
      files: { name: string; sha256: string; kind: string; camera: string | null; from: string | null }[];
    };
    expect(manifest.report.number).toBe(number);
    expect(manifest.report.journalHash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.purpose).toContain('Officer Diaz');
    const clip = manifest.files.find((f) => f.kind === 'clip');
    expect(clip?.camera).toBe(CAMERA);
    expect(manifest.files.some((f) => f.kind === 'report')).toBe(true);
    for (const f of manifest.files) expect(sha256(join(folder, f.name))).toBe(f.sha256);
    await expect(done).toContainText(clip!.sha256);
    await page.keyboard.press('Escape');
    await expect(done).toHaveCount(0);

    // With recording turned off, the report's Replay says so in words, beside the button, and the wall stays live.
    const cameraId = (await callInPage<{ cameras: { cameraId: string }[] }>(page, 'recording.status', {})).cameras[0]!
      .cameraId;
    await callInPage(page, 'recording.setMinutes', { cameraId, minutes: 0 });
    await fromReport.first().click();
    await expect(report.getByRole('status').filter({ hasText: /^Recording is off for Main - Lobby/ })).toContainText(
      'An administrator can turn it on in Settings → Cameras.',
    );
    await expect(replay).toHaveCount(0);
    await fromReport.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('replay-from-report-off.png') });
  } finally {
    await camera.close();
    rmSync(exportDir, { recursive: true, force: true });
  }
});
