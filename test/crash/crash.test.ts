import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentDesk, type IncidentDesk } from '../helpers/incidents';
import { testDesk } from '../helpers/services';
import { Journal } from '../../src/main/db/journal';

/**
 * Crash safety (issue 15): a writer process doing mixed writes through the real
 * services is killed with SIGKILL at a random moment, 50 times. After each kill the
 * desk starts again on the same folder, and then every write the writer reported as
 * acknowledged must be there, integrity_check must say ok, the journal must verify,
 * no attachment row may point at a missing file, and no image file may be left
 * without a row.
 */
const KILLS = Number(process.env.VIGIL_CRASH_KILLS ?? 50);

let t: IncidentDesk;
let dataDir: string;
let args: string;
beforeAll(async () => {
  t = await incidentDesk();
  dataDir = t.desk.dataDir;
  args = JSON.stringify({
    dataDir,
    username: 'olu',
    passphrase: 'a long test passphrase',
    branchId: t.branch.id,
    zoneId: t.branch.zones[0]!.id,
    ruleId: t.rules.find((r) => r.code === 'B-02')?.id ?? t.rules[0]!.id,
  });
  // The writer has the folder to itself, as a desk does.
  await t.desk.services.close();
});
afterAll(async () => {
  await t.close();
});

/** Runs the writer until a random moment after it is ready, kills it, and returns what it acknowledged. */
function runAndKill(seed: number): Promise<{ acked: string[]; killedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/crash/writer.ts', args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    const wait = 50 + ((seed * 7919) % 1200);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (!timer && out.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), wait);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended by itself (${code}): ${err.slice(-2000)}`));
      // Only whole lines count: a line cut by the kill was not yet reported.
      const lines = out.split('\n').slice(0, -1);
      resolve({ acked: lines.filter((l) => l.startsWith('ACK ')).map((l) => l.slice(4)), killedAfterMs: wait });
    });
  });
}

describe('kill -9 while writing', () => {
  it(`loses nothing acknowledged, over ${KILLS} kills`, async () => {
    const all: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const { acked } = await runAndKill(i + 1);
      all.push(...acked);

      // The next start: the real services on the same folder (they sweep what the crash left).
      const desk = testDesk({ dataDir });
      await desk.services.ready;
      await desk.services.close();

      const db = new Database(join(dataDir, 'vigil.sqlite3'), { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(new Journal(db, 'check').verify()).toMatchObject({ ok: true });
        const has = (sql: string, ...params: string[]) => db.prepare(sql).get(...params) !== undefined;
        for (const line of all) {
          const [kind, id, item] = line.split(' ') as [string, string, string | undefined];
          const found =
            kind === 'incident'
              ? has('SELECT 1 FROM incidents WHERE id = ?', id)
              : kind === 'attachment'
                ? has('SELECT 1 FROM attachments WHERE id = ?', id)
                : kind === 'call'
                  ? has('SELECT 1 FROM calls WHERE id = ?', id)
                  : kind === 'answer'
                    ? has('SELECT 1 FROM closing_answers WHERE run_id = ? AND item_id = ?', id, item!)
                    : has('SELECT 1 FROM bans WHERE id = ?', id);
          expect(found, `acknowledged ${line} is missing after kill ${i + 1}`).toBe(true);
        }
        const hashes = new Set(
          db
            .prepare<[], { sha256: string }>('SELECT sha256 FROM attachments')
            .all()
            .map((r) => r.sha256),
        );
        const files = existsSync(join(dataDir, 'attachments')) ? readdirSync(join(dataDir, 'attachments')) : [];
        for (const sha of hashes) expect(files.some((f) => f.startsWith(sha))).toBe(true);
        for (const f of files) expect(hashes.has(f.slice(0, 64)), `${f} has no row`).toBe(true);
      } finally {
        db.close();
      }
    }
    const kinds = new Set(all.map((l) => l.split(' ')[0]));
    console.log(`crash harness: ${KILLS} kills, ${all.length} acknowledged writes (${[...kinds].join(', ')})`);
    // Not vacuous: every kind of write was acknowledged (and then checked) at least once.
    expect([...kinds].sort()).toEqual(['answer', 'attachment', 'ban', 'call', 'incident']);
  });
});
