import {
  ADMIN,
  alertSaying,
  callInPage,
  createAdministrator,
  expect,
  openReport,
  signIn,
  switchTo,
  test,
} from './fixtures';

const OFFICER = { name: 'Olu Officer', username: 'olu', role: 'officer', passphrase: 'officer passphrase' };
const SUPERVISOR = { name: 'Sam Supervisor', username: 'sam', role: 'supervisor', passphrase: 'supervisor phrase' };

test('a locked-out officer is told until when; an administrator clears the lockout in Settings → Staff', async ({
  page,
  vigil,
}) => {
  await createAdministrator(page, vigil.url);
  await callInPage(page, 'staff.add', OFFICER);
  await page.getByRole('button', { name: 'Sign out' }).click();
  for (let i = 0; i < 5; i++) {
    await signIn(page, OFFICER.username, `wrong passphrase ${i}`);
    await expect(alertSaying(page, 'do not match')).toBeVisible();
    // The screen clears the passphrase once the answer is in: the next try starts clean.
    await expect(page.getByLabel('Passphrase', { exact: true })).toHaveValue('');
  }
  await signIn(page, OFFICER.username, OFFICER.passphrase);
  await expect(alertSaying(page, /Try again in 5 minutes, at \d\d:\d\d, or ask an administrator/)).toBeVisible();

  await signIn(page, ADMIN.username, ADMIN.passphrase);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Staff' }).click();
  const row = page.getByRole('row', { name: /Olu Officer/ });
  await expect(row).toContainText(/Locked out until \d\d:\d\d/);
  await row.getByRole('button', { name: 'Clear lockout for Olu Officer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Olu Officer can sign in again now.' })).toBeVisible();
  await expect(row).not.toContainText('Locked out');

  await switchTo(page, OFFICER);
});

test('a supervisor who amended a report is told, in words, that another supervisor reviews it', async ({
  page,
  vigil,
}) => {
  await createAdministrator(page, vigil.url);
  const branch = await callInPage<{ id: string; zones: { id: string }[] }>(page, 'branches.add', {
    name: 'Main Library',
    code: 'MAIN',
    address: '',
    timeZone: 'UTC',
  });
  for (const s of [OFFICER, SUPERVISOR]) await callInPage(page, 'staff.add', s);
  const rules = await callInPage<{ id: string }[]>(page, 'guidelines.list', {});

  await switchTo(page, OFFICER);
  const now = Date.now();
  const draft = await callInPage<{ id: string }>(page, 'incidents.createDraft', {
    content: {
      branchId: branch.id,
      occurredFrom: new Date(now - 30 * 60_000).toISOString(),
      ruleIds: [rules[0]!.id],
      severity: 1,
      summary: 'Patron asleep across three chairs',
      narrative: 'Woke the patron, who moved on.',
      actions: 'Spoke with the patron.',
    },
  });
  const { number, id } = await callInPage<{ number: string; id: string }>(page, 'incidents.submit', { id: draft.id });

  await switchTo(page, SUPERVISOR);
  const record = await callInPage<{ content: Record<string, unknown> }>(page, 'incidents.get', { id });
  await callInPage(page, 'incidents.amend', {
    id,
    version: 1,
    reason: 'Clarified what happened',
    content: { ...record.content, narrative: 'The supervisor’s own account of it.' },
  });
  await page.getByRole('tab', { name: /^Incidents/ }).click();
  await openReport(page, number);
  const report = page.getByRole('article', { name: number });
  await expect(report).toContainText(
    'You amended this report since its last review (version 2): another supervisor reviews it.',
  );
  await expect(report.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(report.getByRole('button', { name: 'Return with comment' })).toHaveCount(0);
});
