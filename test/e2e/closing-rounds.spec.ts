import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { localDate, nextSession, zonedInstant } from '../../src/shared/opening-hours';
import { callInPage, expect, signIn, test, disclose } from './fixtures';

test.use({ demoArgs: ['--demo', '--test-clock'] });

const ADMIN = { username: 'demo.admin', passphrase: 'training-admin-2026' };
const OFFICER = { username: 'demo.officer', passphrase: 'training-officer-2026' };

interface Hours {
  weekly: { weekday: number; opens: string; closes: string }[];
  special: { date: string; opens: string | null; closes: string | null; note: string }[];
}
interface BranchInfo {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  hours: Hours;
}

/**
 * Sets the desk up for one quiet day at Main Library, as an administrator: the other
 * branches closed that day (special days), the idle lock long enough for the clock to
 * move, and `prepare` for anything else. Returns Main Library's session that day.
 */
async function quietDayAtMain(page: Page, prepare: (main: BranchInfo) => Promise<void> = async () => {}) {
  await signIn(page, ADMIN.username, ADMIN.passphrase);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  const branches = await callInPage<BranchInfo[]>(page, 'branches.list', {});
  const main = branches.find((b) => b.code === 'MAIN')!;
  // Tomorrow or later: a day the seed has not walked, with Main Library open.
  const tomorrow = localDate(Date.now() + 86_400_000, main.timeZone);
  const session = nextSession(main.hours, main.timeZone, zonedInstant(tomorrow, '00:00', main.timeZone), 14)!;
  for (const other of branches.filter((b) => b.code !== 'MAIN')) {
    await callInPage(page, 'branches.setSpecialDay', {
      branchId: other.id,
      date: session.date,
      closed: true,
      note: 'Closed for the test',
    });
  }
  await callInPage(page, 'settings.update', { idleLockMinutes: 240 });
  await prepare(main);
  await page.getByRole('button', { name: 'Sign out' }).click();
  return { main, session };
}

