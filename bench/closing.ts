import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { DATABASE_FILE } from '../src/main/db/connection';
import { uuidv7 } from '../src/main/ids';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium';
import { startWebShellProcess } from '../test/helpers/web-shell-process';
import { connectWs, type WsClient } from '../test/helpers/ws-client';
import { ADMIN } from './desk';
import { prng } from './incidents-data';
import { ms, percentile, printTable } from './stats';

const YEARS = Number(process.env.VIGIL_BENCH_CLOSING_YEARS ?? 5);
const RUNS = Number(process.env.VIGIL_BENCH_CLOSING_RUNS ?? 5);
const ITEMS = 40;
const OPENS = 10;
const DAY = 86_400_000;
const ZONES = [
  'Lobby',
  'Stacks',
  'Restrooms',
  "Children's Room",
  'Computer Lab',
  'Meeting Room',
  'Staff Room',
  'Parking Lot',
];

const parse = (url: string) => {
  const u = new URL(url);
  return { port: Number(u.port), token: new URLSearchParams(u.hash.slice(1)).get('token')! };
};

async function must<T>(ws: WsClient, method: string, input: unknown): Promise<T> {
  const r = await ws.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

interface Prepared {
  dataDir: string;
  years: { id: string; name: string };
  month: { id: string; name: string };
  bench: { id: string; name: string };
}

/** A branch with eight zones, opening hours, and a checklist of `items` checks. */
async function branchWithChecklist(ws: WsClient, name: string, code: string, items: number) {
  let branch = await must<{ id: string; zones: { id: string }[] }>(ws, 'branches.add', {
    name,
    code,
    address: '',
    timeZone: 'America/Chicago',
  });
  for (const zone of ZONES) {
    branch = await must(ws, 'zones.add', {
      branchId: branch.id,
      name: zone,
      kind: zone === 'Parking Lot' ? 'exterior' : 'interior',
      floor: '',
    });
  }
  await must(ws, 'branches.setWeeklyHours', {
    branchId: branch.id,
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '09:00', closes: '20:00' })),
  });
  const template = await must<{ versionId: string; items: { id: string }[] }>(ws, 'closing.saveTemplate', {
    branchId: branch.id,
    items: Array.from({ length: items }, (_, i) => ({
      zoneId: branch.zones[Math.floor((i * ZONES.length) / items)]!.id,
      label: `Check ${i + 1}: nobody left, doors shut`,
      kind: 'check',
    })),
  });
  return { id: branch.id, name, versionId: template.versionId, itemIds: template.items.map((i) => i.id) };
}

/**
 * A desk whose "Five Years" branch has a signed closing every night for YEARS years
 * (30 answers each, a problem or an exception now and then), written straight into
 * the real schema; "One Month" has 30 nights (the baseline); "Bench" is for answering.
 */
