import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DATABASE_FILE } from '../src/main/db/connection';
import { uuidv7 } from '../src/main/ids';
import { hashPassphrase } from '../src/main/staff/passphrase';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium';
import { startWebShellProcess } from '../test/helpers/web-shell-process';
import { cachedDatabase } from './incidents';
import { ms, percentile, printTable } from './stats';

const RUNS = 3;
const ADMIN = { username: 'bench.admin', passphrase: 'bench passphrase 1' };

/**
 * The web shell opened on a large archive, as a desk starts a shift: process
 * start → sign-in screen → signed in → the first rows of the incident list on
 * screen. Baseline: the same on an empty desk (one administrator, no incidents).
 */
export async function benchIncidentsOpen(): Promise<void> {
  const count = Number(process.env.VIGIL_BENCH_INCIDENTS ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-open-'));
  const empty = mkdtempSync(join(tmpdir(), 'vigil-bench-open-empty-'));
  copyFileSync(cachedDatabase(count), join(dir, DATABASE_FILE));
  const hash = await hashPassphrase(ADMIN.passphrase);
  const addAdmin = (file: string) => {
    const db = new Database(file);
    db.prepare(
      "INSERT INTO staff (id, name, username, role, passphrase_hash, created_at) VALUES (?, 'Bench Admin', ?, 'admin', ?, ?)",
    ).run(uuidv7(), ADMIN.username, hash, new Date().toISOString());
    db.close();
  };
  addAdmin(join(dir, DATABASE_FILE));
  // The empty desk: started once so it migrates, then given its administrator.
  await (await startWebShellProcess(['--data', empty, '--port', '0'])).stop();
  addAdmin(join(empty, DATABASE_FILE));

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const open = async (dataDir: string, expectRows: boolean) => {
    const t0 = performance.now();
    const shell = await startWebShellProcess(['--data', dataDir, '--port', '0'], undefined, { checkOutputs: false });
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(shell.url);
    await page.getByLabel('Username', { exact: true }).fill(ADMIN.username);
    await page.getByLabel('Passphrase', { exact: true }).fill(ADMIN.passphrase);
    const signInShown = performance.now() - t0;
    await page.getByRole('button', { name: 'Sign in' }).click();
    const list = page.getByRole('listbox', { name: 'Reports' });
    if (expectRows) await list.getByRole('option').first().waitFor();
    else await page.getByRole('button', { name: 'Lock' }).waitFor();
    const total = performance.now() - t0;
    await page.close();
    await shell.stop();
    return { signInShown, total };
  };
  try {
    const big: { signInShown: number; total: number }[] = [];
    const base: { signInShown: number; total: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      big.push(await open(dir, true));
      base.push(await open(empty, false));
    }
    const med = (xs: number[]) => ms(percentile(xs, 50));
    printTable(
      `Web shell opening to the incident list, ${count.toLocaleString('en-US')} incidents (median of ${RUNS})`,
      [
        ['measure (goal)', 'large archive', 'baseline: empty desk'],
        ['start → sign-in screen filled', med(big.map((r) => r.signInShown)), med(base.map((r) => r.signInShown))],
        ['start → incident list on screen (≤ 1.5 s)', med(big.map((r) => r.total)), med(base.map((r) => r.total))],
      ],
    );
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(empty, { recursive: true, force: true });
  }
}
