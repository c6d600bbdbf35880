import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE, openDatabase } from '../src/main/db/connection';
import { schemaVersion } from '../src/main/db/migrate';
import { migrations, type Migration } from '../src/main/db/migrations';

export const RESULTS = join(import.meta.dirname, 'results');

/** "schema70-1a2b3c4d": the version and a hash of every migration's text up to it. */
export function schemaTag(list: readonly Migration[] = migrations): string {
  const hash = createHash('sha256')
    .update(list.map((m) => String(m.up)).join('\n'))
    .digest('hex')
    .slice(0, 8);
  return `schema${schemaVersion(list)}-${hash}`;
}

/**
 * A generated database cached in bench/results/ (git-ignored) under `name(schemaTag())`.
 * Generating a million incidents takes a quarter of an hour on this machine, and each new
 * domain adds a migration; migrations only ever append (a released one is never edited),
 * so a file cached at an earlier schema whose migrations are a prefix of today's is copied
 * and migrated forward instead of generated again. `build` leaves a fresh one, closed, as
 * the database file of the scratch folder it is given.
 */
export function cachedAtSchema(name: (tag: string) => string, build: (dir: string) => void): string {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, name(schemaTag()));
  if (existsSync(file)) return file;
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-cache-'));
  try {
    const earlier = earlierCached(name);
    if (earlier) {
      console.log(`Migrating the cached ${earlier} forward to ${schemaTag()}`);
      copyFileSync(earlier, join(dir, DATABASE_FILE));
      const db = openDatabase(dir);
      db.pragma('optimize');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    } else {
      console.log(`Generating ${file} (cached for the next run)`);
      build(dir);
    }
    renameSync(join(dir, DATABASE_FILE), file);
    return file;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function earlierCached(name: (tag: string) => string): string | undefined {
  for (let n = migrations.length - 1; n > 0; n--) {
    const candidate = join(RESULTS, name(schemaTag(migrations.slice(0, n))));
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
