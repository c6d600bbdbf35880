import { ADMIN, alertSaying, createAdministrator, expect, signIn, test } from './fixtures';

test('first run → administrator → sign in → idle lock and unlock → adds an officer, who cannot reach admin screens or methods', async ({
  page,
  vigil,
}) => {
  await page.clock.install();
  await createAdministrator(page, vigil.url);

  // Sign out and back in.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Vigil' })).toBeVisible();
  await signIn(page, ADMIN.username, 'not the passphrase');
  await expect(alertSaying(page, 'do not match')).toBeVisible();
  await expect(page.getByLabel('Username', { exact: true })).toHaveValue(ADMIN.username);
  await signIn(page, ADMIN.username, ADMIN.passphrase);
  await expect(page.getByRole('button', { name: 'Lock' })).toBeVisible();
  await expect(page.getByRole('banner').getByText(ADMIN.name, { exact: true })).toBeVisible();

  // The desk: cameras on the left, work panel tabs on the right.
  await expect(page.getByRole('region', { name: 'Cameras' })).toBeVisible();
  for (const tab of ['Incidents', 'Bans', 'Rounds', 'Calls', 'Closing']) {
    await expect(page.getByRole('tab', { name: tab })).toBeVisible();
  }

  // Ten idle minutes lock the console; the passphrase unlocks it.
  await page.clock.fastForward('10:30');
  await expect(page.getByRole('heading', { name: 'Console locked' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill('wrong one, sorry');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(alertSaying(page, 'not right')).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('button', { name: 'Lock' })).toBeVisible();

  // Admin adds an officer in Settings → Staff.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Staff' }).click();
  await page.getByRole('button', { name: 'Add staff' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Olu Officer');
  await page.getByLabel('Username', { exact: true }).fill('olu');
  await page.getByLabel('Role', { exact: true }).selectOption('officer');
  await page.getByLabel('Passphrase', { exact: true }).fill('officer passphrase');
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await expect(page.getByRole('row', { name: /Olu Officer olu Officer Active/ })).toBeVisible();

  // From the lock screen, the officer signs in.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Console locked' })).toBeVisible();
  await page.getByLabel('Username', { exact: true }).fill('olu');
  await page.getByLabel('Their passphrase', { exact: true }).fill('officer passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner').getByText('Olu Officer', { exact: true })).toBeVisible();

  // No admin screens for an officer…
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('tab', { name: 'Preferences' })).toBeVisible();
  for (const admin of ['Branches', 'Staff', 'Audit log', 'Journal']) {
    await expect(page.getByRole('tab', { name: admin })).toHaveCount(0);
  }
  // …and main refuses the admin methods even when called directly from the page.
  const refused = await page.evaluate(async () => {
    const v = window.vigil!;
    const results = await Promise.all([
      v.call('staff.list', {}),
      v.call('staff.add', { name: 'Eve', username: 'eve', role: 'admin', passphrase: 'sneaky passphrase' }),
      v.call('audit.list', {}),
      v.call('settings.update', { idleLockMinutes: 240 }),
    ]);
    return results.map((r) => (r.ok ? 'ok' : r.error.code));
  });
  expect(refused).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
});

test('five failed sign-ins lock the username for five minutes', async ({ page, vigil }) => {
  await createAdministrator(page, vigil.url);
  await page.getByRole('button', { name: 'Sign out' }).click();
  const passphrase = page.getByLabel('Passphrase', { exact: true });
  for (let i = 0; i < 5; i++) {
    await signIn(page, ADMIN.username, `wrong passphrase ${i}`);
    await expect(alertSaying(page, 'do not match')).toBeVisible();
    // The screen clears the passphrase once the answer is in: the next try starts clean.
    await expect(passphrase).toHaveValue('');
  }
  await signIn(page, ADMIN.username, ADMIN.passphrase);
  await expect(alertSaying(page, 'Too many failed attempts')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lock' })).toHaveCount(0);
});

test('the administrator sees refused calls in the audit log', async ({ page, vigil }) => {
  await createAdministrator(page, vigil.url);
  await page.evaluate(() => window.vigil!.call('auth.lock', {}));
  await expect(page.getByRole('heading', { name: 'Console locked' })).toBeVisible();
  await page.evaluate(() => window.vigil!.call('staff.list', {}));
  await page.getByLabel('Passphrase', { exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Audit log' }).click();
  await expect(page.getByRole('cell', { name: 'staff.list' })).toBeVisible();
});
