import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test('a damaged database shows a clear message, not a blank window', async ({ page, vigil }) => {
  await vigil.stop();
  writeFileSync(join(vigil.dataDir, 'vigil.sqlite3'), 'not a database '.repeat(500));
  for (const extra of ['vigil.sqlite3-wal', 'vigil.sqlite3-shm']) rmSync(join(vigil.dataDir, extra), { force: true });
  await vigil.restart();
  await page.goto(vigil.url);
  await expect(page.getByRole('heading', { name: 'Vigil cannot open its data' })).toBeVisible();
  await expect(page.getByText(/damaged|not a database/)).toBeVisible();
});

test.describe('training desk', () => {
  test.use({ demoArgs: ['--demo'] });
  test('shows the training banner and accounts, and the desk after sign-in', async ({ page, vigil }) => {
    await page.goto(vigil.url);
    await expect(page.getByText('TRAINING DATA').first()).toBeVisible();
    const accounts = page.getByRole('table', { name: 'Training accounts' });
    await expect(accounts).toContainText('demo.officer');
    await page.getByLabel('Username', { exact: true }).fill('demo.officer');
    await page.getByLabel('Passphrase', { exact: true }).fill('training-officer-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('region', { name: 'Cameras' })).toBeVisible();
    await expect(page.getByLabel('Branch filter')).toContainText('North Branch');
  });
});
