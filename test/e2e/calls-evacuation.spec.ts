import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { callInPage, expect, signIn, test, disclose } from './fixtures';

const OFFICER = { username: 'demo.officer', passphrase: 'training-officer-2026' };
const ADMIN = { username: 'demo.admin', passphrase: 'training-admin-2026' };
const DETAIL = 'Man shouting at a family by the picture books';

test.use({ demoArgs: ['--demo', '--test-clock'] });

async function signedInAt(page: Page, url: string, who: { username: string; passphrase: string }) {
  await page.goto(url);
  await signIn(page, who.username, who.passphrase);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.getByLabel('Branch filter').selectOption({ label: 'Main Library' });
}

test('a staff call logged with the keyboard, stepped to cleared, and an incident reported from it, linked both ways', async ({
  page,
  vigil,
}) => {
  test.setTimeout(120_000);
  await signedInAt(page, vigil.url, ADMIN);
  // One minute without a responder makes an urgent call an alert here (the default is two).
  await callInPage(page, 'calls.updateAlertSettings', { urgentUnansweredMinutes: 1, openTooLongMinutes: 30 });

  // A, from anywhere on the desk: the form opens at the zone, the branch already the header's.
  await page.locator('body').press('a');
  const form = page.getByRole('form', { name: 'New call' });
  await expect(form.getByLabel('Zone', { exact: true })).toBeFocused();
  await expect(form.getByLabel('Branch', { exact: true })).toHaveValue(/.+/);
  await page.keyboard.type('Lob');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Dis');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowLeft'); // Normal → Urgent
  await page.keyboard.press('Tab');
  await page.keyboard.type("Maria at the children's desk");
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab'); // past "Called by" (Phone)
  await page.keyboard.type(DETAIL);
  await page.keyboard.press('Enter');

  const open = page.getByRole('listbox', { name: 'Open calls' });
  const row = open.getByRole('option', { name: new RegExp(DETAIL) });
  await expect(row).toContainText('Waiting for a responder');
  await expect(row).toContainText('Disturbance · Lobby');
  await expect(page.getByRole('tab', { name: 'Calls (1 open)' })).toBeVisible();
  await expect(open).toBeFocused();

  // Nobody sent for a minute: the urgent alert, and the row says so.
  await callInPage(page, 'system.setTestClock', { advanceMs: 61_000 });
  const alert = page.getByRole('button', { name: /Urgent call, nobody responding: disturbance in Lobby/ });
  await expect(alert).toBeVisible();
  await expect(row).toContainText('NOBODY RESPONDING');

  // R, Enter: the desk person is going; O: on scene; C, the outcome, Enter: cleared.
  await page.keyboard.press('r');
  const responding = page.getByRole('form', { name: 'Who is responding' });
  await expect(responding.getByLabel('Responding', { exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row).toContainText('Responding');
  await expect(alert).toBeHidden();
  await page.keyboard.press('o');
  await expect(row).toContainText('On scene');
  await page.keyboard.press('c');
  const clearing = page.getByRole('form', { name: 'Clear the call' });
  await clearing.getByLabel('Outcome', { exact: true }).selectOption({ label: 'Patron left' });
  await clearing.getByLabel('Note (optional)', { exact: true }).fill('Left by the main door after a warning.');
  await page.keyboard.press('Enter');
  await expect(open).toBeHidden();
  await expect(page.getByRole('tab', { name: 'Calls', exact: true })).toBeVisible();
  const call = page.getByRole('article', { name: /Disturbance · Lobby/ });
  await expect(call.locator('.call-status-line')).toContainText('Cleared');
  await expect(call).toContainText('Patron left');
  await expect(call.getByRole('table', { name: 'Steps of the call' })).toContainText('Dana Administrator');

  // Report incident: a draft with the call's facts, filed, and each side links the other.
  await call.getByRole('button', { name: 'Report incident' }).click();
  const draft = page.getByRole('form', { name: 'Incident report draft' });
  await expect(draft.getByLabel('Summary', { exact: true })).toHaveValue(`Disturbance: ${DETAIL}`);
  await expect(draft.getByLabel('Narrative', { exact: true })).toHaveValue(/Staff call received at .* from Maria/);
  await expect(draft.getByLabel('Actions taken', { exact: true })).toHaveValue(/Patron left/);
  await draft.getByLabel('Rules broken', { exact: true }).selectOption({ index: 1 });
  await draft.getByLabel('Severity', { exact: true }).selectOption('1');
  await draft.getByRole('button', { name: 'Submit report' }).click();
  const submitted = page.getByRole('status').filter({ hasText: /Submitted MAIN-\d{4}-\d{4}/ });
  await expect(submitted).toBeVisible();
  const number = /MAIN-\d{4}-\d{4}/.exec((await submitted.textContent()) ?? '')![0];
  const report = page.getByRole('article', { name: number });
  await expect(report).toContainText('Started from a staff call: Disturbance · Lobby');
  await report.getByRole('button', { name: 'Open the call' }).click();
  await expect(call.getByRole('button', { name: `Open report ${number}` })).toBeVisible();
  await call.getByRole('button', { name: `Open report ${number}` }).click();
  await expect(report).toBeVisible();
});

test('an evacuation drill: started, back on screen after a restart, zones swept by key, headcount, all clear, after-action PDF', async ({
  page,
  vigil,
}) => {
  test.setTimeout(150_000);
  const pdfDir = mkdtempSync(join(tmpdir(), 'vigil-pdf-'));
  try {
    await signedInAt(page, vigil.url, OFFICER);
    await page.getByRole('button', { name: 'Evacuation…', exact: true }).click();
    const start = page.getByRole('alertdialog', { name: 'Start an evacuation' });
    await start.getByLabel('Drill (practice, no emergency)').check();
    await start.getByRole('button', { name: 'Start the drill at Main Library now' }).click();
    const banner = page.getByRole('region', { name: 'DRILL running' });
    await expect(banner).toContainText('Main Library: Evacuation drill');
    await expect(page.getByRole('heading', { name: /DRILL IN PROGRESS/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /DRILL: evacuation drill running at Main Library/ })).toBeVisible();

    // The app restarts mid-drill: the banner is on the sign-in screen, the coordinator's screen right after.
    await vigil.restart();
    await page.goto(vigil.url);
    await expect(page.getByRole('region', { name: 'DRILL running' })).toBeVisible();
    await signIn(page, OFFICER.username, OFFICER.passphrase);
    const screen = page.getByRole('article', { name: /DRILL IN PROGRESS/ });
    await expect(screen).toBeVisible();
    await expect(screen).toContainText('Assembly point: Across Main Street');

    // Every zone swept from the keyboard: C on a zone, Down to the next.
    const sweeps = screen.getByRole('table', { name: 'Zones in sweep order' });
    const zones = await sweeps.locator('.zone-name').count();
    expect(zones).toBeGreaterThan(3);
    await sweeps.locator('.zone-name').first().focus();
    for (let i = 0; i < zones; i++) {
      await page.keyboard.press('c');
      await expect(screen).toContainText(`Zone sweeps: ${i + 1} of ${zones} clear`);
      await page.keyboard.press('ArrowDown');
    }

    await screen.getByRole('button', { name: 'Fire department called…' }).click();
    await screen.getByRole('button', { name: 'Called now' }).click();
    await screen.getByRole('button', { name: /^Arrived — / }).click();
    await expect(screen).toContainText('arrived');

    const headcount = screen.getByRole('form', { name: 'Record a headcount' });
    await headcount.getByRole('radio', { name: 'Olu Officer: Accounted for' }).check();
    await headcount.getByRole('radio', { name: 'Sam Supervisor: Accounted for' }).check();
    await headcount.getByRole('radio', { name: 'Dana Administrator: Not on site' }).check();
    await headcount.getByLabel('Patrons counted', { exact: true }).fill('23');
    await headcount.getByLabel('Visitors counted', { exact: true }).fill('2');
    await headcount.getByRole('button', { name: 'Record headcount' }).click();
    await expect(screen).toContainText('2 staff here; 23 patrons, 2 visitors');

    await screen.getByLabel('Note', { exact: true }).fill('Stairwell B door alarm did not sound');
    await screen.getByRole('button', { name: 'Add note' }).click();
    await expect(screen.getByRole('list').filter({ hasText: 'Stairwell B door alarm' })).toBeVisible();

    await screen.getByRole('button', { name: 'All clear…' }).click();
    const allClear = page.getByRole('alertdialog', { name: 'All clear: end the drill' });
    await allClear.getByLabel('Who gave the all clear', { exact: true }).fill('Sam Supervisor, drill coordinator');
    await allClear.getByRole('button', { name: 'Give the all clear' }).click();
    const ended = page.getByRole('article', { name: /DRILL: ALL CLEAR/ });
    await expect(ended).toBeVisible();
    await expect(page.getByRole('region', { name: 'DRILL running' })).toBeHidden();

    const downloading = page.waitForEvent('download');
    await ended.getByRole('button', { name: 'After-action report (PDF)' }).click();
    await disclose(page, { purpose: 'Drill review with the branch manager' });
    const download = await downloading;
    const pdf = join(pdfDir, download.suggestedFilename());
    await download.saveAs(pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const words of [
      'AFTER-ACTION REPORT',
      'DRILL',
      'Across Main Street',
      `Zones swept clear ${zones} of ${zones}`,
      'Sam Supervisor, drill coordinator',
      'Patrons counted 23',
      'Olu Officer Accounted for',
      'Fire department called',
      'Stairwell B door alarm did not sound',
      'DRILLS AT MAIN LIBRARY',
    ]) {
      expect(text).toContain(words);
    }
    await ended.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('tablist', { name: 'Desk work' })).toBeVisible();
  } finally {
    rmSync(pdfDir, { recursive: true, force: true });
  }
});
