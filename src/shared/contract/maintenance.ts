import { z } from 'zod';
import { admins } from '../roles';
import { method } from './define';
import { IsoTime, NoInput } from './common';
import { VerifyReport } from './journal';

/** Where and when backups are written, and how many are kept. */
export const BackupSettings = z.object({
  /** An absolute folder, ideally on another drive; null: backups are off. */
  folder: z.string().nullable(),
  /** Local time of the daily backup, HH:MM. */
  dailyAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  keepDaily: z.number().int().min(1).max(60),
  keepWeekly: z.number().int().min(0).max(52),
  keepMonthly: z.number().int().min(0).max(120),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

export const BackupSettingsInput = z.strictObject({
  folder: z
    .string()
    .trim()
    .max(1000, 'The folder must be at most 1,000 characters')
    .refine(
      (s) => s === '' || /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(s),
      'Give the whole folder path (starting with / or a drive letter)',
    )
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'The folder must be a single line of text')
    .transform((s) => (s === '' ? null : s)),
  dailyAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give the time as HH:MM, for example 03:00'),
  keepDaily: z.number().int('Whole numbers only').min(1, 'Keep at least 1 daily backup').max(60, 'At most 60'),
  keepWeekly: z.number().int('Whole numbers only').min(0, 'At least 0').max(52, 'At most 52'),
  keepMonthly: z.number().int('Whole numbers only').min(0, 'At least 0').max(120, 'At most 120'),
});

/** A task's progress: which step, how far. */
export const TaskProgress = z.object({ step: z.string(), done: z.number(), total: z.number() });

export const JournalCheck = z.object({
  /** 'start': the check every start runs; 'asked': an administrator's. */
  trigger: z.enum(['start', 'asked']),
  startedAt: IsoTime,
  finishedAt: IsoTime.nullable(),
  progress: TaskProgress,
  report: VerifyReport.nullable(),
  /** The walk itself failed (a damaged page, say): why. Raises an alert like a broken chain. */
  error: z.string().nullable().default(null),
});
export type JournalCheck = z.infer<typeof JournalCheck>;

export const BackupSet = z.object({
  name: z.string(),
  createdAt: IsoTime,
  appVersion: z.string(),
  bytes: z.number(),
  files: z.number(),
  journalEntries: z.number(),
});
export type BackupSet = z.infer<typeof BackupSet>;

export const BackupRun = z.object({
  trigger: z.enum(['schedule', 'asked']),
  startedAt: IsoTime,
  finishedAt: IsoTime.nullable(),
  progress: TaskProgress,
  /** Set when it finished: the set's name, or why it failed. */
  outcome: z
    .discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), name: z.string(), copiedFiles: z.number(), reusedFiles: z.number() }),
      z.object({ ok: z.literal(false), reason: z.string() }),
    ])
    .nullable(),
});
export type BackupRun = z.infer<typeof BackupRun>;

export const MaintenanceStatus = z.object({
  dataDir: z.string(),
  journal: JournalCheck.nullable(),
  backup: z.object({
    settings: BackupSettings,
    /** The current or last run since Vigil started. */
    run: BackupRun.nullable(),
    /** The newest finished set in the folder. */
    lastGood: BackupSet.nullable(),
    /** When the schedule next runs one (null: backups are off). */
    nextAt: IsoTime.nullable(),
  }),
  /** A restore waiting for the next start, or the reason the last one failed. */
  restore: z
    .object({ pending: z.string().nullable(), failed: z.string().nullable() })
    .default({ pending: null, failed: null }),
});
export type MaintenanceStatus = z.infer<typeof MaintenanceStatus>;

const SetName = z.strictObject({
  name: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(-\d{1,3})?$/, 'Not the name of a backup'),
});

export const maintenanceContract = {
  'maintenance.status': method({
    summary: 'The journal check, backups (settings, the run, the last good one) and a pending restore.',
    input: NoInput,
    output: MaintenanceStatus,
    patron: 'none',
    writes: false,
    access: admins,
  }),
  'maintenance.verifyJournal': method({
    summary: 'Start walking the journal’s chain in the background (progress in maintenance.status).',
    input: NoInput,
    output: MaintenanceStatus,
    patron: 'none',
    writes: false,
    access: admins,
  }),
  'maintenance.saveBackupSettings': method({
    summary: 'Set the backup folder, the daily time and how many backups are kept.',
    input: BackupSettingsInput,
    output: MaintenanceStatus,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'maintenance.backupNow': method({
    summary: 'Start a backup now (progress in maintenance.status).',
    input: NoInput,
    output: MaintenanceStatus,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'maintenance.backups': method({
    summary: 'The backups in the backup folder, newest first.',
    input: NoInput,
    output: z.array(BackupSet),
    patron: 'none',
    writes: false,
    access: admins,
  }),
  'maintenance.verifyBackup': method({
    summary: 'Check one backup from the folder alone: integrity, journal, every attachment’s hash.',
    input: SetName,
    output: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), reason: z.string() }),
    ]),
    patron: 'none',
    writes: false,
    access: admins,
  }),
  'maintenance.requestRestore': method({
    summary: 'Verify a backup and restore it at the next start (current data moved aside, never deleted).',
    input: SetName.extend({ confirm: z.literal('RESTORE', { error: 'Type RESTORE to confirm' }) }),
    output: MaintenanceStatus,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'maintenance.cancelRestore': method({
    summary: 'Cancel a restore waiting for the next start.',
    input: NoInput,
    output: MaintenanceStatus,
    patron: 'none',
    writes: true,
    access: admins,
  }),
} as const;
