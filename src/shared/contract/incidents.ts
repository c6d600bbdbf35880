import { z } from 'zod';
import { signedIn, supervisors } from '../roles';
import { method, patronData } from './define';
import { Id, IsoTime, NoInput, multiline } from './common';
import { DisclosureInput } from './disclosure';
import { Severity } from './guidelines';
import { CameraRef, DraftContent, IncidentContent } from './incident-fields';

export * from './incident-fields';

/** Statuses of a filed report (a draft is not a record yet). */
export const FILED_STATUSES = ['submitted', 'returned', 'approved', 'closed'] as const;
export const REVIEW_DECISIONS = ['approved', 'returned', 'closed'] as const;

/** Text with its search matches marked, as plain pieces: the UI wraps `match` pieces in <mark>, never parses HTML. */
export const Highlighted = z.array(z.object({ text: z.string(), match: z.boolean() }));
export type Highlighted = z.infer<typeof Highlighted>;

export const Draft = z.object({
  id: Id,
  status: z.literal('draft'),
  /** Bumped on every save; pass it back so two windows cannot overwrite each other. */
  revision: z.number().int(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  content: DraftContent,
});
export type Draft = z.infer<typeof Draft>;

/** An amendment being typed, saved like a draft: the version it corrects, that version's content, the reason and changes so far. */
export const AmendmentDraft = z.object({
  incidentId: Id,
  baseVersion: z.number().int(),
  baseContent: DraftContent,
  reason: z.string(),
  content: DraftContent,
  revision: z.number().int(),
  updatedAt: IsoTime,
});
export type AmendmentDraft = z.infer<typeof AmendmentDraft>;

export const DraftSummary = z.object({
  id: Id,
  revision: z.number().int(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  branchId: Id.nullable(),
  occurredFrom: IsoTime.nullable(),
  summary: z.string(),
});

const StaffRef = z.object({ id: Id, name: z.string() });

/** A rule as it read when the report (or amendment) was filed. */
export const FiledRule = z.object({
  ruleId: Id,
  versionId: Id,
  version: z.number().int(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  severity: Severity,
});
export type FiledRule = z.infer<typeof FiledRule>;

/** How a recorded moment's wall-clock time was known: the stream's own date and time, or when the desk received it. */
export const TIME_SOURCES = ['stream', 'receipt'] as const;

/** A clip's facts beyond an attachment's: its wall-clock range (from is the attachment's frameTime), poster, what was asked. */
export const ClipFacts = z.object({
  /** Wall-clock end of the clip. */
  to: IsoTime,
  durationMs: z.number().int(),
  /** The poster frame (a JPEG attachment file named by its own SHA-256); null if none could be made. */
  posterSha256: z.string().nullable(),
  /** The in and out points as marked: the clip starts at the key frame at or before the in point. */
  requestedFrom: IsoTime,
  requestedTo: IsoTime,
  timeSource: z.enum(TIME_SOURCES),
});
export type ClipFacts = z.infer<typeof ClipFacts>;

export const AttachmentMeta = z.object({
  id: Id,
  sha256: z.string(),
  kind: z.string(),
  mediaType: z.string(),
  bytes: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  cameraId: Id.nullable(),
  takenAt: IsoTime,
  frameTime: IsoTime.nullable(),
  /** Clips only: the camera video's range and poster frame. */
  clip: ClipFacts.nullable(),
  /** Who took, added or cut it. */
  takenBy: Id,
  takenByName: z.string(),
});
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

/** One field an amendment changed, with its value before and after (rules as codes). */
export const FieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldChange = z.infer<typeof FieldChange>;

export const Amendment = z.object({
  /** The version this amendment created (the submission is version 1). */
  version: z.number().int(),
  at: IsoTime,
  by: StaffRef,
  reason: z.string(),
  changes: z.array(FieldChange),
});
export type Amendment = z.infer<typeof Amendment>;

export const Review = z.object({
  id: Id,
  at: IsoTime,
  by: StaffRef,
  decision: z.enum(REVIEW_DECISIONS),
  comment: z.string(),
  /** The version that was reviewed. */
  version: z.number().int(),
});
export type Review = z.infer<typeof Review>;

export const JournalRef = z.object({ kind: z.string(), at: IsoTime, hash: z.string() });

export const IncidentRecord = z.object({
  id: Id,
  /** `<BRANCH>-<YEAR>-<NNNN>`, per branch per year, given at submit. */
  number: z.string(),
  status: z.enum(FILED_STATUSES),
  branch: z.object({ id: Id, code: z.string(), name: z.string(), timeZone: z.string() }),
  zoneName: z.string().nullable(),
  reporter: StaffRef,
  reportedAt: IsoTime,
  /** The current version: 1 + the number of amendments. */
  version: z.number().int(),
  updatedAt: IsoTime,
  /** The current content, in the shape incidents.amend takes back. */
  content: IncidentContent,
  rules: z.array(FiledRule),
  cameras: z.array(CameraRef.extend({ cameraName: z.string() })),
  attachments: z.array(AttachmentMeta),
  amendments: z.array(Amendment),
  reviews: z.array(Review),
  /** This record's journal entries, oldest first; the last hash seals its current state. */
  journal: z.array(JournalRef),
});
export type IncidentRecord = z.infer<typeof IncidentRecord>;

export const IncidentListItem = patronData(
  z.object({
    id: Id,
    number: z.string(),
    status: z.enum(FILED_STATUSES),
    branchId: Id,
    branchCode: z.string(),
    zoneName: z.string().nullable(),
    occurredFrom: IsoTime,
    reportedAt: IsoTime,
    reporter: StaffRef,
    severity: Severity,
    summary: z.string(),
    ruleCodes: z.array(z.string()),
    version: z.number().int(),
    /** With a text search: the summary and the best passage, matches marked. */
    match: z.object({ summary: Highlighted, snippet: Highlighted }).nullable(),
  }),
  'an incident’s summary',
);
export type IncidentListItem = z.infer<typeof IncidentListItem>;

export const IncidentFilters = z.strictObject({
  /** Words to find in summary, narrative, actions and person descriptions; any characters are safe. */
  text: z.string().max(500).default(''),
  /** Part of a report's number ("2026-0042" finds MAIN-2026-0042): letters, digits and dashes. */
  number: z
    .string()
    .trim()
    .max(40)
    .regex(/^[A-Za-z0-9-]*$/, 'A report number has letters, digits and dashes only')
    .optional(),
  branchId: Id.optional(),
  /** Occurred at or after (inclusive) / before (exclusive). */
  from: IsoTime.optional(),
  to: IsoTime.optional(),
  ruleId: Id.optional(),
  status: z.enum(FILED_STATUSES).optional(),
  personId: Id.optional(),
  reporterId: Id.optional(),
  /** nextCursor of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const incidentsContract = {
  'incidents.createDraft': method({
    summary: 'Start a report: a private draft, prefilled with what the caller knows (camera, zone, snapshot).',
    input: z.strictObject({ content: DraftContent.default(DraftContent.parse({})) }),
    output: Draft,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'incidents.saveDraft': method({
    summary: 'Autosave a draft’s whole content (cheap: one row). Refused if another window saved a newer revision.',
    input: z.strictObject({ id: Id, revision: z.number().int(), content: DraftContent }),
    output: z.object({ id: Id, revision: z.number().int(), updatedAt: IsoTime }),
    patron: 'none',
    writes: true,
    access: signedIn,
  }),
  'incidents.listDrafts': method({
    summary: 'My drafts, most recently saved first.',
    input: NoInput,
    output: z.array(DraftSummary),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'incidents.getDraft': method({
    summary: 'One of my drafts, where I left it.',
    input: z.strictObject({ id: Id }),
    output: Draft,
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'incidents.discardDraft': method({
    summary: 'Throw away one of my drafts.',
    input: z.strictObject({ id: Id }),
    output: z.object({ id: Id }),
    patron: 'none',
    writes: true,
    access: signedIn,
  }),
  'incidents.submit': method({
    summary:
      'Validate and file a draft: gives it its number and locks its text. Refused with a message per field, the draft kept.',
    input: z.strictObject({ id: Id }),
    output: z.object({ id: Id, number: z.string(), status: z.enum(FILED_STATUSES) }),
    patron: 'none',
    writes: true,
    access: signedIn,
  }),
  'incidents.amend': method({
    summary:
      'Correct a filed report: the whole corrected content and a reason. The filed text is kept; changes append.',
    input: z.strictObject({
      id: Id,
      /** The version the corrections were made on; refused if someone amended it since. */
      version: z.number().int().min(1),
      reason: z.string().trim().min(1, 'Say why the report is amended').max(2000, 'At most 2,000 characters'),
      content: IncidentContent,
    }),
    output: z.object({ id: Id, number: z.string(), status: z.enum(FILED_STATUSES), version: z.number().int() }),
    patron: 'none',
    writes: true,
    access: signedIn,
  }),
  'incidents.getAmendDraft': method({
    summary: 'My amendment of a report as last saved, or null: reopening the report offers to continue it.',
    input: z.strictObject({ id: Id }),
    output: AmendmentDraft.nullable(),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'incidents.saveAmendDraft': method({
    summary:
      'Autosave an amendment being typed (revision 0 starts one on the version given). Refused if another window saved a newer revision.',
    input: z.strictObject({
      id: Id,
      baseVersion: z.number().int().min(1),
      revision: z.number().int().min(0),
      reason: multiline('Reason', 200_000),
      content: DraftContent,
    }),
    output: z.object({ revision: z.number().int(), updatedAt: IsoTime }),
    patron: 'none',
    writes: true,
    access: signedIn,
  }),
  'incidents.discardAmendDraft': method({
    summary: 'Throw away my amendment of a report (the report is unchanged).',
    input: z.strictObject({ id: Id }),
    output: z.object({ id: Id }),
    patron: 'none',
    writes: true,
    access: signedIn,
  }),
  'incidents.review': method({
    summary: 'Approve a submitted report, or return it to its reporter with a comment.',
    input: z.strictObject({
      id: Id,
      version: z.number().int().min(1),
      decision: z.enum(['approve', 'return']),
      comment: z.string().trim().max(2000, 'At most 2,000 characters').default(''),
    }),
    output: z.object({ id: Id, status: z.enum(FILED_STATUSES) }),
    patron: 'none',
    writes: true,
    access: supervisors,
  }),
  'incidents.close': method({
    summary: 'Close an approved report: nothing more will happen on it.',
    input: z.strictObject({ id: Id, comment: z.string().trim().max(2000, 'At most 2,000 characters').default('') }),
    output: z.object({ id: Id, status: z.enum(FILED_STATUSES) }),
    patron: 'none',
    writes: true,
    access: supervisors,
  }),
  'incidents.get': method({
    summary: 'One filed report with everything: content, rules as filed, amendments, reviews, attachments (audited).',
    input: z.strictObject({ id: Id }),
    output: IncidentRecord,
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'incidents.exportPdf': method({
    summary:
      'A filed report as a PDF document police can take, made in main so both shells give the same file (audited).',
    input: z.strictObject({ id: Id, disclose: DisclosureInput }),
    output: z.object({ fileName: z.string(), pdfBase64: z.string(), sha256: z.string() }),
    patron: 'exports',
    writes: false,
    access: signedIn,
  }),
  'incidents.search': method({
    summary: 'Filed reports, filtered and optionally full-text searched, one keyset page at a time.',
    input: IncidentFilters,
    output: z.object({ items: z.array(IncidentListItem), nextCursor: z.string().nullable() }),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
} as const;
