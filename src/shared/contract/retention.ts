import { z } from 'zod';
import { admins, supervisors } from '../roles';
import { method, patronData } from './define';
import { Id, IsoTime, multiline, NoInput } from './common';

/**
 * Retention (issue 15): how long each kind of record is kept, what a purge would
 * remove, the purge itself, and legal holds that keep a record whatever the
 * settings say.
 */
export const RETENTION_KINDS = [
  'looseMedia',
  'incidents',
  'bans',
  'persons',
  'calls',
  'shiftLogs',
  'checklists',
  'audit',
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** Days kept for each kind; the video buffer's window is per camera, in Settings → Cameras. */
export const RetentionDays = z.object({
  looseMedia: z.number().int(),
  incidents: z.number().int(),
  bans: z.number().int(),
  persons: z.number().int(),
  calls: z.number().int(),
  shiftLogs: z.number().int(),
  checklists: z.number().int(),
  audit: z.number().int(),
});
export type RetentionDays = z.infer<typeof RetentionDays>;

export const RetentionSettings = z.object({
  days: RetentionDays,
  /** The daily purge: on unless an administrator turns it off. */
  daily: z.boolean(),
  /** Local time of the daily purge, HH:MM. */
  dailyAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
});
export type RetentionSettings = z.infer<typeof RetentionSettings>;

/** Shortest and longest a library may set, per kind: a purge of everything by a slip of the keyboard is refused. */
export const RETENTION_LIMITS: Record<RetentionKind, { min: number; max: number }> = {
  looseMedia: { min: 1, max: 3650 },
  incidents: { min: 30, max: 36500 },
  bans: { min: 30, max: 36500 },
  persons: { min: 30, max: 36500 },
  calls: { min: 30, max: 36500 },
  shiftLogs: { min: 7, max: 36500 },
  checklists: { min: 7, max: 36500 },
  audit: { min: 365, max: 36500 },
};

const dayField = (kind: RetentionKind) =>
  z
    .number({ error: 'Give a number of days' })
    .int('Whole days only')
    .min(RETENTION_LIMITS[kind].min, `At least ${RETENTION_LIMITS[kind].min} days`)
    .max(RETENTION_LIMITS[kind].max, `At most ${RETENTION_LIMITS[kind].max} days`);

export const RetentionSettingsInput = z.strictObject({
  days: z.strictObject({
    looseMedia: dayField('looseMedia'),
    incidents: dayField('incidents'),
    bans: dayField('bans'),
    persons: dayField('persons'),
    calls: dayField('calls'),
    shiftLogs: dayField('shiftLogs'),
    checklists: dayField('checklists'),
    audit: dayField('audit'),
  }),
  daily: z.boolean(),
  dailyAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give the time as HH:MM, for example 03:30'),
});

/** What a purge would remove (or removed) of one kind. */
export const PurgeCount = z.object({
  kind: z.enum([...RETENTION_KINDS, 'videoBuffer']),
  count: z.number().int(),
  /** The oldest record it removes (null when none). */
  oldest: IsoTime.nullable(),
  /** Records of this kind past their time but kept by a legal hold (or a held record they belong to). */
  held: z.number().int(),
});
export type PurgeCount = z.infer<typeof PurgeCount>;

export const PurgePreview = z.object({
  at: IsoTime,
  counts: z.array(PurgeCount),
  /** Attachment and clip files that would be deleted. */
  files: z.number().int(),
});
export type PurgePreview = z.infer<typeof PurgePreview>;

export const PurgeRun = z.object({
  id: Id,
  startedAt: IsoTime,
  finishedAt: IsoTime,
  trigger: z.enum(['schedule', 'asked', 'terminal']),
  byName: z.string().nullable(),
  counts: z.array(PurgeCount),
  files: z.number().int(),
  ms: z.number().int(),
});
export type PurgeRun = z.infer<typeof PurgeRun>;

export const HOLD_KINDS = ['person', 'incident', 'ban', 'call'] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];
export const HOLD_REASONS = ['police', 'litigation', 'appeal', 'other'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];
export const holdReasonLabel: Record<HoldReason, string> = {
  police: 'Police request',
  litigation: 'Litigation',
  appeal: 'The subject’s appeal',
  other: 'Other (say why)',
};

export const LegalHold = patronData(
  z.object({
    id: Id,
    kind: z.enum(HOLD_KINDS),
    recordId: Id,
    /** How the desk names the record: "Incident 2026-0042", a person's name, "Ban B-2026-007". */
    label: z.string(),
    reason: z.enum(HOLD_REASONS),
    note: z.string(),
    caseNumber: z.string(),
    setAt: IsoTime,
    setByName: z.string(),
    releasedAt: IsoTime.nullable(),
    releasedByName: z.string().nullable(),
    releaseNote: z.string().nullable(),
  }),
  'a legal hold names its record: a person’s name for a person',
);
export type LegalHold = z.infer<typeof LegalHold>;

export const RetentionStatus = z.object({
  settings: RetentionSettings,
  /** The video buffer's window per camera is set in Settings → Cameras; the longest one, in minutes (0: off). */
  videoWindowMinutes: z.number().int(),
  lastRun: PurgeRun.nullable(),
  nextAt: IsoTime.nullable(),
  running: z.boolean(),
  /** Why the last scheduled purge failed, if it did. */
  failed: z.string().nullable(),
});
export type RetentionStatus = z.infer<typeof RetentionStatus>;

