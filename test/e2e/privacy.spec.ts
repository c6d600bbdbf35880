import { readFileSync } from 'node:fs';
import { callInPage, createAdministrator, expect, openReport, test } from './fixtures';

test('an administrator sees who has read a report and copied from it, and exports that part of the audit log as CSV', async ({
  page,
  vigil,
}) => {
  await createAdministrator(page, vigil.url);
  const branch = await callInPage<{ id: string }>(page, 'branches.add', {
    name: 'Main Library',
    code: 'MAIN',
    address: '',
    timeZone: 'UTC',
  });
  const rules = await callInPage<{ id: string }[]>(page, 'guidelines.list', {});
  const draft = await callInPage<{ id: string }>(page, 'incidents.createDraft', {
    content: {
      branchId: branch.id,
      occurredFrom: new Date(Date.now() - 30 * 60_000).toISOString(),
      ruleIds: [rules[0]!.id],
      severity: 1,
      summary: 'Patron asleep across three chairs',
      narrative: 'Woke the patron, who moved on.',
      actions: 'Spoke with the patron.',
    },
  });
  const { number, id } = await callInPage<{ number: string; id: string }>(page, 'incidents.submit', { id: draft.id });

  // The list was read before the report was filed through the contract: a search asks again.
  await page.getByRole('searchbox', { name: 'Search reports', exact: true }).fill('asleep');
  await openReport(page, number);
  const report = page.getByRole('article', { name: number });
  await report.getByRole('button', { name: 'Who has seen this' }).click();
  const dialog = page.getByRole('dialog', { name: `Who has seen ${number}` });
  await expect(dialog.getByRole('row', { name: /Ada Lovelace/ }).first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Text copied out of the report is noted in the audit log like a read.
  await report.getByText('Woke the patron, who moved on.').click({ clickCount: 3 });
  await page.keyboard.press('Control+C');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Audit log' }).click();
  await page.getByLabel('Record').fill(id);
  await expect(page.getByRole('row', { name: /Ada Lovelace/ }).first()).toBeVisible();
  await expect(page.getByRole('row', { name: /Copied incident .* characters copied to the clipboard/ })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^vigil-audit-.*\.csv$/);
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('time,staff,action,subject,record,detail,count');
  expect(csv).toContain(id);
  await expect(page.getByText(/^Saved vigil-audit-.*\.csv: \d+ entr/)).toBeVisible();
});
