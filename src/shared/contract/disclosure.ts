import { z } from 'zod';
import { patronData } from './define';
import { Id, IsoTime, line } from './common';

/**
 * Why patron records may leave the library, in Wisconsin's terms (Wis. Stat. 43.30).
 * Every export or disclosure (evidence, a report's PDF, a ban notice, the audit CSV, the
 * daily report's email) goes through one Disclose step that records one of these, the
 * recipient and the purpose (the audit domain keeps them: `AuditService.disclosed`).
 */
export const DISCLOSURE_BASES = [
  'police-crime-at-library',
  'library-reported',
  'court-order',
  'written-consent',
  'parent-of-child',
  'library-administration',
] as const;
export type DisclosureBasis = (typeof DISCLOSURE_BASES)[number];

/** The basis as the dialog lists it, the plain-language note shown beside it, and a short name for lists. */
export const DISCLOSURE_BASIS_WORDS: Record<DisclosureBasis, { label: string; note: string; short: string }> = {
  'police-crime-at-library': {
    short: 'Police, crime at the library',
    label: 'Police investigating a crime at the library — 43.30(5)(a)',
    note:
      'A law enforcement officer investigating a crime committed on library property asks for camera images or ' +
      'records of it. The library must honor the request. Write down the officer’s name, agency and case number.',
  },
  'library-reported': {
    short: 'Library reported, director approved',
    label: 'The library reported a crime, director approves — 43.30(5)(b)',
    note:
      'The library itself reported suspected criminal activity and shares the records with the officer or agency ' +
      'it reported to. The director (or someone they named) must approve the disclosure.',
  },
  'court-order': {
    short: 'Court order',
    label: 'Court order or subpoena',
    note:
      'A judge’s order or a subpoena names the records. Keep a copy with the case; give only what it names. ' +
      'When in doubt, ask the director or the library’s attorney before releasing anything.',
  },
  'written-consent': {
    short: 'Written consent',
    label: 'The person’s written consent',
    note:
      'The person the records are about asked for them, or agreed in writing that they go to someone else. ' +
      'Keep the signed consent; give only what it covers.',
  },
  'parent-of-child': {
    short: 'Parent of a child under 16',
    label: 'Custodial parent or guardian of a child under 16 — 43.30(4)',
    note:
      'A custodial parent or guardian may see the records of their child who is under 16. Check who they are ' +
      'and that the child is under 16 before giving anything.',
  },
  'library-administration': {
    short: 'Library administration',
    label: 'Library administration (staff, for library business)',
    note:
      'Shared inside the library with staff who need it for library business: the director, the branch manager, ' +
      'the daily activity report. It does not leave the library.',
  },
};

/** Bases under which a case number is asked for (required where the officer gives one). */
export const CASE_NUMBER_BASES: readonly DisclosureBasis[] = [
  'police-crime-at-library',
  'library-reported',
  'court-order',
];

/**
 * What the Disclose step records before main writes a file or sends an email. A police
 * request says whether the officer gave a case number, and then it is required.
 */
export const DisclosureInput = z
  .strictObject({
    basis: z.enum(DISCLOSURE_BASES, { error: 'Choose why these records may be given' }),
    recipient: line('Recipient', 200),
    purpose: line('Purpose', 300),
    caseNumber: z.string().trim().max(60, 'A case number has at most 60 characters').default(''),
    /** Police only: the officer gave a case number (then it must be written down). */
    caseNumberGiven: z.boolean().default(false),
  })
  .superRefine((d, ctx) => {
    if (d.basis === 'police-crime-at-library' && d.caseNumberGiven && d.caseNumber === '') {
      ctx.addIssue({ code: 'custom', path: ['caseNumber'], message: 'Write the case number the officer gave' });
    }
    if (d.caseNumber !== '' && !CASE_NUMBER_BASES.includes(d.basis)) {
      ctx.addIssue({
        code: 'custom',
        path: ['caseNumber'],
        message: 'A case number goes with a police request or a court order only',
      });
    }
  });
export type DisclosureInput = z.infer<typeof DisclosureInput>;

/** The name every export method gives its Disclose step in its input. */
export const DISCLOSE_FIELD = 'disclose';

/** One disclosure as the director's log lists it. Recipient and purpose can name a patron. */
export const DisclosureEntry = patronData(
  z.object({
    id: Id,
    at: IsoTime,
    /** null: the desk itself (the daily report emailed at a shift's end). */
    staffId: Id.nullable(),
    staffName: z.string().nullable(),
    /** The contract method that made the export. */
    method: z.string(),
    /** What left, in words: "Report R-2026-0012 as PDF". */
    what: z.string(),
    recordKind: z.string(),
    recordId: z.string().nullable(),
    recipient: z.string(),
    purpose: z.string(),
    basis: z.enum(DISCLOSURE_BASES),
    caseNumber: z.string(),
    fileName: z.string(),
    sha256: z.string(),
  }),
  'a disclosure (its recipient and purpose can name a patron)',
);
export type DisclosureEntry = z.infer<typeof DisclosureEntry>;

/** What narrows the disclosure log: dates, basis, who disclosed, one record, words. */
export const DisclosureFilters = {
  from: IsoTime.optional(),
  to: IsoTime.optional(),
  basis: z.enum(DISCLOSURE_BASES).optional(),
  staffId: Id.optional(),
  recordId: z.string().trim().min(1).max(100).optional(),
  text: z.string().max(200).optional(),
};