const RecordRef = z.strictObject({ kind: z.enum(HOLD_KINDS), recordId: Id });

export const SetHoldInput = z
  .strictObject({
    kind: z.enum(HOLD_KINDS),
    recordId: Id,
    reason: z.enum(HOLD_REASONS, { error: 'Choose why the record is held' }),
    note: multiline('Note', 1000),
    caseNumber: z
      .string()
      .trim()
      .max(60, 'Case number must be at most 60 characters')
      .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'Case number must be a single line of text')
      .default(''),
  })
  .refine((h) => h.reason !== 'other' || h.note.trim().length > 0, {
    message: 'Say why the record is held',
    path: ['note'],
  });

export const ReleaseHoldInput = z.strictObject({
  id: Id,
  note: multiline('Why it is released', 1000).refine((s) => s.trim().length > 0, 'Say why the hold is released'),
});

/**
 * What a library would choose with no other instruction. General camera footage is
 * kept days to weeks (the replay buffer, per camera); clips and snapshots only while
 * a record needs them; incident and ban records for a few years so the progressive
 * sanctions still see earlier conduct; the audit log as long as the records it proves.
 */
export const DEFAULT_RETENTION: RetentionSettings = {
  days: {
    looseMedia: 30,
    incidents: 3 * 365,
    bans: 3 * 365,
    persons: 365,
    calls: 3 * 365,
    shiftLogs: 365,
    checklists: 2 * 365,
    audit: 3 * 365,
  },
  daily: true,
  dailyAt: '03:30',
};

/** The note shown beside each setting: what the law and practice say (not legal advice). */
export const RETENTION_NOTES: Record<RetentionKind | 'videoBuffer', string> = {
  videoBuffer:
    'Camera images are library records under Wis. Stat. 43.30. Libraries commonly keep general footage 7 to 30 days; set each camera’s buffer in Settings → Cameras.',
  looseMedia:
    'Snapshots, photos and clips not attached to a kept report or person. ALA guidance: keep images only while needed for a specific incident.',
  incidents:
    'Incident reports are public-agency records as well as library records: check your library’s records retention schedule (Wis. Stat. 19.21) before shortening.',
  bans: 'Counted from when a ban ends. Progressive sanctions look back at earlier bans, so keep them as long as your policy counts prior conduct.',
  persons:
    'A person on file is kept while any kept incident or ban names them; otherwise removed this long after the record was last changed or the person last seen.',
  calls:
    'Staff calls for assistance, with their steps and agencies. Monthly response-time figures, which name nobody, are kept.',
  shiftLogs: 'Shift log entries, messages and daily activity reports. Referral counts, which name nobody, are kept.',
  checklists: 'Closing checklists and patrol rounds.',
  audit:
    'Who read which patron record and when. Keep it at least as long as the records it is about, so every read can still be shown.',
};

export const retentionContract = {
  'retention.status': method({
    summary: 'Retention settings, the last purge and the next scheduled one.',
    input: NoInput,
    output: RetentionStatus,
    access: admins,
    patron: 'none',
    writes: false,
  }),
  'retention.saveSettings': method({
    summary: 'Set how many days each kind of record is kept, and the daily purge.',
    input: RetentionSettingsInput,
    output: RetentionStatus,
    access: admins,
    patron: 'none',
    writes: true,
  }),
  'retention.preview': method({
    summary: 'What a purge would remove now: counts per kind, the oldest date, and what holds keep.',
    input: NoInput,
    output: PurgePreview,
    access: admins,
    patron: 'none',
    writes: false,
  }),
  'retention.purgeNow': method({
    summary: 'Purge now what the settings say: rows, index entries and files, for real.',
    input: z.strictObject({ confirm: z.literal('PURGE', { error: 'Type PURGE to confirm' }) }),
    output: PurgeRun,
    access: admins,
    patron: 'none',
    writes: true,
  }),
  'retention.runs': method({
    summary: 'The purges done, newest first, with their counts.',
    input: NoInput,
    output: z.array(PurgeRun),
    access: admins,
    patron: 'none',
    writes: false,
  }),
  'retention.holds': method({
    summary: 'Legal holds, current first (released ones too).',
    input: NoInput,
    output: z.array(LegalHold),
    access: supervisors,
    patron: 'reads',
    writes: false,
  }),
  'retention.holdOf': method({
    summary: 'The current legal hold on one record, if any.',
    input: RecordRef,
    output: LegalHold.nullable(),
    access: supervisors,
    patron: 'reads',
    writes: false,
  }),
  'retention.setHold': method({
    summary: 'Put a record under a legal hold (police request, litigation, appeal): it is never purged.',
    input: SetHoldInput,
    output: LegalHold,
    access: supervisors,
    patron: 'reads',
    writes: true,
  }),
  'retention.releaseHold': method({
    summary: 'Release a legal hold, with the reason.',
    input: ReleaseHoldInput,
    output: LegalHold,
    access: supervisors,
    patron: 'reads',
    writes: true,
  }),
};
