import { z } from 'zod';
import { signedIn } from '../roles';
import { method, patronData } from './define';
import { Id, IsoTime, NoInput } from './common';
import { LocalDate } from './branches';
import { CallbackNumber, callbackNumberProblem } from './contact-fields';
import { PASS_ON_DAYS } from '../shift-words';

/** What a line in the shift log is. */
export const ENTRY_KINDS = ['note', 'phone', 'voicemail', 'pass-on'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** What an entry can point at. */
export const LINK_KINDS = ['incident', 'call', 'person'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Documented limits. */
export const SHIFT_LIMITS = { text: 2_000, from: 120, reason: 500, note: 500, links: 10 } as const;

const StaffRef = z.object({ id: Id, name: z.string() });

const singleLine = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), `${label} must be a single line of text`);

const Text = z
  .string()
  .trim()
  .max(SHIFT_LIMITS.text, `At most ${SHIFT_LIMITS.text.toLocaleString('en-US')} characters`)
  .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'The text contains a control character');

export const ShiftSummary = z.object({
  id: Id,
  /** null: all branches (a central desk). */
  branchId: Id.nullable(),
  branchName: z.string(),
  staff: StaffRef,
  startedAt: IsoTime,
  endedAt: IsoTime.nullable(),
  endedBy: StaffRef.nullable(),
  endNote: z.string(),
});
export type ShiftSummary = z.infer<typeof ShiftSummary>;

export const EntryLink = z.object({
  kind: z.enum(LINK_KINDS),
  id: Id,
  /** An incident's number, a call's "19:42 Disturbance · Lobby", a person's name. */
  label: z.string(),
});
export type EntryLink = z.infer<typeof EntryLink>;

export const ShiftEntry = patronData(
  z.object({
    id: Id,
    /** The first record of this entry: its corrections share it. */
    chainId: Id,
    shiftId: Id.nullable(),
    branchId: Id.nullable(),
    branchName: z.string(),
    kind: z.enum(ENTRY_KINDS),
    /** When it happened (a voicemail left at 18:40 and heard at 19:05 says 18:40). */
    at: IsoTime,
    text: z.string(),
    /** Phone and voicemail: from whom. */
    fromName: z.string(),
    callbackNumber: z.string(),
    callbackNeeded: z.boolean(),
    callback: z.object({ doneAt: IsoTime, doneBy: StaffRef, note: z.string() }).nullable(),
    links: z.array(EntryLink),
    recordedAt: IsoTime,
    recordedBy: StaffRef,
    /** The record this one corrects, with the reason; null for the first record. */
    corrects: Id.nullable(),
    reason: z.string().nullable(),
    /** The entry was made by mistake: kept, shown struck through. */
    withdrawn: z.boolean(),
    /** False once a later record corrected it. */
    current: z.boolean(),
    /** Pass-on notes: who read and acknowledged this version, and when. */
    acknowledgements: z.array(z.object({ staff: StaffRef, at: IsoTime })),
  }),
  'a shift-log entry (callers, persons)',
);
export type ShiftEntry = z.infer<typeof ShiftEntry>;

const LinkInput = z.strictObject({ kind: z.enum(LINK_KINDS), id: Id });

const EntryFields = {
  branchId: Id.nullable(),
  kind: z.enum(ENTRY_KINDS),
  /** When it happened; now by default. */
  at: IsoTime.optional(),
  text: Text,
  fromName: singleLine('From', SHIFT_LIMITS.from).default(''),
  callbackNumber: CallbackNumber.default(''),
  callbackNeeded: z.boolean().default(false),
  links: z.array(LinkInput).max(SHIFT_LIMITS.links, `At most ${SHIFT_LIMITS.links} links`).default([]),
};

interface EntryShape {
  kind: EntryKind;
  text: string;
  fromName: string;
  callbackNumber: string;
  callbackNeeded: boolean;
}

/** What each kind needs, said at the field: a message needs its words, a callback its number. */
function checkEntry(e: EntryShape, ctx: z.RefinementCtx): void {
  const message = e.kind === 'phone' || e.kind === 'voicemail';
  if (!e.text && !(message && e.fromName)) {
    ctx.addIssue({
      code: 'custom',
      path: ['text'],
      message: message ? 'Say what the message was' : 'Write the entry',
    });
  }
  if (!message && e.callbackNeeded) {
    ctx.addIssue({
      code: 'custom',
      path: ['callbackNeeded'],
      message: 'Only a phone call or voicemail has a callback',
    });
  }
  if (e.callbackNumber) {
    const problem = callbackNumberProblem(e.callbackNumber);
    if (problem) ctx.addIssue({ code: 'custom', path: ['callbackNumber'], message: problem });
  } else if (e.callbackNeeded) {
    ctx.addIssue({ code: 'custom', path: ['callbackNumber'], message: 'Give the number to call back' });
  }
}

const Reason = z
  .string()
  .trim()
  .min(1, 'Say why it is corrected')
  .max(SHIFT_LIMITS.reason, `The reason must be at most ${SHIFT_LIMITS.reason} characters`);

/**
 * The entry being written, as typed: kept in main for its writer only, so a lock, a
 * reload or a crash loses nothing and it follows them to another console. Checked
 * loosely (it is unfinished); the entry itself is checked when added.
 */
export const EntryDraftContent = z.object({
  kind: z.enum(ENTRY_KINDS).default('note'),
  text: z
    .string()
    .max(SHIFT_LIMITS.text + 200)
    .default(''),
  fromName: z
    .string()
    .max(SHIFT_LIMITS.from + 40)
    .default(''),
  callbackNumber: z.string().max(80).default(''),
  callbackNeeded: z.boolean().default(false),
  links: z.array(LinkInput).max(SHIFT_LIMITS.links, `At most ${SHIFT_LIMITS.links} links`).default([]),
});
export type EntryDraftContent = z.infer<typeof EntryDraftContent>;

