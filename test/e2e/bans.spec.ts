import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { callInPage, createAdministrator, expect, openReport, switchTo, test, disclose } from './fixtures';

const OFFICER = { name: 'Olu Officer', username: 'olu', role: 'officer', passphrase: 'officer passphrase' };
const SUPERVISOR = { name: 'Sam Supervisor', username: 'sam', role: 'supervisor', passphrase: 'supervisor phrase' };
const PERSON = 'Wendell Osgood';
/** How a hurried desk types him: his last name misspelled, his first name begun. */
const MISSPELLED = 'osgod wen';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

test.use({ demoArgs: ['--test-clock'] });

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "Wed 30 Dec" as the desk (and the branch, in UTC) reads a date. */
const day = (d: Date) => `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
/** The same as a pattern for the PDF's dates (Intl's en-GB may spell September "Sept"). */
const dayPattern = (d: Date) => day(d).replace('Sep', 'Sept?');
/** "2026-11-28T19:42", what a datetime-local input takes, in the branch's zone (UTC). */
const local = (ms: number) => new Date(ms).toISOString().slice(0, 16);

interface Seeded {
  personId: string;
  number: string;
}

/** A branch, two staff, the person, three earlier disruptions (counted by the ladder) and today's report. */
async function seed(page: Page): Promise<Seeded> {
  await callInPage(page, 'branches.add', { name: 'Main Library', code: 'MAIN', address: '1 Main St', timeZone: 'UTC' });
  for (const s of [OFFICER, SUPERVISOR]) await callInPage(page, 'staff.add', s);
  // The clock moves a few hours below; the console must not lock for idleness meanwhile.
  await callInPage(page, 'settings.update', { idleLockMinutes: 240 });
  const rules = await callInPage<{ id: string; code: string }[]>(page, 'guidelines.list', {});
  const disruptive = rules.find((r) => r.code === 'B-01')!.id;
  const branches = await callInPage<{ id: string }[]>(page, 'branches.list', {});
  const person = await callInPage<{ id: string }>(page, 'persons.add', {
    name: PERSON,
    aliases: ['Del'],
    sex: 'male',
    ageEstimate: '40s',
    height: 'tall',
    build: 'thin',
    hair: 'gray ponytail',
    marks: '',
  });
  let number = '';
  for (const daysAgo of [200, 90, 20, 0]) {
    const draft = await callInPage<{ id: string }>(page, 'incidents.createDraft', {
      content: {
        branchId: branches[0]!.id,
        occurredFrom: new Date(Date.now() - daysAgo * DAY - HOUR).toISOString(),
        ruleIds: [disruptive],
        severity: 2,
        summary: `Shouting at the circulation desk (${daysAgo} days ago)`,
        narrative: 'The patron shouted at staff and would not lower his voice.',
        actions: 'Asked him to stop; he left.',
        persons: [
          {
            role: 'subject',
            personId: person.id,
            name: PERSON,
            sex: 'male',
            ageEstimate: '40s',
            height: 'tall',
            build: 'thin',
            hair: 'gray ponytail',
            clothing: 'brown coat',
            marks: '',
          },
        ],
      },
    });
    ({ number } = await callInPage<{ number: string }>(page, 'incidents.submit', { id: draft.id }));
  }
  return { personId: person.id, number };
}

/** The desk check for a name, from wherever the desk is: / then the words. */
async function deskCheck(page: Page, words: string) {
  await page.locator('body').press('/');
  const box = page.getByRole('searchbox', { name: 'Check a person or search reports' });
  await expect(box).toBeFocused();
  await box.fill(words);
  return page.getByRole('article', { name: PERSON });
}

async function closeCheck(page: Page) {
  await page.getByRole('searchbox', { name: 'Check a person or search reports' }).press('Escape');
  await expect(page.getByRole('heading', { name: 'Desk check' })).toBeHidden();
}

/** The ban beside the list, opened from the list unless it is open already. */
async function openBan(page: Page, number: string) {
  await page.getByRole('tab', { name: 'Bans' }).click();
  const ban = page.getByRole('article', { name: number });
  const row = page.getByRole('option', { name: new RegExp(number) });
  // The panel reopens what each person had open; otherwise the row is in the list.
  await expect(row.or(ban).first()).toBeVisible();
  if (!(await ban.isVisible())) await row.click();
  await expect(ban).toBeVisible();
  return ban;
}

test('a ban from incident to notice, appeal and reinstatement, checked at the desk', async ({ page, vigil }) => {
  test.setTimeout(120_000);
  const pdfDir = mkdtempSync(join(tmpdir(), 'vigil-ban-pdf-'));
  try {
    await createAdministrator(page, vigil.url);
    const { number: report } = await seed(page);

    // The officer files the ban from today's report: the ladder proposes the 4th step, and says why.
    await switchTo(page, OFFICER);
    await openReport(page, report);
    await page.getByRole('button', { name: `Issue ban for ${PERSON}` }).click();
    const issue = page.getByRole('form', { name: `Issue a ban for ${PERSON} from ${report}` });
    await expect(issue.getByRole('note', { name: 'The policy’s proposal' })).toContainText(
      /The policy proposes 30 days\s*4th disruptive conduct violation since \w{3} \d+ \w{3}( \d{4})?: 30 days/,
    );
    await expect(issue.getByRole('radio', { name: /30 days — proposed/ })).toBeChecked();
    await expect(issue).toContainText('waits for a supervisor’s approval');
    await issue.getByRole('checkbox', { name: /Reinstatement meeting required/ }).check();
    await issue.getByRole('button', { name: 'Issue, for approval' }).click();
    const issued = page.getByRole('status').filter({ hasText: /Issued BAN-\d{4}-\d{4}/ });
    await expect(issued).toContainText('waiting for a supervisor’s approval; not in force until then');
    const ban = /BAN-\d{4}-\d{4}/.exec((await issued.textContent()) ?? '')![0];

    // A second ban over the same time and place is refused, with the first one named and a way to it.
    await page.getByRole('button', { name: `Issue ban for ${PERSON}` }).click();
    await issue.getByRole('button', { name: 'Issue, for approval' }).click();
    await expect(issue.getByText(`Overlaps ${ban}`)).toBeVisible();
    await expect(issue.getByRole('button', { name: `Open ${ban}` })).toBeVisible();
    await issue.getByRole('button', { name: 'Cancel' }).click();

    // A supervisor approves it from the desk alert.
    await switchTo(page, SUPERVISOR);
    await page.getByRole('button', { name: new RegExp(`Ban ${ban} waiting for approval`) }).click();
    const detail = page.getByRole('article', { name: ban });
    await expect(detail).toContainText('Ban waiting for a supervisor’s approval');
    await expect(detail).toContainText(/4th disruptive conduct violation/);
    await detail.getByRole('button', { name: `Approve ${ban}` }).click();
    await expect(detail.locator('.ban-head')).toContainText(/Banned from Main Library until \w{3} \d+ \w{3}/);

    // The notice PDF holds the dates and the appeal deadline.
    const downloading = page.waitForEvent('download');
    await detail.getByRole('button', { name: `Notice PDF ${ban}` }).click();
    // Given to the banned person (the dialog names them), for library business.
    await disclose(page, { purpose: 'Notice of the ban, handed over at the desk' });
    const download = await downloading;
    const pdf = join(pdfDir, download.suggestedFilename());
    await download.saveAs(pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // Issued today (the branch keeps UTC): 30 days end at midnight 30 days on; 10 days to appeal from delivery.
    const start = new Date();
    const on = (days: number) =>
      new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + days));
    const end = on(30);
    const lastAppealDay = on(10);
    expect(text).toContain(ban);
    expect(text).toContain(PERSON);
    expect(text).toMatch(new RegExp(`Starts\\s+${dayPattern(start)} \\d{4}, \\d\\d:\\d\\d`));
    expect(text).toMatch(new RegExp(`Ends\\s+${dayPattern(end)} \\d{4}, 00:00`));
    // The letter names the last day to appeal.
    expect(text).toMatch(new RegExp(`Appeal by\\s+${dayPattern(lastAppealDay)} \\d{4} \\(10 days from delivery\\)`));

    // Delivery: refused at the field until the desk says whether he signed; then recorded.
    await detail.getByRole('button', { name: `Record delivery ${ban}` }).click();
    const delivery = page.getByRole('form', { name: `Record the delivery of the notice for ${ban}` });
    await delivery.getByRole('button', { name: 'Record delivery', exact: true }).click();
    await expect(delivery.getByRole('group', { name: 'Signed for it?' })).toContainText('Signed or refused');
    await delivery.getByRole('radio', { name: 'Refused to sign' }).check();
    await delivery.getByRole('button', { name: 'Record delivery', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `Recorded the delivery of ${ban}` })).toContainText(
      `appeals close at the end of ${day(lastAppealDay)}`,
    );
    await expect(detail).toContainText('refused to sign');

    // The desk check finds him by a misspelled, unfinished name: banned, where, until when, and (a supervisor) why.
    const found = await deskCheck(page, MISSPELLED);
    await expect(found).toContainText(`Banned from Main Library until ${day(end)}`);
    await expect(found).toContainText('Why: B-01');
    await expect(found.getByRole('button', { name: report })).toBeVisible();
    await closeCheck(page);

    // An officer's desk check shows the answer, never the reasons or the history; the officer records the appeal.
    await switchTo(page, OFFICER);
    const seenByOfficer = await deskCheck(page, MISSPELLED);
    await expect(seenByOfficer).toContainText(`Banned from Main Library until ${day(end)}`);
    await expect(seenByOfficer).not.toContainText('Why');
    await expect(seenByOfficer).not.toContainText(report);
    await seenByOfficer.getByRole('button', { name: ban }).click();
    const officerView = page.getByRole('article', { name: ban });
    await expect(officerView).toContainText('shown to supervisors and administrators');
    await expect(officerView).not.toContainText('disruptive conduct violation');
    await officerView.getByRole('button', { name: `Record appeal ${ban}` }).click();
    await page
      .getByRole('form', { name: `Record an appeal of ${ban}` })
      .getByRole('button', { name: 'Record appeal', exact: true })
      .click();
    await expect(page.getByRole('status').filter({ hasText: `Recorded the appeal of ${ban}` })).toBeVisible();
    await expect(officerView.locator('.ban-head')).toContainText('(under appeal)');

    // The supervisor schedules the hearing and shortens the ban to end this afternoon.
    await switchTo(page, SUPERVISOR);
    const heard = await openBan(page, ban);
    await heard.getByRole('button', { name: `Schedule hearing ${ban}` }).click();
    const hearing = page.getByRole('form', { name: `Schedule the appeal hearing for ${ban}` });
    await hearing.getByLabel('When', { exact: true }).fill(local(Date.now() + HOUR));
    await hearing.getByLabel('Where', { exact: true }).fill('Director’s office');
    await hearing.getByRole('button', { name: 'Schedule hearing', exact: true }).click();
    await expect(heard).toContainText('Director’s office');
    await heard.getByRole('button', { name: `Decide appeal ${ban}` }).click();
    const decide = page.getByRole('form', { name: `Decide the appeal of ${ban}` });
    await decide.getByRole('radio', { name: /Shortened/ }).check();
    const newEnd = Date.now() + 3 * HOUR;
    await decide.getByLabel('New end', { exact: true }).fill(local(newEnd));
    await decide.getByLabel('Note for the letter', { exact: true }).fill('First appeal; he apologised in writing.');
    await decide.getByRole('button', { name: 'Record decision' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Appeal of ${ban} decided: shortened` })).toBeVisible();
    await expect(heard.locator('.ban-head')).not.toContainText('under appeal');
    await expect(heard.getByRole('button', { name: `Decision letter PDF for ${ban}` })).toBeVisible();

    // The clock passes the new end: he may not come back before the meeting.
    await callInPage(page, 'system.setTestClock', { advanceMs: 3.5 * HOUR });
    await expect(heard.locator('.ban-head')).toContainText('Banned: meeting required before return');
    const waiting = await deskCheck(page, MISSPELLED);
    await expect(waiting).toContainText('Banned: meeting required before return');
    await closeCheck(page);

    // The reinstatement meeting is scheduled and held: the ban ends.
    const reinstated = await openBan(page, ban);
    await reinstated.getByRole('button', { name: `Schedule meeting ${ban}` }).click();
    const meeting = page.getByRole('form', { name: `Schedule the reinstatement meeting for ${ban}` });
    await meeting.getByLabel('When', { exact: true }).fill(local(Date.now() + 3.5 * HOUR - 10 * 60_000));
    await meeting.getByLabel('Where', { exact: true }).fill('Branch manager’s office');
    await meeting.getByLabel('With whom', { exact: true }).fill('Pat Manager');
    await meeting.getByRole('button', { name: 'Schedule meeting', exact: true }).click();
    await reinstated.getByRole('button', { name: `Meeting held ${ban}` }).click();
    const held = page.getByRole('form', { name: `Record the reinstatement meeting for ${ban}` });
    await held.getByLabel('Who attended', { exact: true }).fill('Pat Manager, Wendell Osgood');
    await held.getByLabel('Conditions of return', { exact: true }).fill('Keeps his voice down at the desk.');
    await held.getByRole('button', { name: 'Record meeting held' }).click();
    await expect(reinstated.locator('.ban-head')).toContainText('Ban ended');

    const welcome = await deskCheck(page, MISSPELLED);
    await expect(welcome).toContainText('Not banned');
  } finally {
    rmSync(pdfDir, { recursive: true, force: true });
  }
});

