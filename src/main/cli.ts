import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBackup, listBackups } from './backup/backup-folder';
import { BackupError } from './backup/errors';
import { restoreBackup } from './backup/restore';
import { DEFAULT_ROTATION } from './backup/rotation';
import { verifyBackupSet, type Progress } from './backup/verify-set';
import { applyPragmas, DATABASE_FILE, openDatabase, StartupError, type Db } from './db/connection';
import { keyFileSecretStore } from './cameras/secrets';
import { systemClock } from './clock';
import { buildDesk } from './desk';
import { Sessions } from './rpc/sessions';
import type { PurgeCount } from '../shared/contract/retention';
import { Journal } from './db/journal';
import { DEFAULT_DATA_DIR } from './options';
import { VERSION } from './version';

const USAGE = `usage: vigil <command> [options]

  verify  [--data DIR]                walk the journal's hash chain; prints "journal ok: N entries"
                                      or the first broken entry
  verify  --backup FOLDER [--set S]   check backup sets (all, or one) from the folder alone:
                                      manifest, integrity_check, journal, every attachment's hash
  backup  [--data DIR] --to FOLDER    an online backup (Vigil may be running), verified, then
                                      rotated (7 daily, 4 weekly, 12 monthly)
  restore [--data DIR] --from FOLDER --set S
                                      restore a verified set; the current data is moved aside into
                                      DIR/before-restore-<time>/, never deleted. Close Vigil first.
  purge   [--data DIR] [--dry-run]     remove what the retention settings (Settings → Retention) say is
                                      past its time, except records under a legal hold; --dry-run
                                      prints what would go and changes nothing
  --json  (verify --backup) print the result as JSON, for a desk that runs this as a child

Exit code: 0 done and intact, 1 broken or refused, 2 bad usage or error.`;

const dataFileOf = (dir: string | undefined) => join(resolve(dir ?? DEFAULT_DATA_DIR), DATABASE_FILE);

/** Progress on stderr, one line per step and every tenth, so a terminal shows movement without a flood. */
const terminalProgress = (): Progress => {
  const last = new Map<string, number>();
  return (step, done, total) => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    const shown = last.get(step);
    if (shown !== undefined && pct < shown + 10 && pct !== 100) return;
    if (shown === 100) return;
    last.set(step, pct);
    console.error(`  ${step}: ${pct}%`);
  };
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      backup: { type: 'string' },
      to: { type: 'string' },
      from: { type: 'string' },
      set: { type: 'string' },
      json: { type: 'boolean' },
      force: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  const command = positionals[0];
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (command === 'verify' && values.backup) return verifyBackups(resolve(values.backup), values.set, values.json);
  if (command === 'verify') return verifyJournal(dataFileOf(values.data));
  if (command === 'backup' && values.to) return backup(resolve(values.data ?? DEFAULT_DATA_DIR), resolve(values.to));
  if (command === 'restore' && values.from && values.set) {
    return restore(resolve(values.data ?? DEFAULT_DATA_DIR), resolve(values.from), values.set, values.force ?? false);
  }
  if (command === 'purge') return purge(resolve(values.data ?? DEFAULT_DATA_DIR), values['dry-run'] ?? false);
  console.error(USAGE);
  return 2;
}

/** The retention purge from a terminal: the same pass the desk runs daily, through the same services. */
async function purge(dataDir: string, dryRun: boolean): Promise<number> {
  if (!existsSync(join(dataDir, DATABASE_FILE))) {
    console.error(`vigil: no database at ${join(dataDir, DATABASE_FILE)}`);
    return 2;
  }
  let db: Db | undefined;
  try {
    db = openDatabase(dataDir);
    const desk = buildDesk({
      db,
      dataDir,
      clock: systemClock,
      log: (m) => console.error(`  ${m}`),
      sessions: new Sessions(systemClock),
      secrets: keyFileSecretStore(dataDir),
      ffmpegPath: null,
    });
    const line = (c: PurgeCount) =>
      `  ${c.kind}: ${c.count}${c.oldest ? ` (oldest ${c.oldest.slice(0, 10)})` : ''}${c.held ? `, ${c.held} kept by a legal hold` : ''}`;
    if (dryRun) {
      const p = desk.retention.service.preview();
      console.log(`a purge now would remove (${p.files} files):`);
      for (const c of p.counts) console.log(line(c));
      return 0;
    }
    console.error('purging…');
    const run = await desk.retention.service.purge('terminal', null);
    console.log(`purged in ${(run.ms / 1000).toFixed(1)} s (${run.files} files):`);
    for (const c of run.counts) console.log(line(c));
    return 0;
  } catch (e) {
    console.error(`vigil: ${(e as Error).message}`);
    return e instanceof StartupError ? 2 : 1;
  } finally {
    db?.close();
  }
}

