import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;
/** New files and folders of main and every child it starts (ffmpeg) get no group or other access. */
const UMASK = 0o077;

/**
 * The data folder holds passphrase hashes, narratives, patron descriptions and
 * camera images: only the account running Vigil may read it. Sets main's umask
 * (children inherit it), creates the folder 0700, and brings an existing folder's
 * contents to 0700 / 0600 (folders from an older Vigil were 0755 / 0644). Symbolic
 * links are left alone, not followed. POSIX only: on Windows the user profile's
 * ACLs already keep other accounts out.
 */
export function preparePrivateDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: DIR_MODE });
  if (process.platform === 'win32') return;
  process.umask(UMASK);
  tighten(dataDir);
}

function tighten(path: string): void {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) return;
  const want = st.isDirectory() ? DIR_MODE : FILE_MODE;
  // Only where it differs: a large archive of attachments costs one lstat per file, not a write.
  if ((st.mode & 0o777) !== want) chmodSync(path, want);
  if (st.isDirectory()) for (const name of readdirSync(path)) tighten(join(path, name));
}

/** Creates the file 0600 if it is missing; SQLite then gives its -wal and -shm files the same mode. */
export function touchPrivateFile(path: string): void {
  closeSync(openSync(path, 'a', FILE_MODE));
}