test('the desk check from the keyboard: accents forgiven, a sighting during a ban starts a trespass report, a new person flagged as a duplicate, a merge, and the policy edited as a new version', async ({
  page,
  vigil,
}) => {
  await createAdministrator(page, vigil.url);
  const branch = await callInPage<{ id: string }>(page, 'branches.add', {
    name: 'Main Library',
    code: 'MAIN',
    address: '1 Main St',
    timeZone: 'UTC',
  });
  const rules = await callInPage<{ id: string; code: string }[]>(page, 'guidelines.list', {});
  const looks = { sex: 'male', ageEstimate: '30s', height: '', build: '', hair: '', marks: '' } as const;
  const jose = await callInPage<{ id: string }>(page, 'persons.add', { name: 'José Álvarez', ...looks });
  await callInPage(page, 'persons.add', { name: 'Pepe Álvarez', ...looks });
  const draft = await callInPage<{ id: string }>(page, 'incidents.createDraft', {
    content: {
      branchId: branch.id,
      occurredFrom: new Date(Date.now() - HOUR).toISOString(),
      ruleIds: [rules.find((r) => r.code === 'B-01')!.id],
      severity: 2,
      summary: 'Shouting in the reading room',
      narrative: 'He shouted at another patron.',
      actions: 'Asked him to leave for the day.',
      persons: [{ role: 'subject', personId: jose.id, name: 'José Álvarez', ...looks, clothing: '' }],
    },
  });
  const { id: incidentId } = await callInPage<{ id: string }>(page, 'incidents.submit', { id: draft.id });
  const ban = await callInPage<{ number: string }>(page, 'bans.issue', {
    personId: jose.id,
    incidentIds: [incidentId],
    step: { kind: 'days', days: 7 },
    overrideReason: 'Second time this week',
    allBranches: false,
    privileges: ['building'],
  });

  // Typed without accents, he is found and banned; seen at the branch, that is trespass.
  await page.locator('body').press('Control+k');
  await page.keyboard.type('jose alvarez');
  const found = page.getByRole('article', { name: 'José Álvarez' });
  await expect(found).toContainText('Banned from Main Library until');
  await found.getByRole('button', { name: 'Seen at… José Álvarez' }).click();
  await found.getByRole('button', { name: 'Seen at Main Library (José Álvarez)' }).click();
  await expect(found.getByRole('alert').filter({ hasText: 'trespass' })).toContainText(
    `(${ban.number}): this is trespass`,
  );
  await found.getByRole('button', { name: 'Start trespass report about José Álvarez' }).click();
  const report = page.getByRole('form', { name: 'Incident report draft' });
  await expect(report.getByLabel('Summary', { exact: true })).toHaveValue(
    `José Álvarez at Main Library during ban ${ban.number}`,
  );
  await expect(report).toContainText('B-12');
  await report.getByRole('button', { name: 'Close, keep draft' }).click();

  // A new record asked for anyway (Down to "Add a new person", Enter): the form flags the record that may be him.
  await page.locator('body').press('/');
  await page.keyboard.type('Jose Alvares');
  await expect(page.getByRole('button', { name: /Not one of these\? Add a new person/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'New person' });
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('Jose Alvares');
  const duplicates = form.getByRole('region', { name: 'Possible duplicates' });
  await expect(duplicates).toContainText('José Álvarez');
  await expect(duplicates).toContainText('similar name');
  await duplicates.getByRole('button', { name: 'Open José Álvarez' }).click();

  // It is him: the other record of him is merged into this one, with a reason, after a confirmation.
  const record = page.getByRole('article', { name: 'José Álvarez' });
  await expect(record).toContainText(`Banned from Main Library until`);
  await record.getByRole('button', { name: 'Merge a duplicate into José Álvarez' }).click();
  const merge = page.getByRole('form', { name: 'Merge another record into José Álvarez' });
  await merge.getByLabel('The other record').fill('Pepe');
  await merge.getByRole('button', { name: /^Pepe Álvarez/ }).click();
  await merge.getByLabel('Reason', { exact: true }).fill('Same card photo; he gave both names');
  await merge.getByRole('button', { name: 'Merge…' }).click();
  await page
    .getByRole('alertdialog', { name: 'Merge Pepe Álvarez into José Álvarez?' })
    .getByRole('button', { name: 'Yes, merge' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Merged Pepe Álvarez into José Álvarez' })).toBeVisible();
  await expect(record).toContainText('Merged from');
  await expect(record).toContainText('Pepe Álvarez');

  // Settings → Sanction policy: a refused value is said at its field; a good one saves version 2.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Sanction policy' }).click();
  await page.getByRole('button', { name: 'Edit policy' }).click();
  const policy = page.getByRole('form', { name: 'Edit the sanction policy' });
  await policy.getByLabel('Days to appeal').fill('20');
  await policy.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(policy.getByLabel('Days to appeal')).toHaveAttribute('aria-invalid', 'true');
  await expect(policy).toContainText('At most 15 days to appeal');
  await policy.getByLabel('Days to appeal').fill('14');
  await policy.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved the sanction policy as version 2' })).toBeVisible();
  await expect(page.getByText('14 days from delivery of the notice.')).toBeVisible();
});