function verifyJournal(file: string): number {
  if (!existsSync(file)) {
    console.error(`vigil: no database at ${file}`);
    return 2;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const report = new Journal(db, 'verify').verify();
    if (report.ok) {
      console.log(`journal ok: ${report.entries} entries`);
      return 0;
    }
    const b = report.firstBroken;
    console.log(`journal BROKEN at entry ${b.seq} (id ${b.id}) of ${report.entries}: ${b.reason}`);
    return 1;
  } finally {
    db.close();
  }
}

async function verifyBackups(root: string, set: string | undefined, json = false): Promise<number> {
  const names = set ? [set] : listBackups(root).map((s) => s.name);
  if (names.length === 0) {
    console.error(`vigil: no backups in ${root}`);
    return 2;
  }
  let bad = 0;
  for (const name of names) {
    const check = await verifyBackupSet(root, name, json ? undefined : terminalProgress());
    if (json) console.log(JSON.stringify(check.ok ? { ok: true } : { ok: false, reason: check.reason }));
    else console.log(check.ok ? `backup ${name}: ok` : `backup ${name}: BROKEN: ${check.reason}`);
    if (!check.ok) bad += 1;
  }
  return bad === 0 ? 0 : 1;
}

async function backup(dataDir: string, root: string): Promise<number> {
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) {
    console.error(`vigil: no database at ${file}`);
    return 2;
  }
  const db = new Database(file, { fileMustExist: true });
  try {
    applyPragmas(db);
    const started = Date.now();
    const result = await writeBackup({
      db,
      dataDir,
      root,
      now: new Date(),
      appVersion: VERSION,
      rotation: DEFAULT_ROTATION,
      progress: terminalProgress(),
    });
    console.log(
      `backup ${result.name}: ok, verified (${result.manifest.journal.entries} journal entries, ` +
        `${result.copiedFiles} files copied, ${result.reusedFiles} already there; ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s)` +
        (result.removedSets.length ? `; rotated out ${result.removedSets.join(', ')}` : ''),
    );
    return 0;
  } catch (e) {
    console.error(`vigil: ${(e as Error).message}`);
    return e instanceof BackupError ? 1 : 2;
  } finally {
    db.close();
  }
}

async function restore(dataDir: string, root: string, set: string, force: boolean): Promise<number> {
  // A -shm file exists while a Vigil has the database open (or after a crash).
  if (!force && existsSync(join(dataDir, `${DATABASE_FILE}-shm`))) {
    console.error(
      `vigil: the database in ${dataDir} looks open (Vigil running?). Close Vigil first; ` +
        'if it is not running (it may have crashed), pass --force.',
    );
    return 1;
  }
  try {
    const result = await restoreBackup({ root, name: set, dataDir, now: new Date(), progress: terminalProgress() });
    console.log(`restored ${set} (${result.files} files); the previous data is in ${result.movedAsideTo}`);
    return 0;
  } catch (e) {
    console.error(`vigil: ${(e as Error).message}`);
    return e instanceof BackupError ? 1 : 2;
  }
}

/** A desk runs this in a child (Electron: a utility process, whose argv it does not control) with the arguments as JSON. */
function cliArgs(): string[] {
  const fromEnv = process.env.VIGIL_CLI_ARGS;
  if (!fromEnv) return process.argv.slice(2);
  const parsed = JSON.parse(fromEnv) as unknown;
  if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === 'string'))
    throw new Error('VIGIL_CLI_ARGS is not a list of strings');
  return parsed;
}

main(cliArgs()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`vigil: ${(e as Error).message}`);
    process.exitCode = 2;
  },
);