export const EntryDraft = z.object({
  revision: z.number().int(),
  updatedAt: IsoTime,
  content: EntryDraftContent,
  /** The links named as the entry will show them (a person's name: an audited read). */
  links: z.array(EntryLink),
});
export type EntryDraft = z.infer<typeof EntryDraft>;

export const ShiftNow = z.object({
  /** The caller's open shift. */
  mine: ShiftSummary.nullable(),
  /** Everyone on shift now, the caller included. */
  onDuty: z.array(ShiftSummary),
  /** The shift that ended last (anyone's): whose record the next person reads. */
  previous: ShiftSummary.nullable(),
  /** Pass-on notes the caller has not acknowledged yet. */
  toAcknowledge: z.number().int(),
  /** Callbacks needed and not done, anywhere. */
  callbacksWaiting: z.number().int(),
});
export type ShiftNow = z.infer<typeof ShiftNow>;

export const shiftsContract = {
  'shifts.now': method({
    summary: 'Who is on shift now, the caller’s shift, the last shift ended, and what waits for the caller.',
    input: NoInput,
    output: ShiftNow,
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'shifts.start': method({
    summary: 'Start the caller’s shift at a branch (null: all branches). Starting where one is open gives it back.',
    input: z.strictObject({ branchId: Id.nullable() }),
    output: ShiftSummary,
    patron: 'none',
    writes: true,
    access: signedIn,
  }),
  'shifts.endCheck': method({
    summary:
      'What is still open as a shift ends (open calls, an unsigned closing, callbacks): said plainly, never a block.',
    input: z.strictObject({ shiftId: Id }),
    output: z.object({ warnings: z.array(z.string()) }),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'shifts.end': method({
    summary: 'End a shift (the caller’s, or anyone’s for a supervisor), with a note; answers what was still open.',
    input: z.strictObject({
      shiftId: Id,
      note: singleLine('The note', SHIFT_LIMITS.note).default(''),
    }),
    output: z.object({ shift: ShiftSummary, warnings: z.array(z.string()) }),
    patron: 'none',
    writes: true,
    access: signedIn,
  }),
  'shifts.history': method({
    summary: 'Shifts that started in these dates, newest first (a branch’s, or every branch’s).',
    input: z
      .strictObject({ branchId: Id.optional(), from: LocalDate, to: LocalDate })
      .refine((v) => v.from <= v.to, { message: 'The last date is before the first', path: ['to'] }),
    output: z.array(ShiftSummary),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'shifts.log': method({
    summary:
      'A day’s shift log at a branch (null: every branch), newest first, corrections beside what they correct (an audited read when it names anyone).',
    input: z.strictObject({ branchId: Id.nullable(), date: LocalDate }),
    output: z.object({ date: z.string(), timeZone: z.string(), entries: z.array(ShiftEntry) }),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'shifts.entry': method({
    summary: 'One entry with its whole chain of corrections (an audited read when it names anyone).',
    input: z.strictObject({ id: Id }),
    output: z.object({ entry: ShiftEntry, chain: z.array(ShiftEntry) }),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'shifts.addEntry': method({
    summary: 'Write to the log: a note, a phone call or voicemail (from whom, callback), or a note to pass on.',
    input: z.strictObject(EntryFields).superRefine(checkEntry),
    output: ShiftEntry,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'shifts.correctEntry': method({
    summary: 'Correct an entry, or withdraw one made by mistake, with a reason: a new record pointing at the old.',
    input: z
      .strictObject({ id: Id, ...EntryFields, withdraw: z.boolean().default(false), reason: Reason })
      .superRefine(checkEntry),
    output: ShiftEntry,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'shifts.draft': method({
    summary:
      'The caller’s unfinished log entry, where they left it on any console (null: none). Naming a linked person is an audited read.',
    input: NoInput,
    output: EntryDraft.nullable(),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'shifts.saveDraft': method({
    summary:
      'Autosave the caller’s unfinished log entry (revision 0 starts one). Refused if another console saved a newer revision.',
    input: z.strictObject({ revision: z.number().int().min(0), content: EntryDraftContent }),
    output: z.object({ revision: z.number().int(), updatedAt: IsoTime }),
    patron: 'none',
    writes: true,
    access: signedIn,
  }),
  'shifts.discardDraft': method({
    summary: 'Throw away the caller’s unfinished log entry (nothing happens when there is none).',
    input: NoInput,
    output: z.object({ discarded: z.boolean() }),
    patron: 'none',
    writes: true,
    access: signedIn,
  }),
  'shifts.callbackDone': method({
    summary: 'Mark a message’s callback done (who and when), with what came of it.',
    input: z.strictObject({ id: Id, note: singleLine('The note', SHIFT_LIMITS.note).default('') }),
    output: ShiftEntry,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'shifts.callbacks': method({
    summary: 'Messages whose callback is needed and not done, oldest first (an audited read: they name callers).',
    input: NoInput,
    output: z.array(ShiftEntry),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'shifts.passOn': method({
    summary: `Notes passed on in the last ${PASS_ON_DAYS} days that the caller has not acknowledged, oldest first.`,
    input: NoInput,
    output: z.array(ShiftEntry),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'shifts.acknowledge': method({
    summary: 'Acknowledge a note passed on: the caller has read it (who and when are kept).',
    input: z.strictObject({ id: Id }),
    output: ShiftEntry,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
} as const;
