import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE, openDatabase, type Db } from '../src/main/db/connection';
import { Journal } from '../src/main/db/journal';
import { writeBackup } from '../src/main/backup/backup-folder';
import { DEFAULT_ROTATION } from '../src/main/backup/rotation';
import { verifyInChild } from '../src/main/maintenance/child-verify';
import { cachedDatabase } from './incidents';
import { submitProbe } from './submit-probe';
import { ms, percentile, printTable } from './stats';

const s = (t: number) => `${(t / 1000).toFixed(1)} s`;
const p = (samples: number[]) =>
  `p50 ${ms(percentile(samples, 50))}  p99 ${ms(percentile(samples, 99))}  (n=${samples.length})`;

/**
 * `npm run bench -- maintenance-journal`: the journal walked over VIGIL_BENCH_JOURNAL
 * (default 1,000,000) entries, in chunks with progress against one pass.
 */
export async function benchJournal(): Promise<void> {
  const n = Number(process.env.VIGIL_BENCH_JOURNAL ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-journal-'));
  try {
    const db = openDatabase(dir);
    db.pragma('synchronous = OFF');
    const journal = new Journal(db, 'bench');
    const payload = { summary: 'Patron asked to lower their voice', narrative: 'x'.repeat(300) };
    const t0 = performance.now();
    for (let done = 0; done < n; done += 10_000) {
      db.transaction(() => {
        for (let i = 0; i < 10_000 && done + i < n; i++) {
          journal.append({ kind: 'incident.submitted', recordId: `r${done + i}`, actor: null, payload });
        }
      })();
    }
    console.log(`${n.toLocaleString('en-US')} journal entries written in ${s(performance.now() - t0)}`);
    db.pragma('synchronous = FULL');
    const t1 = performance.now();
    const one = journal.verify();
    const onePass = performance.now() - t1;
    let updates = 0;
    let gap = 0;
    let last = performance.now();
    const t2 = performance.now();
    const chunked = await journal.verifyInChunks(() => {
      updates += 1;
      gap = Math.max(gap, performance.now() - last);
      last = performance.now();
    });
    const inChunks = performance.now() - t2;
    if (!one.ok || !chunked.ok) throw new Error('the generated journal did not verify');
    printTable(`journal verify: ${n.toLocaleString('en-US')} entries`, [
      ['in chunks, with progress (at start, Settings)', `${s(inChunks)}, ${updates} progress updates`, 'goal ≤ 10 s'],
      ['longest time the event loop was held', ms(gap), 'one chunk of 2,000'],
      ['baseline: one pass, no yielding', s(onePass), 'same run'],
    ]);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- maintenance-backup`: a backup of the 1,000,000-incident archive with
 * 10,000 attachment files, timed, with the desk's submit latency while it runs
 * against idle in the same run.
 */
export async function benchBackup(): Promise<void> {
  const count = Number(process.env.VIGIL_BENCH_INCIDENTS ?? 1_000_000);
  const files = Number(process.env.VIGIL_BENCH_ATTACHMENTS ?? 10_000);
  const cached = cachedDatabase(count);
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-backup-'));
  const folder = mkdtempSync(join(tmpdir(), 'vigil-bench-backup-folder-'));
  try {
    copyFileSync(cached, join(dir, DATABASE_FILE));
    const db: Db = openDatabase(dir);
    const { staffId, submitOnce, idle: idleSubmits } = submitProbe(db, dir);

    // 10,000 snapshot-sized files (about 40 KB each) with their rows, as a year of snapshots would leave.
    mkdirSync(join(dir, 'attachments'), { recursive: true });
    const insert = db.prepare(
      `INSERT INTO attachments (id, sha256, kind, media_type, bytes, width, height, camera_id, stream, taken_at, frame_time, taken_by)
       VALUES (?, ?, 'snapshot', 'image/jpeg', ?, 640, 360, NULL, NULL, ?, NULL, ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < files; i++) {
        const bytes = randomBytes(40_000);
        const sha = createHash('sha256').update(bytes).digest('hex');
        writeFileSync(join(dir, 'attachments', `${sha}.jpg`), bytes);
        insert.run(`bench-${i}`, sha, bytes.length, new Date().toISOString(), staffId);
      }
    })();
    const idle = await idleSubmits();

    // The desk keeps filing a report every 100 ms while the backup runs, as a busy evening would.
    const during: number[] = [];
    let running = true;
    const desk = (async () => {
      while (running) {
        during.push(submitOnce());
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const t0 = performance.now();
    const first = await writeBackup({
      db,
      dataDir: dir,
      root: folder,
      now: new Date(),
      appVersion: 'bench',
      rotation: DEFAULT_ROTATION,
      verify: verifyInChild,
    });
    const firstMs = performance.now() - t0;
    running = false;
    await desk;
    const t1 = performance.now();
    const second = await writeBackup({
      db,
      dataDir: dir,
      root: folder,
      now: new Date(Date.now() + 1000),
      appVersion: 'bench',
      rotation: DEFAULT_ROTATION,
      verify: verifyInChild,
    });
    const secondMs = performance.now() - t1;
    const size = statSync(join(dir, DATABASE_FILE)).size;
    printTable(
      `backup: ${count.toLocaleString('en-US')} incidents (${(size / 1e9).toFixed(2)} GB) and ${files.toLocaleString('en-US')} attachments`,
      [
        ['first backup, verified in a child process', `${s(firstMs)} (${first.copiedFiles} files copied)`, ''],
        ['next backup (files already there)', `${s(secondMs)} (${second.reusedFiles} reused)`, ''],
        ['submit while the backup runs', p(during), `goal p99 ≤ 2× idle`],
        ['baseline: submit, idle', p(idle), 'same run'],
      ],
    );
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  }
}
