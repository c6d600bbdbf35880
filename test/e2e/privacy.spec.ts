import { readFileSync } from 'node:fs';
import { callInPage, createAdministrator, expect, openReport, test, disclose } from './fixtures';

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
  await disclose(page, { purpose: 'Who read the report, for the director' });
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^vigil-audit-.*\.csv$/);
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('time,staff,action,subject,record,detail,purpose,count');
  expect(csv).toContain(id);
  await expect(page.getByText(/^Saved vigil-audit-.*\.csv: \d+ entr/)).toBeVisible();
});

test('a report exported through the Disclose step is in the director’s disclosure log', async ({ page, vigil }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
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
      severity: 2,
      summary: 'Bag taken from a patron in the lobby',
      narrative: 'A patron’s bag was taken from the lobby bench.',
      actions: 'Called police.',
    },
  });
  const { number, id } = await callInPage<{ number: string; id: string }>(page, 'incidents.submit', { id: draft.id });
  await page.getByRole('searchbox', { name: 'Search reports', exact: true }).fill('lobby');
  await openReport(page, number);
  const report = page.getByRole('article', { name: number });

  // Cancelling gives nothing and records nothing.
  await report.getByRole('button', { name: 'Export PDF' }).click();
  const dialog = page.getByRole('dialog', { name: `Disclose: Report ${number} as PDF` });
  await expect(dialog.getByLabel('Purpose', { exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Police is the PDF's default basis, its note in plain words; a given case number must be written.
  await report.getByRole('button', { name: 'Export PDF' }).click();
  await expect(dialog.getByRole('radio', { name: /Police investigating a crime/ })).toBeChecked();
  await expect(dialog).toContainText('The library must honor the request');
  await dialog.getByLabel('Given to', { exact: true }).fill('Officer Diaz, Madison PD');
  await dialog.getByLabel('Purpose', { exact: true }).fill('Theft of a bag in the lobby');
  await dialog.getByLabel('Purpose', { exact: true }).press('Enter');
  await expect(dialog.getByText('Write the case number the officer gave')).toBeVisible();
  if (process.env.VIGIL_SHOTS) await page.screenshot({ path: `${process.env.VIGIL_SHOTS}/disclose-dialog.png` });
  const downloading = page.waitForEvent('download');
  await dialog.getByLabel('Case number', { exact: true }).fill('26-4411');
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`Incident-${number}.pdf`);

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Disclosures' }).click();
  await page.getByLabel('Basis').selectOption({ label: 'Police, crime at the library' });
  await page.getByLabel('Record').fill(id);
  const row = page.getByRole('row', { name: new RegExp(`Report ${number}`) });
  await expect(row).toContainText('Officer Diaz, Madison PD');
  await expect(row).toContainText('Theft of a bag in the lobby');
  await expect(row).toContainText('Case 26-4411');
  await expect(row).toContainText('Ada Lovelace');
  if (process.env.VIGIL_SHOTS) {
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${process.env.VIGIL_SHOTS}/disclosure-log.png` });
  }

  // The audit log finds the export's read by its purpose.
  await page.getByRole('tab', { name: 'Audit log' }).click();
  await page.getByLabel('Purpose').fill('bag in the lobby');
  await expect(page.getByRole('row', { name: /Purpose: Theft of a bag in the lobby/ })).toBeVisible();
});
