import Database from 'better-sqlite3';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Journal } from '../db/journal';
import { describeDatabaseFile, integrityCheck } from '../db/database-file';
import { attachmentHashesIn } from '../attachments';
import { schemaVersion } from '../db/migrate';
import { hashFile } from './hash-file';
import { BACKUP_DATABASE, FILES_DIR, MANIFEST_FILE, Manifest, SETS_DIR } from './manifest';

/** What a check concludes: fine, or why not. */
export type Verdict = { ok: true } | { ok: false; reason: string };

export type SetCheck = { ok: true; manifest: Manifest } | { ok: false; reason: string };

export type Progress = (step: string, done: number, total: number) => void;

/** Reads a set's manifest, or says in words why this is not a Vigil backup. */
export function readManifest(setDir: string): SetCheck {
  const file = join(setDir, MANIFEST_FILE);
  if (!existsSync(file)) return { ok: false, reason: 'this is not a Vigil backup (it has no manifest.json)' };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { ok: false, reason: 'its manifest.json is damaged (not JSON)' };
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success)
    return { ok: false, reason: 'this is not a Vigil backup (its manifest is not one Vigil writes)' };
  return { ok: true, manifest: parsed.data };
}

/**
 * Everything a restore relies on, checked from the backup folder alone: the manifest,
 * a schema this Vigil knows, the database's bytes against their hash, SQLite's
 * integrity_check, the journal's chain, and every attachment file against its name.
 * Reads only. Blocks for integrity_check: a desk runs it in a child process (child.ts).
 */
export async function verifyBackupSet(root: string, name: string, progress: Progress = () => {}): Promise<SetCheck> {
  const setDir = join(root, SETS_DIR, name);
  const read = readManifest(setDir);
  if (!read.ok) return read;
  const m = read.manifest;
  const known = schemaVersion();
  if (m.schemaVersion > known) {
    return {
      ok: false,
      reason: `it was made by a newer Vigil (${m.appVersion}, schema ${m.schemaVersion}; this version knows up to ${known})`,
    };
  }
  const dbFile = join(setDir, BACKUP_DATABASE);
  if (!existsSync(dbFile)) return { ok: false, reason: 'its database file is missing' };
  progress('database', 0, 1);
  if (statSync(dbFile).size !== m.database.bytes || (await hashFile(dbFile)) !== m.database.sha256) {
    return { ok: false, reason: 'its database file is damaged (its bytes do not match the manifest)' };
  }
  let db: Database.Database;
  try {
    db = new Database(dbFile, { readonly: true, fileMustExist: true });
  } catch (e) {
    return { ok: false, reason: `its database cannot be opened: ${(e as Error).message}` };
  }
  try {
    const integrity = integrityCheck(db);
    if (integrity !== 'ok') return { ok: false, reason: `its database is damaged: ${integrity}` };
    if (describeDatabaseFile(db).schemaVersion !== m.schemaVersion) {
      return { ok: false, reason: 'its database is not the one the manifest describes (schema differs)' };
    }
    progress('database', 1, 1);
    const journal = await new Journal(db, 'backup-check').verifyInChunks((done, total) =>
      progress('journal', done, total),
    );
    if (!journal.ok) {
      return {
        ok: false,
        reason: `its journal is broken at entry ${journal.firstBroken.seq}: ${journal.firstBroken.reason}`,
      };
    }
    const names = new Set(m.files.map((f) => f.name.slice(0, 64)));
    const missing = [...attachmentHashesIn(db)].filter((sha) => !names.has(sha));
    if (missing.length > 0) return { ok: false, reason: `${missing.length} attachments it names are not in it` };
  } finally {
    db.close();
  }
  let done = 0;
  for (const f of m.files) {
    const path = join(root, FILES_DIR, f.name);
    if (!existsSync(path)) return { ok: false, reason: `attachment file ${f.name} is missing from the backup folder` };
    if ((await hashFile(path)) !== f.name.slice(0, 64)) {
      return { ok: false, reason: `attachment file ${f.name} is damaged (its bytes do not match its name)` };
    }
    progress('files', ++done, m.files.length);
  }
  return { ok: true, manifest: m };
}
