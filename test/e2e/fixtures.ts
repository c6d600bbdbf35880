import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebShellProcess, type WebShellProcess } from '../helpers/web-shell-process';

export interface Vigil {
  url: string;
  dataDir: string;
  /** Starts (or restarts) the web shell on this test's data folder. */
  restart(extraArgs?: string[]): Promise<string>;
  /** Stops the web shell (and its database) so the test may change the data folder. */
  stop(): Promise<void>;
}

/** Each test gets its own data folder and its own web shell process. */
export const test = base.extend<{ vigil: Vigil; demoArgs: string[] }>({
  demoArgs: [[], { option: true }],
  vigil: async ({ demoArgs }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vigil-e2e-'));
    let shell: WebShellProcess | undefined;
    const vigil: Vigil = {
      url: '',
      dataDir,
      async restart(extraArgs = []) {
        await shell?.stop();
        shell = await startWebShellProcess(['--data', dataDir, '--port', '0', ...demoArgs, ...extraArgs]);
        vigil.url = shell.url;
        return shell.url;
      },
      async stop() {
        await shell?.stop();
        shell = undefined;
      },
    };
    await vigil.restart();
    await use(vigil);
    await shell?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

export const ADMIN = { name: 'Ada Lovelace', username: 'ada', passphrase: 'correct horse battery' };

export async function createAdministrator(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Set up Vigil' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(ADMIN.name);
  await page.getByLabel('Username', { exact: true }).fill(ADMIN.username);
  await page.getByLabel('Passphrase', { exact: true }).fill(ADMIN.passphrase);
  await page.getByLabel('Confirm passphrase', { exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export async function signIn(page: Page, username: string, passphrase: string): Promise<void> {
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The alert that says this (the screens keep empty live regions ready for announcements). */
export const alertSaying = (page: Page, text: string | RegExp) => page.getByRole('alert').filter({ hasText: text });

/** The page's own bridge, as a script on the page would use it. */
export async function callInPage<T = unknown>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([m, i]) => {
      // The method name is a test parameter here, so the typed signature cannot check it.
      const call = window.vigil!.call as (m: string, i: unknown) => Promise<{ ok: boolean; value?: unknown }>;
      const r = await call(m as string, i);
      if (!r.ok) throw new Error(`${m as string} refused: ${JSON.stringify(r)}`);
      return r.value;
    },
    [method, input] as const,
  ) as Promise<T>;
}

export async function switchTo(page: Page, who: { username: string; passphrase: string }): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, who.username, who.passphrase);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Opens the report from the list, unless the panel already reopened it (it remembers what each person had open). */
export async function openReport(page: Page, number: string): Promise<void> {
  const row = page.getByRole('option', { name: new RegExp(number) });
  const report = page.getByRole('article', { name: number });
  await expect(row.or(report).first()).toBeVisible();
  if (!(await report.isVisible())) await row.click();
  await expect(report).toBeVisible();
}

/**
 * The Disclose step every export of patron records asks: the purpose is focused, the
 * export's default basis stands unless one is named, Enter gives it.
 */
export async function disclose(
  page: Page,
  o: { purpose: string; recipient?: string; basis?: RegExp; caseNumber?: string },
): Promise<void> {
  const dialog = page.getByRole('dialog', { name: /^Disclose: / });
  const purpose = dialog.getByLabel('Purpose', { exact: true });
  await expect(purpose).toBeFocused();
  if (o.basis) await dialog.getByRole('radio', { name: o.basis }).check();
  const recipient = dialog.getByLabel('Given to', { exact: true });
  if (o.recipient !== undefined) await recipient.fill(o.recipient);
  else if ((await recipient.inputValue()) === '') await recipient.fill('Branch manager');
  if (o.caseNumber !== undefined) await dialog.getByLabel('Case number', { exact: true }).fill(o.caseNumber);
  await purpose.fill(o.purpose);
  await purpose.press('Enter');
  await expect(dialog).toBeHidden();
}
