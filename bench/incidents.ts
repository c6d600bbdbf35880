import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyFileSecretStore } from '../src/main/cameras/secrets';
import { systemClock } from '../src/main/clock';
import { DATABASE_FILE, openDatabase, type Db } from '../src/main/db/connection';
import { buildDesk } from '../src/main/desk';
import { Sessions } from '../src/main/rpc/sessions';
import { IncidentFilters, DraftContent } from '../src/shared/contract/incidents';
import { cachedAtSchema } from './cache';
import { generateIncidents, prng, WORDS } from './incidents-data';
import { ms, percentile, printTable } from './stats';

/** The generated archive of `count` filed incidents, cached under bench/results/ per schema. */
export function cachedDatabase(count: number): string {
  return cachedAtSchema(
    (tag) => `incidents-${count}-${tag}.sqlite3`,
    (dir) => {
      console.log(`Generating ${count.toLocaleString('en-US')} incidents`);
      const db = openDatabase(dir);
      // Building only: the benchmark itself runs with the real pragmas (synchronous=FULL) on a copy.
      db.pragma('synchronous = OFF');
      db.pragma('foreign_keys = OFF');
      db.pragma('cache_size = -262144');
      generateIncidents(db, count, console.log);
      db.pragma('optimize');
      db.exec("INSERT INTO incident_fts (incident_fts) VALUES ('optimize')");
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  );
}

function time(samples: number[], run: () => unknown): void {
  const t0 = performance.now();
  run();
  samples.push(performance.now() - t0);
}

const row = (label: string, s: number[], goal: string): [string, string, string] => [
  label,
  `p50 ${ms(percentile(s, 50))}  p95 ${ms(percentile(s, 95))}  p99 ${ms(percentile(s, 99))}  (n=${s.length})`,
  goal,
];

/**
 * `npm run bench -- incidents`: full-text search and filtered first pages over
 * VIGIL_BENCH_INCIDENTS (default 1,000,000) filed incidents, against a LIKE scan of
 * the same words in the same run, and submit latency with synchronous=FULL.
 */
export async function benchIncidents(): Promise<void> {
  const count = Number(process.env.VIGIL_BENCH_INCIDENTS ?? 1_000_000);
  const t0 = performance.now();
  const cached = cachedDatabase(count);
  console.log(
    `Database ready in ${((performance.now() - t0) / 1000).toFixed(1)} s (${(statSync(cached).size / 1e6).toFixed(0)} MB)`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-incidents-'));
  copyFileSync(cached, join(dir, DATABASE_FILE));
  const db: Db = openDatabase(dir);
  const staffId = db.prepare<[], { id: string }>("SELECT id FROM staff WHERE role = 'officer' LIMIT 1").get()!.id;
  // The whole desk on the copied file, as main builds it (no cameras are started).
  const incidents = buildDesk({
    db,
    dataDir: dir,
    clock: systemClock,
    log: () => undefined,
    sessions: new Sessions(),
    secrets: keyFileSecretStore(dir),
    ffmpegPath: null,
  }).incidents.service;
  const random = prng(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const ids = (sql: string) =>
    db
      .prepare<[], { id: string }>(sql)
      .all()
      .map((r) => r.id);
  const branches = ids('SELECT id FROM branches');
  const rules = ids('SELECT id FROM guideline_rules');
  const staff = ids('SELECT id FROM staff');
  const persons = ids('SELECT id FROM persons');

  // ---- full-text search vs a LIKE scan ----
  const queries = [
    () => 'patron',
    () => 'vaping',
    () => pick(WORDS.LAST),
    () => `${pick(WORDS.COLORS)} ${pick(WORDS.GARMENTS)}`,
    () => 'grafit',
    () => `${pick(WORDS.FIRST)} ${pick(WORDS.LAST)}`,
  ];
  const search = (text: string, extra: object = {}) =>
    incidents.search(IncidentFilters.parse({ text, limit: 50, ...extra }), staffId);
  for (let i = 0; i < 20; i++) search(pick(queries)()); // warm the page cache
  const fts: number[] = [];
  const ftsFiltered: number[] = [];
  for (let i = 0; i < 300; i++) time(fts, () => search(queries[i % queries.length]!()));
  for (let i = 0; i < 120; i++)
    time(ftsFiltered, () => search(queries[i % queries.length]!(), { branchId: pick(branches) }));
  const like = db.prepare(
    `SELECT i.id, v.summary FROM incidents i JOIN incident_versions v ON v.vid = i.current_version
     WHERE v.summary LIKE @p OR v.narrative LIKE @p OR v.actions LIKE @p OR v.persons_text LIKE @p
     ORDER BY v.vid DESC LIMIT 50`,
  );
  const likeSamples: number[] = [];
  for (let i = 0; i < 12; i++) {
    const word = queries[i % queries.length]!().split(' ').at(-1)!;
    time(likeSamples, () => like.all({ p: `%${word}%` }));
  }

  // ---- first page of the list with filters ----
  const filters = [
    () => ({ branchId: pick(branches) }),
    () => ({ branchId: pick(branches), status: 'submitted' }),
    () => ({ ruleId: pick(rules) }),
    () => ({ reporterId: pick(staff) }),
    () => ({ personId: pick(persons) }),
    () => ({
      from: new Date(Date.now() - 90 * 864e5).toISOString(),
      to: new Date(Date.now() - 60 * 864e5).toISOString(),
    }),
    () => ({ branchId: pick(branches), ruleId: pick(rules), status: 'approved' }),
  ];
  const list: number[] = [];
  for (let i = 0; i < 350; i++)
    time(list, () => incidents.search(IncidentFilters.parse(filters[i % filters.length]!()), staffId));

  // ---- submit with synchronous=FULL, vs a bare one-row insert on the same file ----
  const branchId = branches[0]!;
  const content = DraftContent.parse({
    branchId,
    occurredFrom: new Date(Date.now() - 3_600_000).toISOString(),
    ruleIds: [rules[0]],
    severity: 2,
    summary: 'Patron shouted at the desk and left when asked',
    narrative: 'A patron shouted at the desk about a fine. '.repeat(30),
    actions: 'Asked the patron to leave for the day.',
    persons: [{ role: 'subject', name: 'unknown', sex: 'male', clothing: 'red parka' }],
  });
  const submits: number[] = [];
  for (let i = 0; i < 400; i++) {
    const draft = incidents.createDraft(content, staffId);
    time(submits, () => incidents.submit(draft.id, staffId));
  }
  db.exec('CREATE TABLE bench_fsync (id INTEGER PRIMARY KEY, v TEXT) STRICT');
  const bare = db.prepare('INSERT INTO bench_fsync (v) VALUES (?)');
  const bareSamples: number[] = [];
  for (let i = 0; i < 400; i++) time(bareSamples, () => bare.run('x'));

  printTable(`incidents: ${count.toLocaleString('en-US')} filed reports`, [
    row('full-text search (FTS5, 50 rows, incl. audit)', fts, 'goal p95 ≤ 20 ms'),
    row('full-text search + branch filter', ftsFiltered, ''),
    row('baseline: LIKE scan of the same words', likeSamples, 'same run'),
    row('list first page with filters', list, 'goal ≤ 50 ms'),
    row('submit (synchronous=FULL)', submits, 'goal p99 ≤ 20 ms'),
    row('baseline: one-row insert (synchronous=FULL)', bareSamples, 'fsync floor'),
  ]);
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
