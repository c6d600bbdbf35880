import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { startMailServer } from '../helpers/smtp';
import { expect, signIn, test, disclose } from './fixtures';

test.use({ demoArgs: ['--demo'] });

const ADMIN = { username: 'demo.admin', passphrase: 'training-admin-2026' };
const OFFICER = { username: 'demo.officer', passphrase: 'training-officer-2026' };
const SUPERVISOR = { username: 'demo.supervisor', passphrase: 'training-super-2026' };
const NOTE = 'The side gate padlock is broken: facilities come at 8 tomorrow.';
const SHOTS = process.env.VIGIL_SHOTS;

async function signInAs(page: Page, who: { username: string; passphrase: string }) {
  await signIn(page, who.username, who.passphrase);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

async function pdfOf(page: Page, dir: string, press: () => Promise<void>): Promise<string> {
  const downloading = page.waitForEvent('download');
  await press();
  const download = await downloading;
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
};

/** What a person at the desk sees of `target`, on a laptop and on a desk monitor (the panel scrolled to it). */
const shotsOf = async (page: Page, name: string, target: Locator) => {
  if (!SHOTS) return;
  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await target.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`) });
  }
};

test('a shift: pass-on note acknowledged by the next person, a voicemail called back, a referral card, the day’s report emailed', async ({
  page,
  vigil,
}) => {
  test.setTimeout(240_000);
  const mail = await startMailServer({ username: 'vigil', password: 'mail secret 42' });
  const pdfDir = mkdtempSync(join(tmpdir(), 'vigil-shift-pdf-'));
  try {
    await page.goto(vigil.url);

    // An administrator sets the mail server in Settings → Email; a recipient that is not an address is refused at the field.
    await signInAs(page, ADMIN);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Email' }).click();
    const form = page.getByRole('form', { name: 'Mail server' });
    await form.getByLabel('Mail server', { exact: true }).fill('127.0.0.1');
    await form.getByLabel('Port', { exact: true }).fill(String(mail.port));
    await form.getByLabel('Security', { exact: true }).selectOption('none');
    await form.getByLabel('User name', { exact: true }).fill('vigil');
    await form.getByLabel('Password', { exact: true }).fill('mail secret 42');
    await form.getByLabel('Send from', { exact: true }).fill('desk@library.org');
    const recipients = form.getByLabel('Send reports to (one address a line)', { exact: true });
    await recipients.fill('manager at library');
    await recipients.blur();
    await expect(form.getByText('manager at library: One address only')).toBeVisible();
    await recipients.fill('manager@library.org');
    await form.getByRole('button', { name: 'Save email settings' }).click();
    await expect(form.getByRole('status').filter({ hasText: 'Email settings saved.' })).toBeVisible();
    await expect(form.getByText('A password is kept.')).toBeVisible();
    await expect(form.getByLabel('Password', { exact: true })).toHaveValue('');
    await shot(page, 'settings-email');
    await page.getByRole('tab', { name: 'Community services' }).click();
    await expect(page.getByRole('button', { name: 'Edit Harbor House Shelter' })).toBeVisible();
    await shot(page, 'settings-resources');
    await page.getByRole('button', { name: 'Close settings' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();

    // The officer starts a shift at Main Library.
    await signInAs(page, OFFICER);
    await page.getByRole('tab', { name: /^Shift/ }).click();
    const panel = page.locator('.shift-panel');
    await panel.getByLabel('Where', { exact: true }).selectOption({ label: 'Main Library' });
    await panel.getByRole('button', { name: 'Start shift' }).click();
    await expect(panel.getByRole('heading', { name: /On shift at Main Library since \d\d:\d\d/ })).toBeVisible();

    // A note to pass on, then a voicemail with a callback: a number that is not one is refused at the field.
    await panel.getByRole('radio', { name: 'Pass on' }).check();
    await panel.getByLabel('What the next shift should know').fill(NOTE);
    await panel.getByRole('button', { name: 'Pass on to the next shift' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Pass on added to the log.' })).toBeVisible();
    const log = panel.getByRole('list', { name: 'Log entries' });
    await expect(log.getByText(NOTE)).toBeVisible();

    // L from anywhere puts the cursor in the entry.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('l');
    await expect(panel.getByLabel('What the next shift should know')).toBeFocused();
    await panel.getByRole('radio', { name: 'Voicemail' }).check();
    await panel.getByLabel('From', { exact: true }).fill('Jordan Whitfield');
    const number = panel.getByLabel('Callback number');
    await number.fill('call me');
    await number.blur();
    await expect(panel.getByText('A phone number uses digits, spaces, ( ) - . and + only')).toBeVisible();
    await number.fill('608-555-0177');
    await panel.getByRole('checkbox', { name: 'Callback needed' }).check();
    await panel.getByLabel('Message', { exact: true }).fill('Left her reading glasses in the study room; please call.');
    // The unfinished entry is kept in main as it is typed: a reload (and signing in again) brings it back.
    await expect(panel.getByRole('status').filter({ hasText: /^Saved \d\d:\d\d/ })).toBeVisible();
    await page.reload();
    await signInAs(page, OFFICER);
    await expect(panel.getByText('Your unfinished entry was kept: it is back here, as you left it.')).toBeVisible();
    await expect(panel.getByLabel('From', { exact: true })).toHaveValue('Jordan Whitfield');
    await expect(panel.getByLabel('Message', { exact: true })).toHaveValue(
      'Left her reading glasses in the study room; please call.',
    );
    await panel.getByLabel('Message', { exact: true }).press('Control+Enter');
    await expect(panel.getByRole('status').filter({ hasText: 'Voicemail added to the log.' })).toBeVisible();
    const voicemail = log.getByRole('listitem').filter({ hasText: 'Jordan Whitfield' });
    await expect(voicemail.getByText('Callback still to make')).toBeVisible();
    await shot(page, 'shift-log');
    await voicemail.getByRole('button', { name: 'Mark callback done: Jordan Whitfield' }).click();
    await expect(voicemail.getByText(/Callback done by Olu Officer at \d\d:\d\d/)).toBeVisible();

    // A note linked, with the keyboard, to a report found by its number and a person found by the desk's search.
    const LINKED = 'Marcus came back to the lobby; reminded him of the ban.';
    await panel.getByRole('textbox', { name: 'Note' }).fill(LINKED);
    await panel.getByRole('button', { name: 'Link a report, call or person…' }).click();
    const picker = panel.getByRole('group', { name: 'Link the entry' });
    const search = picker.getByRole('combobox', { name: /^Find a/ });
    await expect(search).toBeFocused();
    const recent = picker.getByRole('listbox', { name: 'Reports to link' }).getByRole('option');
    await expect(recent.first()).toBeVisible();
    const reportNumber = ((await recent.first().locator('strong').textContent()) ?? '').trim();
    expect(reportNumber).toMatch(/^[A-Z]+-\d{4}-\d{4}$/);
    // Typed without the branch code it finds that number at every branch: the arrows choose ours.
    const tail = reportNumber.slice(reportNumber.indexOf('-') + 1);
    await search.fill(tail);
    await expect(recent.filter({ hasNotText: tail })).toHaveCount(0);
    await expect(recent.filter({ hasText: reportNumber })).toHaveCount(1);
    const numbers = await recent.locator('strong').allTextContents();
    for (let i = 0; i < numbers.indexOf(reportNumber); i++) await search.press('ArrowDown');
    await expect(recent.filter({ hasText: reportNumber })).toHaveAttribute('aria-selected', 'true');
    await search.press('Enter');
    const linking = panel.getByRole('form', { name: 'Write in the log' }).getByRole('list', { name: 'Linked to' });
    await expect(linking.getByRole('button', { name: `Report ${reportNumber}`, exact: true })).toBeVisible();
    await picker.getByLabel('Link to').selectOption('person');
    await search.fill('marcus delgdo');
    await expect(picker.getByRole('option', { name: /Marcus Delgado/ })).toBeVisible();
    await shotsOf(page, 'shift-link-picker', picker);
    await search.press('Enter');
    await expect(linking.getByRole('button', { name: 'Person Marcus Delgado', exact: true })).toBeVisible();
    // Linking empties the box, so Esc closes the picker and gives the cursor back to its button.
    await search.press('Escape');
    await expect(panel.getByRole('button', { name: 'Link a report, call or person…' })).toBeFocused();

    // Signing out and in again (as on another console) finds the entry and its links where they were left.
    await expect(panel.getByRole('status').filter({ hasText: /^Saved \d\d:\d\d/ })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAs(page, OFFICER);
    await page.getByRole('tab', { name: /^Shift/ }).click();
    await expect(panel.getByRole('textbox', { name: 'Note' })).toHaveValue(LINKED);
    await expect(linking.getByRole('button', { name: `Report ${reportNumber}`, exact: true })).toBeVisible();
    await expect(linking.getByRole('button', { name: 'Person Marcus Delgado', exact: true })).toBeVisible();
    await shotsOf(page, 'shift-draft-restored', panel.getByRole('form', { name: 'Write in the log' }));
    await panel.getByRole('textbox', { name: 'Note' }).press('Control+Enter');
    await expect(panel.getByRole('status').filter({ hasText: 'Note added to the log.' })).toBeVisible();
    await expect(panel.getByRole('textbox', { name: 'Note' })).toHaveValue('');
    const linkedEntry = log.getByRole('listitem').filter({ hasText: LINKED });
    await expect(linkedEntry.getByRole('button', { name: `Report ${reportNumber}`, exact: true })).toBeVisible();
    await shotsOf(page, 'shift-linked', linkedEntry);

    // A correction keeps the first words: who, when and why, the old text struck beside the new.
    await linkedEntry.getByRole('button', { name: /^Correct: Note Marcus came back/ }).click();
    const correcting = linkedEntry.getByRole('form', { name: 'Correct the entry' });
    await correcting
      .getByLabel('Corrected text')
      .fill('Marcus came back to the lobby at 18:10; reminded him of the ban.');
    await correcting.getByLabel('Why it is corrected').fill('Added the time');
    await correcting.getByRole('button', { name: 'Save correction' }).click();
    const correction = linkedEntry.getByRole('region', { name: /^Corrected by Olu Officer at \d\d:\d\d$/ });
    await expect(correction.getByText('why: “Added the time”')).toBeVisible();
    const textRow = correction.getByRole('row', { name: /^Text/ });
    await expect(textRow.getByRole('deletion')).toHaveText(LINKED);
    await expect(textRow.getByRole('insertion')).toHaveText(
      'Marcus came back to the lobby at 18:10; reminded him of the ban.',
    );
    await expect(linkedEntry.getByRole('button', { name: 'Person Marcus Delgado', exact: true })).toBeVisible();
    await shotsOf(page, 'shift-correction', linkedEntry);

    // A link opens the record where it lives: the person beside the ban list (an audited read there).
    await linkedEntry.getByRole('button', { name: 'Person Marcus Delgado', exact: true }).click();
    await expect(page.getByRole('tab', { name: /^Bans/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { name: 'Marcus Delgado' }).first()).toBeVisible();
    await page.getByRole('tab', { name: /^Shift/ }).click();
    await linkedEntry.getByRole('button', { name: `Report ${reportNumber}`, exact: true }).click();
    await expect(page.getByRole('article', { name: reportNumber })).toBeVisible();
    await page.getByRole('tab', { name: /^Shift/ }).click();

    // The desk check reaches community services with the arrows like any result; Enter refers.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    await page.keyboard.type('Harbor House');
    const check = page.locator('.desk-check');
    await expect(check.getByRole('list', { name: 'Community services found' })).toBeVisible();
    await page.keyboard.press('PageDown');
    await expect(check.getByRole('listitem').filter({ hasText: 'Harbor House Shelter' })).toHaveClass(/is-active/);
    await shotsOf(page, 'deskcheck-resource', check.getByRole('list', { name: 'Community services found' }));
    await page.keyboard.press('ArrowUp');
    await expect(check.getByRole('button', { name: /^Search all reports/ })).toHaveClass(/is-active/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('checkbox', { name: /Harbor House Shelter/ })).toBeChecked();

    // A referral card for a patron: found by what they need, printed in large type with no patron on it.
    await panel.getByRole('tab', { name: 'Community services' }).click();
    await panel.getByLabel('Find a service').fill('shelter spanish');
    await panel.getByRole('checkbox', { name: /Harbor House Shelter/ }).check();
    await shot(page, 'shift-services');
    const card = await pdfOf(page, pdfDir, () => panel.getByRole('button', { name: 'Print referral card' }).click());
    expect(card).toContain('Harbor House Shelter');
    expect(card).toContain('608-555-0100');
    expect(card).not.toContain('Olu Officer');
    await expect(panel.getByRole('status').filter({ hasText: 'The referral is counted' })).toBeVisible();

    // The day's report: made in main, its text as the manager reads it, then emailed.
    await panel.getByRole('tab', { name: 'Reports' }).click();
    await panel.getByRole('button', { name: 'Make the day’s report' }).click();
    const made = panel.getByRole('status').filter({ hasText: 'Made: Daily activity report: Main Library' });
    await expect(made).toBeVisible();
    const title = ((await made.textContent()) ?? '').replace(/^.*Made: /, '').replace(/\.$/, '');
    const report = panel.getByRole('listitem', { name: title });
    const text = await pdfOf(page, pdfDir, async () => {
      await report.getByRole('button', { name: /^Download PDF/ }).click();
      await disclose(page, { purpose: 'The day’s report for the branch file' });
    });
    for (const words of [
      'DAILY ACTIVITY REPORT',
      'Main Library',
      'Olu Officer',
      NOTE,
      'From Jordan Whitfield',
      'Shelter 1',
    ]) {
      expect(text).toContain(words);
    }
    await report.getByRole('button', { name: /^Send by email/ }).click();
    await expect(report.getByText('Sent', { exact: true })).toBeVisible();
    await expect(report.getByText(/Sent .* to manager@library\.org/)).toBeVisible();
    const [received] = await mail.waitFor(1);
    expect(received!.subject).toBe(title);
    expect(received!.attachments[0]!.contentType).toBe('application/pdf');
    await shot(page, 'shift-reports');

    // Ending the shift says what is still open, and does not block.
    await panel.getByRole('button', { name: 'End shift…' }).click();
    await shot(page, 'shift-end');
    await panel.getByRole('button', { name: 'End my shift now' }).click();
    await expect(panel.getByRole('heading', { name: 'You are not on shift' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();

    // The next person signs in: the Shift tab comes forward with the note to acknowledge.
    await signInAs(page, SUPERVISOR);
    const passOn = page.getByRole('region', { name: /Passed on to you/ });
    await expect(passOn.getByText(NOTE)).toBeVisible();
    await shot(page, 'shift-pass-on');
    await passOn.getByRole('button', { name: `Acknowledge: ${NOTE.slice(0, 60)}` }).click();
    await expect(passOn.getByText(NOTE)).toHaveCount(0);
  } finally {
    await mail.close();
    rmSync(pdfDir, { recursive: true, force: true });
  }
});
