import { alertSaying, createAdministrator, expect, test } from './fixtures';

test('an administrator adds a branch with zones, sees a duplicate code refused at its field', async ({
  page,
  vigil,
}) => {
  await createAdministrator(page, vigil.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Branches' }).click();

  await page.getByRole('button', { name: 'Add branch' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Main Library');
  await page.getByLabel('Code', { exact: true }).fill('main');
  await page.getByLabel('Address', { exact: true }).fill('800 Main Street');
  await page.getByRole('button', { name: 'Save branch' }).click();
  const main = page.getByRole('article', { name: 'Main Library' });
  await expect(main).toContainText('MAIN');
  await expect(main).toContainText('800 Main Street');

  await main.getByRole('button', { name: 'Add zone to Main Library' }).click();
  await page.getByLabel('Zone name', { exact: true }).fill('Lobby');
  await page.getByLabel('Floor', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Save zone' }).click();
  await expect(main.getByRole('cell', { name: 'Lobby' })).toBeVisible();

  // A second branch may not take the same code: said at the field, what was typed is kept.
  await page.getByRole('button', { name: 'Add branch' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Another Library');
  await page.getByLabel('Code', { exact: true }).fill('MAIN');
  await page.getByRole('button', { name: 'Save branch' }).click();
  await expect(page.getByText('This code is taken')).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Another Library');
  await expect(alertSaying(page, /Not saved yet/)).toBeVisible();

  // The new branch is in the header's branch filter right away.
  await expect(page.getByLabel('Branch filter')).toContainText('Main Library');
});
