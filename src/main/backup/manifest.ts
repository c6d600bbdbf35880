import { z } from 'zod';

/** A backup folder: content-addressed files shared by every set, and one folder per set. */
export const FILES_DIR = 'files';
export const SETS_DIR = 'sets';
export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_DATABASE = 'vigil.sqlite3';
/** A set being written lives under this prefix until it is verified: an interrupted one never looks finished. */
export const PARTIAL_PREFIX = '.partial-';

/** Set names are UTC times, sortable and safe as folder names: 2026-11-30T03-00-00Z (and -2 on a clash). */
export const SET_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(-\d{1,3})?$/;
export const FILE_NAME = /^[0-9a-f]{64}\.[a-z0-9]{2,5}$/;

export const setNameFor = (at: Date) => at.toISOString().slice(0, 19).replace(/:/g, '-') + 'Z';

export const Manifest = z.strictObject({
  format: z.literal('vigil-backup'),
  formatVersion: z.literal(1),
  createdAt: z.iso.datetime(),
  appVersion: z.string(),
  /** The database's PRAGMA user_version: a Vigil that knows less refuses to restore it. */
  schemaVersion: z.number().int().nonnegative(),
  database: z.strictObject({ bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  journal: z.strictObject({ entries: z.number().int().nonnegative() }),
  /** Attachment files (snapshots, photos, clips), by their content name, kept once in FILES_DIR. */
  files: z.array(z.strictObject({ name: z.string().regex(FILE_NAME), bytes: z.number().int().nonnegative() })),
});
export type Manifest = z.infer<typeof Manifest>;
