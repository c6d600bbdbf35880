import { z } from 'zod';
import { admins } from '../roles';
import { method } from './define';
import { Id, IsoTime } from './common';

export const AUDIT_ACTIONS = [
  'read',
  'refused',
  'signIn',
  'signInFailed',
  'signOut',
  'lock',
  'unlock',
  'lockoutCleared',
] as const;

export const AuditEntry = z.object({
  id: Id,
  at: IsoTime,
  staffId: Id.nullable(),
  staffName: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  /** What was read or attempted: a method name or a record kind. */
  subject: z.string(),
  recordId: z.string().nullable(),
  detail: z.string(),
  /** How many times it happened: repeated refusals from one source are one entry per window. */
  count: z.number().int().min(1),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const auditContract = {
  'audit.list': method({
    summary: 'Browse the audit log, newest first.',
    input: z.strictObject({
      action: z.enum(AUDIT_ACTIONS).optional(),
      staffId: Id.optional(),
      text: z.string().max(200).optional(),
      /** Paging cursor: entries older than this one (ids are time-ordered UUIDv7). */
      before: Id.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ entries: z.array(AuditEntry), more: z.boolean() }),
    access: admins,
  }),
} as const;
