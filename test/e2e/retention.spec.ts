import { callInPage, createAdministrator, expect, openReport, test } from './fixtures';

const YEAR = 365 * 86_400_000;

test('a report on legal hold survives the purge that removes an older report for real', async ({ page, vigil }) => {
  await createAdministrator(page, vigil.url);
  const branch = await callInPage<{ id: string }>(page, 'branches.add', {
    name: 'Main Library',
    code: 'MAIN',
    address: '',
    timeZone: 'UTC',
  });
  const rules = await callInPage<{ id: string }[]>(page, 'guidelines.list', {});
  // Two reports of two years ago: past the one year this test keeps reports for.
  const file = async (summary: string) => {
    const draft = await callInPage<{ id: string }>(page, 'incidents.createDraft', {
      content: {
        branchId: branch.id,
        occurredFrom: new Date(Date.now() - 2 * YEAR).toISOString(),
        ruleIds: [rules[0]!.id],
        severity: 1,
        summary,
        narrative: `${summary}; the patron left when asked.`,
        actions: 'Spoke with the patron.',
      },
    });
    return callInPage<{ number: string; id: string }>(page, 'incidents.submit', { id: draft.id });
  };
  const held = await file('Window of the study room broken');
  const old = await file('Shouting match at the copier');

  // The police ask for the broken window: put that report on hold from the report itself.
  await page.getByRole('searchbox', { name: 'Search reports', exact: true }).fill('window');
  await openReport(page, held.number);
  const report = page.getByRole('article', { name: held.number });
  await report.getByRole('button', { name: 'Legal hold…' }).click();
  const hold = page.getByRole('dialog', { name: `Put ${held.number} on legal hold` });
  await hold.getByLabel('Why').selectOption({ label: 'Police request' });
  await hold.getByLabel('Case number').fill('26-004417');
  await hold.getByLabel('Note').fill('Officer Diaz, for the damage report');
  await hold.getByRole('button', { name: 'Put on hold' }).click();
  await expect(report.getByRole('note')).toContainText('On legal hold: never purged. Police request, case 26-004417');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Retention' }).click();
  const days = page.getByLabel('Days to keep: Incident reports');
  // A slip of the keyboard does not purge every report.
  await days.fill('0');
  await page.getByRole('button', { name: 'Save retention settings' }).click();
  await expect(days).toHaveAccessibleDescription(/At least 30 days/);
  await days.fill('365');
  await page.getByRole('button', { name: 'Save retention settings' }).click();
  await expect(page.getByText('Saved. The next purge follows these settings.')).toBeVisible();

  await page.getByRole('button', { name: 'Show what a purge would remove' }).click();
  const preview = page.getByRole('status', { name: 'What a purge now would remove' });
  const previewRow = preview.getByRole('row', { name: /^Incident reports/ });
  // Removed, oldest, kept by a legal hold.
  await expect(previewRow.getByRole('cell').nth(0)).toHaveText('1');
  await expect(previewRow.getByRole('cell').nth(2)).toHaveText('1');

  await page.getByRole('button', { name: 'Purge now…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Purge now?' });
  await expect(confirm.getByRole('button', { name: 'Purge for real' })).toBeDisabled();
  await confirm.getByLabel('Type PURGE to confirm').fill('PURGE');
  await confirm.getByRole('button', { name: 'Purge for real' }).click();
  const done = page.getByRole('status', { name: 'The purge just done' });
  await expect(done).toContainText(/Purged at/);
  await expect(
    done
      .getByRole('row', { name: /^Incident reports/ })
      .getByRole('cell')
      .nth(0),
  ).toHaveText('1');
  // The hold is listed with its reason and case.
  await expect(page.getByRole('row', { name: new RegExp(`Incident report: Incident ${held.number}`) })).toContainText(
    '26-004417',
  );

  // The held report is still there; the other is gone, from the list and from the search index.
  const gone = await page.evaluate(async (id) => (await window.vigil!.call('incidents.get', { id })).ok, old.id);
  expect(gone).toBe(false);
  const found = await callInPage<{ items: { id: string }[] }>(page, 'incidents.search', { text: 'copier' });
  expect(found.items).toEqual([]);
  const kept = await callInPage<{ items: { id: string }[] }>(page, 'incidents.search', { text: 'window' });
  expect(kept.items.map((i) => i.id)).toEqual([held.id]);
  const verify = await callInPage<{ ok: boolean }>(page, 'journal.verify', {});
  expect(verify.ok).toBe(true);
});
