import { z } from 'zod';
import { signedIn } from '../roles';
import { method } from './define';
import { Id, IsoTime } from './common';
import { DisclosureInput } from './disclosure';
import { LocalDate } from './branches';
import { SendAttempt } from './mail';

/** A report covers one person's shift, or a day at a branch (null: every branch). */
export const REPORT_SCOPES = ['shift', 'day'] as const;
export type ReportScope = (typeof REPORT_SCOPES)[number];

export const ActivityReport = z.object({
  id: Id,
  scope: z.enum(REPORT_SCOPES),
  shiftId: Id.nullable(),
  branchId: Id.nullable(),
  branchName: z.string(),
  /** The local date the report is for (a shift's: the day it started). */
  date: z.string(),
  /** The span covered. */
  from: IsoTime,
  to: IsoTime,
  title: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  createdAt: IsoTime,
  /** null: made by the desk itself at a shift's end. */
  createdBy: z.object({ id: Id, name: z.string() }).nullable(),
  /** The email's plain-text body: counts and numbers, no patron's name. */
  summary: z.string(),
  /** Every try at emailing it, oldest first. */
  sends: z.array(SendAttempt),
});
export type ActivityReport = z.infer<typeof ActivityReport>;

const Pdf = z.object({ fileName: z.string(), pdfBase64: z.string(), sha256: z.string() });

export const activityContract = {
  'activity.generate': method({
    summary:
      'Make the activity report of a shift, or of a day at a branch, as a PDF kept with its send attempts (an audited read).',
    input: z.discriminatedUnion('scope', [
      z.strictObject({ scope: z.literal('shift'), shiftId: Id }),
      z.strictObject({ scope: z.literal('day'), branchId: Id.nullable(), date: LocalDate }),
    ]),
    output: ActivityReport,
    // Making the report reads the log (audited) and keeps the PDF in main; nothing leaves until
    // it is downloaded (activity.pdf, with its Disclose step) or emailed (activity.send).
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'activity.list': method({
    summary: 'Reports made, newest first, with their send attempts.',
    input: z.strictObject({ limit: z.number().int().min(1).max(100).default(20) }),
    output: z.array(ActivityReport),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'activity.pdf': method({
    summary: 'A kept report’s PDF, as it was made (an audited read).',
    input: z.strictObject({ id: Id, disclose: DisclosureInput }),
    output: Pdf,
    patron: 'exports',
    writes: false,
    access: signedIn,
  }),
  'activity.send': method({
    summary:
      'Email a kept report to the recipients an administrator set (and only them); a failure is kept and can be retried. ' +
      'Each email sent is recorded as a disclosure to them under “library administration” (set by an administrator, so no Disclose step).',
    input: z.strictObject({ id: Id }),
    output: ActivityReport,
    patron: 'exports',
    writes: true,
    access: signedIn,
  }),
} as const;
