import { z } from 'zod';
import { admins, signedIn } from '../roles';
import { method, patronData } from './define';
import { Id, IsoTime } from './common';
import { DisclosureEntry, DisclosureFilters, DisclosureInput } from './disclosure';

export const AUDIT_ACTIONS = [
  'read',
  'refused',
  'signIn',
  'signInFailed',
  'signOut',
  'lock',
  'unlock',
  'lockoutCleared',
  'copied',
] as const;

export const AuditEntry = patronData(
  z.object({
    id: Id,
    at: IsoTime,
    staffId: Id.nullable(),
    staffName: z.string().nullable(),
    action: z.enum(AUDIT_ACTIONS),
    /** What was read or attempted: a method name or a record kind. */
    subject: z.string(),
    recordId: z.string().nullable(),
    detail: z.string(),
    /** Why, when the entry is an export's Disclose step (its stated purpose); '' otherwise. */
    purpose: z.string(),
    /** How many times it happened: repeated refusals from one source are one entry per window. */
    count: z.number().int().min(1),
  }),
  'an audit entry (names whose record was read)',
);
export type AuditEntry = z.infer<typeof AuditEntry>;

/** What narrows the log: the action, who, one record, words, and a time range. */
const AuditFilters = {
  action: z.enum(AUDIT_ACTIONS).optional(),
  staffId: Id.optional(),
  /** One record (a person, a report, a ban…): "who has seen this". */
  recordId: z.string().trim().min(1).max(100).optional(),
  text: z.string().max(200).optional(),
  /** Words of the purpose a disclosure stated. */
  purpose: z.string().trim().max(200).optional(),
  from: IsoTime.optional(),
  to: IsoTime.optional(),
};

/** At most this many entries in one CSV export (a year of a busy desk's reads). */
export const AUDIT_EXPORT_MAX = 200_000;

/** Records whose text, copied to the clipboard, is noted in the audit log like a read. */
export const COPIED_RECORD_KINDS = ['person', 'incident', 'ban'] as const;

export const auditContract = {
  'audit.copied': method({
    summary: 'Note that text of a patron record was copied to the clipboard (audited like a read).',
    input: z.strictObject({
      recordKind: z.enum(COPIED_RECORD_KINDS),
      recordId: z.string().trim().min(1).max(100),
      chars: z.number().int().min(1).max(10_000_000),
    }),
    output: z.object({}),
    patron: 'none',
    writes: true,
    access: signedIn,
  }),
  'audit.exportCsv': method({
    summary: 'The audit log for the filters as a CSV file (the export is itself audited).',
    input: z.strictObject({ ...AuditFilters, disclose: DisclosureInput }),
    output: z.object({ fileName: z.string(), csv: z.string(), rows: z.number(), truncated: z.boolean() }),
    patron: 'exports',
    writes: false,
    access: admins,
  }),
  'audit.disclosures': method({
    summary: 'The disclosure log for the director: every export of patron records, to whom, why, under which basis.',
    input: z.strictObject({
      ...DisclosureFilters,
      /** Paging cursor: disclosures older than this one. */
      before: Id.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ entries: z.array(DisclosureEntry), more: z.boolean() }),
    patron: 'reads',
    writes: false,
    access: admins,
  }),
  'audit.exportDisclosures': method({
    summary: 'The disclosure log for the filters as a CSV file (that export is itself a disclosure).',
    input: z.strictObject({ ...DisclosureFilters, disclose: DisclosureInput }),
    output: z.object({ fileName: z.string(), csv: z.string(), rows: z.number(), truncated: z.boolean() }),
    patron: 'exports',
    writes: false,
    access: admins,
  }),
  'audit.list': method({
    summary: 'Browse the audit log, newest first.',
    input: z.strictObject({
      ...AuditFilters,
      /** Paging cursor: entries older than this one (ids are time-ordered UUIDv7). */
      before: Id.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ entries: z.array(AuditEntry), more: z.boolean() }),
    patron: 'reads',
    writes: false,
    access: admins,
  }),
} as const;
