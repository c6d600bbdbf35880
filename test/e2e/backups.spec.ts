import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdministrator, expect, test } from './fixtures';

test('an administrator chooses a backup folder, backs up now, verifies it, asks for a restore, and sets screen capture', async ({
  page,
  vigil,
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'vigil-e2e-backups-'));
  try {
    await createAdministrator(page, vigil.url);
    await expect(page.getByText('Backups are off')).toBeVisible();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Journal' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Journal intact: \d+ entr/ })).toContainText('At start');

    await page.getByRole('tab', { name: 'Backups' }).click();
    await expect(page.getByRole('button', { name: 'Back up now' })).toBeDisabled();
    await page.getByLabel('Backup folder').fill('not/a/whole/path');
    await page.getByRole('button', { name: 'Save backup settings' }).click();
    await expect(page.getByLabel('Backup folder')).toHaveAccessibleDescription(/Give the whole folder path/);
    await page.getByLabel('Backup folder').fill(folder);
    await page.getByRole('button', { name: 'Save backup settings' }).click();
    await expect(page.getByText(`Saved. Backups go to ${folder}.`)).toBeVisible();

    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByText(/Backed up and verified at .*: \d+ new files? copied/)).toBeVisible({
      timeout: 60_000,
    });
    const row = page.getByRole('row').nth(1);
    await row.getByRole('button', { name: /^Verify the backup of/ }).click();
    await expect(row).toContainText('✓ Intact', { timeout: 60_000 });
    expect(readdirSync(join(folder, 'sets'))).toHaveLength(1);

    await row.getByRole('button', { name: /^Restore the backup of/ }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.getByRole('button', { name: 'Restore at next start' })).toBeDisabled();
    await dialog.getByLabel('Type RESTORE to confirm').fill('RESTORE');
    await dialog.getByRole('button', { name: 'Restore at next start' }).click();
    await expect(page.getByText(/waits for the next start/)).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Cancel the restore' }).click();
    await expect(page.getByText(/waits for the next start/)).toHaveCount(0);

    // Session hygiene: the window is kept out of screen capture by default; an administrator may turn it off.
    await page.getByRole('tab', { name: 'Preferences' }).click();
    const capture = page.getByRole('checkbox', { name: /Keep the Vigil window out of screenshots/ });
    await expect(capture).toBeChecked();
    await capture.click();
    await expect(page.getByText('Saved. Screenshots and screen sharing can show the Vigil window.')).toBeVisible();
    await expect(capture).not.toBeChecked();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