/** Presses Tab until `target` has the cursor (at most 12 times): how a keyboard user gets there. */
async function tabUntil(page: Page, target: ReturnType<Page['locator']>) {
  for (let i = 0; i < 12; i++) {
    const there = await target
      .evaluate((el) => el === document.activeElement, undefined, { timeout: 2_000 })
      .catch(() => false);
    if (there) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

async function signInAsOfficerAt(page: Page, at: number) {
  await callInPage(page, 'system.setTestClock', { at: new Date(at).toISOString() });
  await signIn(page, OFFICER.username, OFFICER.passphrase);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.getByLabel('Branch filter').selectOption({ label: 'Main Library' });
}

test('a closing from the keyboard: reminder, every item, a failed one opening an incident, Building clear, history and PDF', async ({
  page,
  vigil,
}) => {
  test.setTimeout(120_000);
  const pdfDir = mkdtempSync(join(tmpdir(), 'vigil-closing-pdf-'));
  try {
    await page.goto(vigil.url);
    const { session } = await quietDayAtMain(page, async (main) => {
      // Rounds are the other test's business: no round alerts in this one's strip.
      for (const route of await callInPage<{ id: string }[]>(page, 'rounds.routes', { branchId: main.id })) {
        await callInPage(page, 'rounds.setRouteRetired', { routeId: route.id, retired: true });
      }
    });
    await signInAsOfficerAt(page, session.closesAt - 16 * 60_000);

    // The header counts down to closing; at 15 minutes the desk is told what to announce.
    await expect(page.getByRole('list', { name: 'Closing times of open branches' })).toContainText('MAIN');
    await callInPage(page, 'system.setTestClock', { advanceMs: 60_000 });
    const strip = page.getByRole('region', { name: /Desk alerts/ });
    await expect(
      strip.getByRole('button', { name: /Announce: “The library closes in 15 minutes” MAIN/ }),
    ).toBeVisible();

    // G goes to the alert's work: the closing, its Start button under the cursor; Enter starts it.
    await page.locator('body').press('g');
    const start = page.getByRole('button', { name: 'Start closing checklist' });
    await expect(start).toBeFocused();
    await page.keyboard.press('Enter');
    const items = page.getByRole('listitem').filter({ has: page.locator('.item-main') });
    await expect(items.first()).toBeFocused();
    const total = await items.count();

    // Every item from the keyboard; the first one fails, with a note.
    let failed = '';
    for (let i = 0; i < total; i++) {
      const focused = page.locator('li.item-row:focus');
      await expect(focused).toHaveCount(1);
      const name = (await focused.getAttribute('aria-label'))!;
      const keys = (await focused.locator('.item-keys').textContent()) ?? '';
      if (i === 0) {
        failed = name.split(':')[0]!;
        await page.keyboard.press('n');
        const note = page.getByLabel(`What was found: ${failed}`);
        await expect(note).toBeFocused();
        await page.keyboard.type('Paper towels soaked and stuffed in the last stall; floor flooded.');
        await page.keyboard.press('Enter');
      } else if (keys.startsWith('Space')) {
        await page.keyboard.press('Space');
      } else if (keys.startsWith('Y')) {
        await page.keyboard.press('Enter');
      } else if (keys.startsWith('Type the count')) {
        await page.keyboard.type('0');
        await page.keyboard.press('Enter');
      } else {
        await page.keyboard.press('Enter');
        await page.keyboard.type('Nothing to hand over.');
        await page.keyboard.press('Enter');
      }
      if (i < total - 1) await expect(page.locator('li.item-row:focus')).not.toHaveAttribute('aria-label', name);
    }
    const sign = page.getByRole('button', { name: 'Sign building clear' });
    await expect(sign).toBeFocused();
    await expect(page.getByText(`${total} of ${total} answered · 1 problem`)).toBeVisible();

    // The failed item opens an incident report with its branch and zone: back to the list, Home, then I.
    await tabUntil(page, page.locator('li.item-row:focus'));
    await page.keyboard.press('Home');
    const failedRow = page.getByRole('listitem', { name: new RegExp(`^${failed}: Problem found`) });
    await expect(failedRow).toBeFocused();
    await expect(failedRow).toContainText('Paper towels soaked');
    await page.keyboard.press('i');
    const draft = page.getByRole('form', { name: 'Incident report draft' });
    await expect(draft).toBeVisible();
    await expect(draft.getByLabel('Branch', { exact: true })).toHaveValue(/.+/);
    await expect(draft.getByLabel('Summary', { exact: true })).toHaveValue(new RegExp(`Closing check at .*${failed}`));
    await expect(draft.getByLabel('Narrative', { exact: true })).toHaveValue(/Paper towels soaked/);

    // Back to the closing: the run is where it was left; sign "Building clear".
    await page.getByRole('tab', { name: 'Closing' }).click();
    await expect(page.getByRole('heading', { name: /Closing checklist · Main Library/ })).toBeVisible();
    await expect(failedRow).toContainText('incident report started');
    await tabUntil(page, page.getByRole('button', { name: 'Sign building clear' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Sign “Building clear” for Main Library' });
    await expect(dialog).toContainText('Problems found (1)');
    await expect(dialog.getByLabel('Note for the record')).toBeFocused();
    await page.keyboard.type('Restroom flooded: facilities told.');
    await tabUntil(page, dialog.getByRole('button', { name: 'Sign building clear' }));
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('status').filter({ hasText: /Building clear signed at \d\d:\d\d by Olu Officer/ }),
    ).toBeVisible();
    // The closing's own alerts are gone (the demo's bans and calls may still be on the strip).
    await expect(strip.getByRole('button', { name: /(Announce|checklist|Building clear).*MAIN/ })).toHaveCount(0);

    // It is in the history, opens in full, and exports as a PDF.
    await page.getByRole('button', { name: 'Back to closing' }).click();
    const history = page.getByRole('table', { name: /Closings of Main Library/ });
    const day = new Date(`${session.date}T12:00:00Z`);
    const dayWords = `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][day.getUTCDay()]} ${day.getUTCDate()}`;
    const row = history.getByRole('row').filter({ hasText: dayWords }).first();
    await expect(row).toContainText('Signed');
    await expect(row).toContainText('1 problem');
    await row.getByRole('button', { name: /Open/ }).click();
    await expect(page.getByText(/Building clear\s+signed \d\d:\d\d by Olu Officer/)).toBeVisible();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export PDF' }).click();
    await disclose(page, { purpose: 'Closing report for the branch file' });
    const download = await downloading;
    const pdf = join(pdfDir, download.suggestedFilename());
    await download.saveAs(pdf);
    expect(download.suggestedFilename()).toBe(`Closing-MAIN-${session.date}.pdf`);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('CLOSING REPORT');
    expect(text).toContain('Building clear signed');
    expect(text).toContain('by Olu Officer');
    expect(text).toContain('Paper towels soaked');
    expect(text).toContain('Incident report started');
    expect(text).toContain('Restroom flooded: facilities told.');
  } finally {
    rmSync(pdfDir, { recursive: true, force: true });
  }
});

test('a round from the keyboard: visited, skipped with a reason, ended; overdue past the interval until a round starts', async ({
  page,
  vigil,
}) => {
  test.setTimeout(120_000);
  await page.goto(vigil.url);
  const { session } = await quietDayAtMain(page);
  await signInAsOfficerAt(page, session.opensAt + 20 * 60_000);
  await page.getByRole('tab', { name: 'Rounds' }).click();
  const interior = page.getByRole('listitem').filter({ has: page.getByText('Interior round', { exact: true }) });
  await expect(interior).toContainText('On schedule');

  // R starts the most pressing round (the one due first); the first checkpoint takes the cursor.
  await page.locator('body').press('r');
  await expect(page.getByRole('heading', { name: 'Interior round · Main Library' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: '1. Lobby: Not yet' })).toBeFocused();
  for (const stop of ['1. Lobby', '2. Circulation Desk', "3. Children's Room", '4. Computer Lab', '5. Reading Room']) {
    await expect(page.getByRole('listitem', { name: `${stop}: Not yet` })).toBeFocused();
    await page.keyboard.press('Enter');
  }
  const restrooms = page.getByRole('listitem', { name: '6. Restrooms, 2nd floor: Not yet' });
  await expect(restrooms).toBeFocused();
  await page.keyboard.press('s');
  await expect(page.getByLabel('Why Restrooms, 2nd floor is skipped')).toBeFocused();
  await page.keyboard.type('Mopped floor still wet at 09:25');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listitem', { name: '6. Restrooms, 2nd floor: Skipped' })).toContainText(
    'Mopped floor still wet at 09:25',
  );
  const end = page.getByRole('button', { name: 'End round' });
  await expect(end).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /Round ended at \d\d:\d\d/ })).toBeVisible();
  await expect(page.getByRole('listitem', { name: '1. Lobby: Visited' })).toContainText('Olu Officer · Walked');

  // Past the interval and its grace: the alert says so in words, and stays.
  await page.getByRole('button', { name: 'Back to rounds' }).click();
  await callInPage(page, 'system.setTestClock', { advanceMs: 80 * 60_000 });
  const overdue = page
    .getByRole('region', { name: /Desk alerts/ })
    .getByRole('button', { name: /Round overdue: Interior round, due \d\d:\d\d MAIN/ });
  await expect(overdue).toBeVisible();
  await expect(interior).toContainText('Overdue');
  await expect(page.getByRole('table', { name: /Rounds of Main Library/ })).toContainText('Interior round');

  // The alert takes the desk to the route; starting the round ends the alert.
  await overdue.click();
  const startInterior = page.getByRole('button', { name: 'Start round (Interior round)' });
  await expect(startInterior).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Interior round · Main Library' })).toBeVisible();
  await expect(overdue).toHaveCount(0);

  // The history keeps the skip and its reason.
  await page.getByRole('button', { name: 'Back to rounds' }).click();
  await expect(page.getByText('“Mopped floor still wet at 09:25”')).toBeVisible();
});
