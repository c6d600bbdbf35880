import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from './db/connection';
import { Journal } from './db/journal';
import { DEFAULT_DATA_DIR } from './options';

const USAGE = `usage: vigil verify [--data DIR]

  verify   walk the journal's hash chain; prints "journal ok: N entries" or the
           first broken entry. Exit code 0 when intact, 1 when broken, 2 on error.`;

/** `npm run vigil -- verify --data DIR`. Opens the database read-only: checking changes nothing. */
function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help || positionals[0] !== 'verify' || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const file = join(resolve(values.data ?? DEFAULT_DATA_DIR), DATABASE_FILE);
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

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`vigil: ${(e as Error).message}`);
  process.exitCode = 2;
}
