import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export const ATTACHMENTS_DIR = 'attachments';

/** The file extensions attachments are stored under: the sniffed or made type's, never an uploaded name's. */
export type AttachmentExt = 'png' | 'jpg' | 'mp4';

const EXTENSIONS: Record<string, AttachmentExt> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'video/mp4': 'mp4' };

export const extensionFor = (mediaType: string): AttachmentExt | null => EXTENSIONS[mediaType] ?? null;

/** Where an attachment's file lives: attachments are named by the SHA-256 of their bytes. */
export function attachmentPath(dataDir: string, sha256: string, ext: AttachmentExt = 'png'): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('Not a SHA-256 name');
  if (!Object.values(EXTENSIONS).includes(ext)) throw new Error('Not an attachment extension');
  return join(dataDir, ATTACHMENTS_DIR, `${sha256}.${ext}`);
}

/** A temp name in the attachments folder, for a file made in place (a clip) before it is named by its hash. */
export function attachmentTempPath(dataDir: string, ext: AttachmentExt): string {
  mkdirSync(join(dataDir, ATTACHMENTS_DIR), { recursive: true, mode: 0o700 });
  return join(dataDir, ATTACHMENTS_DIR, `.${randomBytes(8).toString('hex')}.${ext}.tmp`);
}

/**
 * Names a finished temp file by its SHA-256 (durably: fsync, then rename). The same
 * bytes kept twice share one file; the temp file is gone either way.
 */
export function storeAttachmentFile(dataDir: string, sha256: string, tempPath: string, ext: AttachmentExt): void {
  const path = attachmentPath(dataDir, sha256, ext);
  try {
    if (existsSync(path)) return;
    // Opened for writing: on Windows a flush (FlushFileBuffers) needs write access.
    const fd = openSync(tempPath, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tempPath, path);
  } finally {
    rmSync(tempPath, { force: true });
  }
}

/**
 * Writes the file under its SHA-256 name, durably and atomically (temp file,
 * fsync, rename), so a crash never leaves a half image under a real name. The same
 * bytes saved twice share one file. Only this user may read camera images.
 */
export function storeAttachment(dataDir: string, sha256: string, bytes: Buffer, ext: AttachmentExt = 'png'): void {
  const path = attachmentPath(dataDir, sha256, ext);
  if (existsSync(path)) return;
  mkdirSync(join(dataDir, ATTACHMENTS_DIR), { recursive: true, mode: 0o700 });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/**
 * At start: removes what a crash can leave in the attachments folder, a half-written
 * temp file or an image whose row never committed (the file is written first, then
 * the row), so no camera image lingers without a record that accounts for it. Assumes
 * one Vigil per data folder, as everything else does.
 */
export function sweepAttachmentFiles(dataDir: string, referenced: ReadonlySet<string>): number {
  const dir = join(dataDir, ATTACHMENTS_DIR);
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    const image = /^([0-9a-f]{64})\.(png|jpg|mp4)$/.exec(name);
    if (name.endsWith('.tmp') || (image && !referenced.has(image[1]!))) {
      rmSync(join(dir, name), { force: true });
      removed += 1;
    }
  }
  return removed;
}
