import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { startHlsCamera } from '../fixtures/hls-camera';
import { EXIF_GPS, ffmpegJpeg, withSegments } from '../helpers/jpeg';
import {
  ADMIN,
  callInPage,
  createAdministrator,
  expect,
  openReport,
  signIn,
  switchTo,
  test,
  disclose,
} from './fixtures';

const OFFICER = { name: 'Olu Officer', username: 'olu', role: 'officer', passphrase: 'officer passphrase' };
const SUPERVISOR = { name: 'Sam Supervisor', username: 'sam', role: 'supervisor', passphrase: 'supervisor phrase' };
const CAMERA = 'Main - Lobby';
/** A word no seeded text has, so the search can only find it in this report's narrative. */
const WORD = 'zanzibarite';
const REASON = 'Added the exact words the patron used';

/** "2026-11-28T19:12" half an hour ago, as a UTC branch's clock reads it. */
const halfHourAgo = () => new Date(Date.now() - 30 * 60_000).toISOString().slice(0, 16);

test('a report from a camera tile: snapshot attached, submitted, returned, amended, approved, found by a word, exported as PDF', async ({
  page,
  vigil,
}) => {
  test.setTimeout(90_000);
  const camera = await startHlsCamera({ label: CAMERA, size: '320x180', fps: 10 });
  const pdfDir = mkdtempSync(join(tmpdir(), 'vigil-pdf-'));
  try {
    await camera.waitForSegments(2);
    await createAdministrator(page, vigil.url);
    await callInPage(page, 'branches.add', { name: 'Main Library', code: 'MAIN', address: '', timeZone: 'UTC' });
    const file = { cameras: [{ name: CAMERA, branch: 'MAIN', zone: 'Lobby', kind: 'hls', url: camera.url }] };
    await callInPage(page, 'cameras.import', { json: JSON.stringify(file) });
    for (const s of [OFFICER, SUPERVISOR]) await callInPage(page, 'staff.add', s);

    // The officer sees something on camera and reports it from the tile.
    await switchTo(page, OFFICER);
    const tile = page.getByRole('region', { name: CAMERA, exact: true });
    await expect(tile).toContainText('Live', { timeout: 15_000 });
    await tile.getByRole('button', { name: `Report incident from ${CAMERA}` }).click();
    const form = page.getByRole('form', { name: 'Incident report draft' });
    await expect(form.getByLabel('Summary', { exact: true })).toBeFocused();
    const { snapshots } = await callInPage<{ snapshots: { sha256: string }[] }>(page, 'snapshots.list', {});
    await expect(form.getByRole('list', { name: 'Attached' })).toContainText(snapshots[0]!.sha256);
    await expect(form.getByLabel('Branch', { exact: true })).toHaveValue(/.+/);

    await form.getByLabel('Summary', { exact: true }).fill('Patron shouted at staff near the lobby desk');
    await form.getByLabel('Narrative', { exact: true }).fill(`The patron shouted and waved a ${WORD} rock at staff.`);
    await form.getByLabel('Rules broken', { exact: true }).selectOption({ index: 1 });
    await form.getByLabel('Severity', { exact: true }).selectOption('2');
    await form.getByLabel('Started', { exact: true }).fill(halfHourAgo());

    // Submitting without "Actions taken": refused at that field, the cursor put there, nothing lost.
    await form.getByRole('button', { name: 'Submit report' }).click();
    const actions = form.getByLabel('Actions taken', { exact: true });
    await expect(actions).toHaveAttribute('aria-invalid', 'true');
    await expect(actions).toBeFocused();
    await expect(page.getByRole('alert').filter({ hasText: 'Not submitted' })).toBeVisible();
    await expect(form.getByLabel('Narrative', { exact: true })).toHaveValue(new RegExp(WORD));
    await actions.fill('Asked the patron to calm down; they left at 19:20.');
    await form.getByRole('button', { name: 'Submit report' }).click();
    const submitted = page.getByRole('status').filter({ hasText: /Submitted MAIN-\d{4}-\d{4}/ });
    await expect(submitted).toBeVisible();
    const number = /MAIN-\d{4}-\d{4}/.exec((await submitted.textContent()) ?? '')![0];
    const report = page.getByRole('article', { name: number });
    await expect(report).toContainText('Submitted');
    await expect(report).toContainText(snapshots[0]!.sha256);

    // The supervisor returns it with a comment.
    await switchTo(page, SUPERVISOR);
    await openReport(page, number);
    await report.getByRole('button', { name: 'Return with comment' }).click();
    await page.getByLabel('What should be corrected', { exact: true }).fill('Write down what the patron said.');
    await page.getByRole('button', { name: 'Return report' }).click();
    await expect(report.locator('.status-line')).toContainText('Returned');

    // The officer amends it with a reason.
    await switchTo(page, OFFICER);
    await openReport(page, number);
    await expect(report).toContainText('Write down what the patron said.');
    await report.getByRole('button', { name: 'Amend' }).click();
    const amend = page.getByRole('form', { name: `Amend ${number}` });
    await amend.getByLabel('Reason for the amendment', { exact: true }).fill(REASON);
    await amend
      .getByLabel('Narrative', { exact: true })
      .fill(`The patron shouted "get out of my way" and waved a ${WORD} rock at staff.`);
    await amend.getByRole('button', { name: 'Save amendment' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Amended ${number}` })).toBeVisible();
    await expect(report).toContainText(REASON);

    // The supervisor approves.
    await switchTo(page, SUPERVISOR);
    await openReport(page, number);
    await report.getByRole('button', { name: 'Approve' }).click();
    await expect(report.locator('.status-line')).toContainText('Approved');

    // The search finds it by a word of the narrative, the word marked.
    await page.getByRole('button', { name: 'Back to the list of reports' }).click();
    await page.locator('body').press('/');
    await expect(page.getByRole('searchbox', { name: 'Search reports' })).toBeFocused();
    await page.keyboard.type(WORD);
    const row = page.getByRole('option', { name: new RegExp(number) });
    await expect(row.locator('mark')).toHaveText(WORD);

    // Export PDF: the file police take holds the number, the narrative and the amendment.
    await row.click();
    const downloading = page.waitForEvent('download');
    await report.getByRole('button', { name: 'Export PDF' }).click();
    // Police are the PDF's usual taker: that basis is the default, with the case number the officer gave.
    await disclose(page, {
      purpose: 'Investigating the incident at the library',
      recipient: 'Officer Diaz, Madison PD',
      caseNumber: '26-1234',
    });
    const download = await downloading;
    const pdf = join(pdfDir, download.suggestedFilename());
    await download.saveAs(pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(number);
    expect(text).toContain(WORD);
    expect(text).toContain(REASON);
  } finally {
    await camera.close();
    rmSync(pdfDir, { recursive: true, force: true });
  }
});

test('text typed in a new report survives a reload, with an image file attached and a non-image refused', async ({
  page,
  vigil,
}) => {
  await createAdministrator(page, vigil.url);
  await callInPage(page, 'branches.add', { name: 'Main Library', code: 'MAIN', address: '', timeZone: 'UTC' });
  await page.getByRole('button', { name: 'New report' }).click();
  const form = page.getByRole('form', { name: 'Incident report draft' });
  const typed = 'Two patrons argued over a computer — café, ñandú, 🙂';
  await form.getByLabel('Summary', { exact: true }).fill(typed);
  await form.getByLabel('Narrative', { exact: true }).fill('Nothing typed here may be lost.');

  // A photo from disk (its Exif stripped, so its hash is the plain JPEG's) and a text file dressed as one.
  const jpeg = ffmpegJpeg(64, 48);
  const sha256 = createHash('sha256').update(jpeg).digest('hex');
  await form.getByLabel('Attach image files').setInputFiles([
    { name: 'IMG_0042.jpg', mimeType: 'image/jpeg', buffer: withSegments(jpeg, EXIF_GPS) },
    { name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a picture at all') },
  ]);
  const attached = form.getByRole('list', { name: 'Attached' });
  await expect(attached).toContainText(sha256);
  await expect(attached).toContainText('64 × 48 px');
  await expect(form.getByRole('alert').filter({ hasText: 'notes.jpg' })).toContainText(
    'notes.jpg: This file is not a JPEG or PNG image.',
  );
  await expect(form.getByLabel('Summary', { exact: true })).toHaveValue(typed);
  await expect(form.getByRole('status').filter({ hasText: /^Saved \d\d:\d\d:\d\d$/ })).toBeVisible();

  await page.reload();
  await signIn(page, ADMIN.username, ADMIN.passphrase);
  await page.getByRole('button', { name: 'Drafts (1)' }).click();
  await page.getByRole('button', { name: `Open draft ${typed}` }).click();
  await expect(page.getByLabel('Summary', { exact: true })).toHaveValue(typed);
  await expect(page.getByLabel('Narrative', { exact: true })).toHaveValue('Nothing typed here may be lost.');
  // The reopened draft still shows the picture (served by the media path) and its full SHA-256.
  const picture = page.getByRole('list', { name: 'Attached' }).getByRole('img');
  await expect(page.getByRole('list', { name: 'Attached' })).toContainText(sha256);
  await expect(picture).toHaveAttribute('src', new RegExp(`/attachments/${sha256}\\.jpg$`));
  await picture.scrollIntoViewIfNeeded(); // lazy: it loads once on screen
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
});