async function prepare(): Promise<Prepared> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-bench-closing-'));
  const shell = await startWebShellProcess(['--data', dataDir, '--port', '0'], undefined, { checkOutputs: false });
  const { port, token } = parse(shell.url);
  const ws = await connectWs(port, token);
  const admin = await must<{ staff: { id: string } }>(ws, 'auth.createAdministrator', {
    ...ADMIN,
    confirmPassphrase: ADMIN.passphrase,
  });
  const years = await branchWithChecklist(ws, 'Five Years', 'YEARS', 30);
  const month = await branchWithChecklist(ws, 'One Month', 'MONTH', 30);
  const bench = await branchWithChecklist(ws, 'Bench', 'BENCH', ITEMS);
  ws.close();
  await shell.stop();

  const db = new Database(join(dataDir, DATABASE_FILE));
  const random = prng(7);
  const run = db.prepare(
    `INSERT INTO closing_runs (id, branch_id, template_version_id, closing_date, started_at, started_by, status, ended_at, ended_by, end_note)
     VALUES (?, ?, ?, ?, ?, ?, 'signed', ?, ?, '')`,
  );
  const answer = db.prepare(
    `INSERT INTO closing_answers (run_id, item_id, outcome, count, failed, note, method, answered_at, answered_by)
     VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
  );
  const exception = db.prepare(
    `INSERT INTO closing_exceptions (id, run_id, kind, zone_id, began_at, opened_at, opened_by, details, escalate_minutes)
     VALUES (?, ?, 'inside', NULL, ?, ?, ?, '{"who":"Cleaners","role":"cleaner","where":"Second floor","why":"","description":""}', NULL)`,
  );
  const nights = (b: typeof years, count: number) => {
    const today = Date.UTC(2026, 10, 29, 2, 0);
    for (let n = count; n >= 1; n--) {
      const closes = today - n * DAY;
      const id = uuidv7(closes);
      const started = closes - 8 * 60_000;
      const at = (s: number) => new Date(s).toISOString();
      let t = started;
      const answers = b.itemIds.map((itemId) => {
        t += 10_000 + Math.floor(random() * 30_000);
        const failed = random() < 0.01;
        return [
          itemId,
          failed ? 'problem' : 'done',
          failed ? 1 : 0,
          failed ? 'Found a problem' : '',
          random() < 0.1 ? 'camera' : 'walked',
          at(t),
        ] as const;
      });
      const date = new Date(closes - 6 * 3_600_000).toISOString().slice(0, 10);
      run.run(id, b.id, b.versionId, date, at(started), admin.staff.id, at(t + 60_000), admin.staff.id);
      for (const [itemId, outcome, failed, note, method, when] of answers) {
        answer.run(id, itemId, outcome, failed, note, method, when, admin.staff.id);
      }
      if (random() < 0.05) exception.run(uuidv7(closes), id, at(started), at(started), admin.staff.id);
    }
  };
  db.transaction(() => {
    nights(years, Math.round(YEARS * 365.25));
    nights(month, 30);
  })();
  db.close();
  return { dataDir, years, month, bench };
}

/** Opens the Closing tab from the Incidents tab, in the page, until the history's first row is drawn. */
async function historyOpenMs(page: Page): Promise<number> {
  await page.getByRole('tab', { name: 'Incidents' }).click();
  await page.getByRole('searchbox', { name: 'Search reports' }).waitFor();
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const tab = [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find(
          (t) => t.textContent === 'Closing',
        )!;
        const t0 = performance.now();
        const seen = () => document.querySelector('.history-table tbody tr');
        const observer = new MutationObserver(() => {
          if (!seen()) return;
          observer.disconnect();
          resolve(performance.now() - t0);
        });
        observer.observe(document.body, { subtree: true, childList: true });
        tab.click();
      }),
  );
}

/** Arms a watch in the page: from the next keydown until `done` holds (checked on every change and focus). */
async function arm(page: Page, kind: 'answer' | 'move'): Promise<void> {
  await page.evaluate((k) => {
    const w = window as unknown as { pending: Promise<number> };
    w.pending = new Promise<number>((resolve) => {
      const prev = document.activeElement as HTMLElement;
      let t0 = 0;
      document.addEventListener('keydown', () => (t0 = performance.now()), { once: true, capture: true });
      const check = () => {
        const now = document.activeElement as HTMLElement | null;
        const moved = t0 > 0 && now !== prev && !!now?.classList.contains('item-row');
        const journaled = k === 'move' || prev.querySelector('.item-state')?.textContent === 'Checked';
        if (!moved || !journaled) return;
        observer.disconnect();
        document.removeEventListener('focusin', check);
        resolve(performance.now() - t0);
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      document.addEventListener('focusin', check);
    });
  }, kind);
}

const waitArmed = (page: Page) => page.evaluate(() => (window as unknown as { pending: Promise<number> }).pending);

/**
 * Closing checklists, in the web shell: answering an item (keypress → the next item
 * focused and the answer journaled in main, shown back on its row) against a move
 * that only changes focus and a bare contract call; and a branch's closing history
 * opening with YEARS years of nightly runs, against a branch with a month of them.
 */
export async function benchClosing(): Promise<void> {
  const started = performance.now();
  const p = await prepare();
  console.log(`  prepared ${YEARS} years of nightly closings (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const shell = await startWebShellProcess(['--data', p.dataDir, '--port', '0'], undefined, { checkOutputs: false });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const { port, token } = parse(shell.url);
    const ws = await connectWs(port, token);
    await must(ws, 'auth.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const call = async (n: number, fn: () => Promise<unknown>) => {
      const s: number[] = [];
      for (let i = 0; i < n + 5; i++) {
        const t = performance.now();
        await fn();
        if (i >= 5) s.push(performance.now() - t);
      }
      return s;
    };
    const callYears = await call(50, () => must(ws, 'closing.history', { branchId: p.years.id, limit: 30 }));
    const callMonth = await call(50, () => must(ws, 'closing.history', { branchId: p.month.id, limit: 30 }));
    const older = await must<{ nextCursor: string }>(ws, 'closing.history', { branchId: p.years.id, limit: 30 });
    const callDeep = await call(50, () =>
      must(ws, 'closing.history', { branchId: p.years.id, limit: 30, cursor: older.nextCursor }),
    );

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    // tsx names the functions it compiles (__name): the page needs the helper for what is evaluated there.
    await page.addInitScript('window.__name = (f) => f;');
    await page.goto(shell.url);
    await page.getByLabel('Username', { exact: true }).fill(ADMIN.username);
    await page.getByLabel('Passphrase', { exact: true }).fill(ADMIN.passphrase);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Lock' }).waitFor();

    const openings = async (branch: string) => {
      await page.getByLabel('Branch filter').selectOption({ label: branch });
      const s: number[] = [];
      for (let i = 0; i < OPENS + 1; i++) {
        const t = await historyOpenMs(page);
        if (i > 0) s.push(t);
      }
      return s;
    };
    const uiYears = await openings(p.years.name);
    const uiMonth = await openings(p.month.name);

    // Answering: whole checklists of the Bench branch, Space on each item.
    await page.getByLabel('Branch filter').selectOption({ label: p.bench.name });
    await page.getByRole('tab', { name: 'Closing' }).click();
    const answers: number[] = [];
    const moves: number[] = [];
    const bare: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      await page.getByRole('button', { name: /(Start|Resume) closing checklist/ }).click();
      await page.locator('li.item-row:focus').waitFor();
      // Focus alone first: down and back up the list.
      for (let i = 0; i < 5; i++) {
        await arm(page, 'move');
        await page.keyboard.press('ArrowDown');
        moves.push(await waitArmed(page));
        await page.keyboard.press('ArrowUp');
      }
      for (let i = 0; i < ITEMS - 1; i++) {
        await arm(page, 'answer');
        await page.keyboard.press('Space');
        answers.push(await waitArmed(page));
      }
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: 'Sign building clear' }).waitFor();
      await page.getByRole('button', { name: 'Sign building clear' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Sign building clear' }).click();
      await page.getByRole('button', { name: 'Back to closing' }).click();
      bare.push(
        ...(await page.evaluate(async () => {
          const s: number[] = [];
          for (let i = 0; i < 20; i++) {
            const t = performance.now();
            await window.vigil!.call('system.info', {});
            s.push(performance.now() - t);
          }
          return s;
        })),
      );
    }
    // The same answers from a plain client: main's share of the figure above.
    const direct: number[] = [];
    for (let r = 0; r < 2; r++) {
      const run = await must<{ id: string; items: { id: string }[] }>(ws, 'closing.start', { branchId: p.bench.id });
      for (const item of run.items) {
        const t = performance.now();
        await must(ws, 'closing.answer', {
          runId: run.id,
          branchId: p.bench.id,
          itemId: item.id,
          value: { kind: 'check', ok: true },
        });
        direct.push(performance.now() - t);
      }
      await must(ws, 'closing.sign', { runId: run.id });
    }
    ws.close();

    const row = (name: string, s: number[]): [string, string, string] => [
      name,
      ms(percentile(s, 50)),
      ms(percentile(s, 99)),
    ];
    printTable(
      `Answering a closing item in the web shell (${answers.length} answers, ${RUNS} checklists of ${ITEMS})`,
      [
        ['keypress → …', 'p50', 'p99'],
        row('next item focused and the answer journaled (shown on its row)', answers),
        row('  of which closing.answer in main, from a plain client', direct),
        row('baseline: next item focused only (↓, no call)', moves),
        row('baseline: a bare contract call from the page (system.info)', bare),
      ],
    );
    printTable(`Closing history of a branch (first page of 30; ${OPENS} openings, median)`, [
      ['measure (goal)', `${YEARS} years of nightly runs`, 'baseline: one month'],
      [
        'Closing tab clicked → history rows on screen (≤ 200 ms)',
        ms(percentile(uiYears, 50)),
        ms(percentile(uiMonth, 50)),
      ],
      ['  … slowest of the openings', ms(Math.max(...uiYears)), ms(Math.max(...uiMonth))],
      ['closing.history call, p50 over 50', ms(percentile(callYears, 50)), ms(percentile(callMonth, 50))],
      ['closing.history, second page (cursor), p50', ms(percentile(callDeep, 50)), ''],
    ]);
  } finally {
    await browser.close();
    await shell.stop();
    rmSync(p.dataDir, { recursive: true, force: true });
  }
}
