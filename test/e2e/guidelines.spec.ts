import { alertSaying, createAdministrator, expect, signIn, test } from './fixtures';

const OFFICER = { name: 'Olu Officer', username: 'olu', role: 'officer', passphrase: 'officer passphrase' } as const;

test('an administrator adds, edits (a new version) and retires a behavior guideline; officers do not see them', async ({
  page,
  vigil,
}) => {
  await createAdministrator(page, vigil.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Behavior guidelines' }).click();

  // The library's default set is there from the start.
  const rules = page.getByRole('table', { name: 'Behavior guidelines' });
  const weapons = rules.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Weapons/ }) });
  await expect(weapons).toContainText('Tier 3 — severe');
  await expect(weapons).toContainText('In use');

  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByLabel('Code', { exact: true }).fill('lib-7');
  await page.getByLabel('Title', { exact: true }).fill('Food at computers');
  await page.getByLabel('Description', { exact: true }).fill('Eating at the public computers.');
  await page.getByLabel('Severity', { exact: true }).selectOption('2');
  await page.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.getByRole('status')).toContainText('Added LIB-7 — Food at computers.');
  const food = rules.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Food at computers/ }) });
  await expect(food).toContainText('LIB-7');
  await expect(food).toContainText('Tier 2 — serious');
  await expect(food).toContainText('Version 1');

  // An edit is a new version; the old wording stays in the history.
  await page.getByRole('button', { name: 'Edit Food at computers' }).click();
  await page.getByLabel('Description', { exact: true }).fill('Eating or drinking at the public computers.');
  await page.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(page.getByRole('status')).toContainText(
    'as version 2 — reports filed earlier keep the wording they were filed under',
  );
  await expect(food).toContainText('Version 2');
  await page.getByRole('button', { name: 'Food at computers — wording and versions' }).click();
  const history = page.getByRole('table', { name: 'Versions of Food at computers' });
  await expect(history.getByRole('row').filter({ hasText: 'Current' })).toContainText(
    'Eating or drinking at the public computers.',
  );
  const first = history.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '1', exact: true }) });
  await expect(first).toContainText('Eating at the public computers.');
  await expect(first).toContainText('Ada Lovelace');

  // Retiring asks first.
  await page.getByRole('button', { name: 'Retire Food at computers' }).click();
  await page
    .getByRole('alertdialog', { name: 'Retire Food at computers?' })
    .getByRole('button', { name: 'Yes, retire' })
    .click();
  await expect(food).toContainText('Retired');
  await expect(page.getByRole('button', { name: 'Restore Food at computers' })).toBeVisible();

  // A taken code is refused at its field, and what was typed stays; Esc closes the form.
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByLabel('Code', { exact: true }).fill('B-04');
  await page.getByLabel('Title', { exact: true }).fill('Knives');
  await page.getByLabel('Description', { exact: true }).fill('No knives.');
  await page.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.getByText('This code is taken')).toBeVisible();
  await expect(alertSaying(page, /Not saved yet/)).toBeVisible();
  await expect(page.getByLabel('Code', { exact: true })).toHaveValue('B-04');
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Knives');
  await expect(page.getByLabel('Description', { exact: true })).toHaveValue('No knives.');
  await expect(page.getByRole('form', { name: 'Add rule' })).toBeVisible();
  await page.getByLabel('Title', { exact: true }).press('Escape');
  await expect(page.getByRole('form', { name: 'Add rule' })).toHaveCount(0);

  // An officer sees no such tab, and main refuses the change anyway.
  const added = await page.evaluate((o) => window.vigil!.call('staff.add', o), OFFICER);
  expect(added.ok).toBe(true);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, OFFICER.username, OFFICER.passphrase);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('tab', { name: 'Preferences' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Behavior guidelines' })).toHaveCount(0);
  const refused = await page.evaluate(() =>
    window.vigil!.call('guidelines.add', { code: 'X-1', title: 'Sneaky', description: 'Sneaky.', severity: 1 }),
  );
  expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
});
