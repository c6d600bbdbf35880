import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE, openDatabase, type Db } from '../src/main/db/connection';
import { DEFAULT_RETENTION, RetentionSettings } from '../src/shared/contract/retention';
import { cachedDatabase } from './incidents';
import { submitProbe } from './submit-probe';
import { ms, percentile, printTable } from './stats';

const s = (t: number) => `${(t / 1000).toFixed(1)} s`;
const p = (samples: number[]) =>
  `p50 ${ms(percentile(samples, 50))}  p99 ${ms(percentile(samples, 99))}  max ${ms(Math.max(...samples))}  (n=${samples.length})`;

/**
 * `npm run bench -- retention`: the purge of a year of records from the
 * 1,000,000-incident archive (ten years, so about 100,000 reports with their versions,
 * persons, rules and index entries), in passes of 2,000, while the desk files a report
 * every 100 ms; the desk's submit latency during the purge against idle in the same run,
 * and the preview (the same pass, read only).
 */
export async function benchRetention(): Promise<void> {
  const count = Number(process.env.VIGIL_BENCH_INCIDENTS ?? 1_000_000);
  const cached = cachedDatabase(count);
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-retention-'));
  try {
    copyFileSync(cached, join(dir, DATABASE_FILE));
    const db: Db = openDatabase(dir);
    const adminId = db.prepare<[], { id: string }>("SELECT id FROM staff WHERE role = 'supervisor' LIMIT 1").get()!.id;
    const oldest = db.prepare<[], { at: string }>('SELECT min(occurred_from) AS at FROM incidents').get()!.at;
    const { desk, submitOnce, idle: idleSubmits } = submitProbe(db, dir);
    // Keep reports for the archive's span less one year: its oldest year goes.
    const spanDays = Math.floor((Date.now() - Date.parse(oldest)) / 86_400_000);
    desk.settings.service.updateSection(
      'retention',
      RetentionSettings,
      { ...DEFAULT_RETENTION, days: { ...DEFAULT_RETENTION.days, incidents: spanDays - 365, audit: 36500 } },
      adminId,
    );
    const idle = await idleSubmits();

    const t0 = performance.now();
    const preview = desk.retention.service.preview();
    const previewMs = performance.now() - t0;
    const expected = preview.counts.find((c) => c.kind === 'incidents')!.count;

    // The desk keeps filing a report every 100 ms while the purge runs; what the
    // purge blocks shows as a late start (the loop's own lag) as well as a slow submit.
    const during: number[] = [];
    const lag: number[] = [];
    let running = true;
    const filing = (async () => {
      while (running) {
        during.push(submitOnce());
        const asked = performance.now();
        await new Promise((r) => setTimeout(r, 100));
        lag.push(performance.now() - asked - 100);
      }
    })();
    const t1 = performance.now();
    const run = await desk.retention.service.purge('terminal', null);
    const purgeMs = performance.now() - t1;
    running = false;
    await filing;
    const removed = run.counts.find((c) => c.kind === 'incidents')!.count;
    if (removed !== expected) throw new Error(`the purge removed ${removed} reports; the preview said ${expected}`);
    const verify = desk.kernel.journal.verify();
    if (!verify.ok) throw new Error('the journal does not verify after the purge');
    const size = statSync(join(dir, DATABASE_FILE)).size;
    printTable(
      `purge of a year: ${removed.toLocaleString('en-US')} of ${count.toLocaleString('en-US')} incidents (${(size / 1e9).toFixed(2)} GB)`,
      [
        [
          'purge, in passes of 2,000, index rewritten',
          `${s(purgeMs)} (${Math.round(removed / (purgeMs / 1000))} reports/s)`,
          '',
        ],
        ['preview (the same pass, read only: the desk writes on)', s(previewMs), ''],
        ['submit while the purge runs', p(during), 'goal p99 ≤ 2× idle'],
        ['desk timer lag while the purge runs', p(lag), 'how long a console waits'],
        ['baseline: submit, idle', p(idle), 'same run'],
      ],
    );
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
