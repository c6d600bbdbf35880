import { z } from 'zod';
import { admins, signedIn } from '../roles';
import { method, patronData } from './define';
import { Id, IsoTime, NoInput, line } from './common';
import { DisclosureInput } from './disclosure';
import { LocalDate } from './branches';

/** What an item asks for: a check, a yes/no, a count ("people still inside: 0") or a note. */
export const ITEM_KINDS = ['check', 'yesno', 'count', 'note'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** How a zone was cleared: walked in person (the default) or looked over on its camera. */
export const CHECK_METHODS = ['walked', 'camera'] as const;
export type CheckMethod = (typeof CHECK_METHODS)[number];

export const EXCEPTION_KINDS = ['child', 'refusal', 'inside', 'reentry'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

/**
 * The steps each closing exception is worked through, in the words libraries write
 * them. A resolving step ends the exception; the escalation step is what the
 * policy's countdown asks for (police after so many minutes).
 */
export const EXCEPTION_STEPS = {
  child: ['guardianCalled', 'guardianArrived', 'policeCalled', 'policeArrived'],
  refusal: ['askedToLeave', 'policeCalled', 'left', 'policeArrived'],
  inside: ['left'],
  reentry: ['entered', 'left', 'alarmRearmed'],
} as const satisfies Record<ExceptionKind, readonly string[]>;
export type ExceptionStep = (typeof EXCEPTION_STEPS)[ExceptionKind][number];
export const ALL_STEPS = [...new Set(Object.values(EXCEPTION_STEPS).flat())] as [ExceptionStep, ...ExceptionStep[]];

/** Steps that end an exception, by kind. */
export const RESOLVING_STEPS: Record<ExceptionKind, readonly ExceptionStep[]> = {
  child: ['guardianArrived', 'policeArrived'],
  refusal: ['left', 'policeArrived'],
  inside: ['left'],
  reentry: ['alarmRearmed'],
};

/** The step the escalation countdown waits for, and the step its timer runs from (null: from when it began). */
export const ESCALATION: Partial<Record<ExceptionKind, { step: ExceptionStep; from: ExceptionStep | null }>> = {
  child: { step: 'policeCalled', from: null },
  refusal: { step: 'policeCalled', from: 'askedToLeave' },
};

/** Who a person still inside at closing is. */
export const INSIDE_ROLES = ['staff', 'cleaner', 'contractor', 'other'] as const;

// ---- templates ----

export const TemplateItem = z.object({
  /** Lasting across versions while the item is kept, so history lines up. */
  id: Id,
  /** Null: the whole building (lights, alarm). */
  zoneId: Id.nullable(),
  label: z.string(),
  kind: z.enum(ITEM_KINDS),
  /** yes/no items: the answer that means all is well. */
  okAnswer: z.enum(['yes', 'no']),
  /** count items: the count that means all is well (people still inside: 0). */
  expectedCount: z.number().int(),
  /** A failed answer must say what was found. */
  noteOnFail: z.boolean(),
});
export type TemplateItem = z.infer<typeof TemplateItem>;

export const Template = z.object({
  branchId: Id,
  /** Null: no version saved yet; `items` is the library's default, adapted to the branch's zones. */
  versionId: Id.nullable(),
  version: z.number().int(),
  savedAt: IsoTime.nullable(),
  savedBy: z.string().nullable(),
  items: z.array(TemplateItem),
});
export type Template = z.infer<typeof Template>;

const ItemInput = z.strictObject({
  id: Id.optional(),
  zoneId: Id.nullable(),
  label: line('Item', 160),
  kind: z.enum(ITEM_KINDS),
  okAnswer: z.enum(['yes', 'no']).default('yes'),
  expectedCount: z.number().int('Whole numbers only').min(0, 'At least 0').max(999, 'At most 999').default(0),
  noteOnFail: z.boolean().default(true),
});

export const TemplateInput = z
  .strictObject({
    branchId: Id,
    items: z.array(ItemInput).min(1, 'A checklist needs at least one item').max(200, 'At most 200 items'),
  })
  .superRefine((v, ctx) => {
    const seen = new Map<string, number>();
    v.items.forEach((item, i) => {
      const key = `${item.zoneId ?? ''}\u0000${item.label.toLowerCase()}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          message: `Item ${seen.get(key)! + 1} in this zone already says this: give each item its own words`,
          path: ['items', i, 'label'],
        });
      } else seen.set(key, i);
      const ids = v.items.filter((x) => x.id && x.id === item.id).length;
      if (item.id && ids > 1) ctx.addIssue({ code: 'custom', message: 'Each item once', path: ['items', i, 'id'] });
    });
  });

export const ClosingPolicy = z.object({
  /** Minutes before closing at which the desk is reminded, largest first (15, 10, 5). */
  reminderMinutes: z.array(z.number().int()),
  /** An unattended child: the police are called this many minutes after closing. */
  childPoliceMinutes: z.number().int(),
  /** A patron refusing to leave: the police are called this many minutes after they were asked. */
  refusalPoliceMinutes: z.number().int(),
});
export type ClosingPolicy = z.infer<typeof ClosingPolicy>;

const Minutes = (label: string) =>
  z
    .number()
    .int(`${label}: whole minutes`)
    .min(1, `${label}: at least 1 minute`)
    .max(240, `${label}: at most 240 minutes`);

// ---- runs ----

export const StaffRef = z.object({ id: Id, name: z.string() });

export const Answer = z.object({
  itemId: Id,
  outcome: z.enum(['done', 'problem', 'yes', 'no', 'count', 'noted']),
  count: z.number().int().nullable(),
  failed: z.boolean(),
  note: z.string(),
  method: z.enum(CHECK_METHODS),
  at: IsoTime,
  by: StaffRef,
  /** The incident report started from this item, if any. */
  incidentId: Id.nullable(),
});
export type Answer = z.infer<typeof Answer>;

export const ExceptionStepRecord = z.object({
  step: z.enum(ALL_STEPS),
  /** When it happened, as the desk stated it. */
  at: IsoTime,
  recordedAt: IsoTime,
  by: StaffRef,
  note: z.string(),
});

export const ClosingException = patronData(
  z.object({
    id: Id,
    kind: z.enum(EXCEPTION_KINDS),
    zoneId: Id.nullable(),
    zoneName: z.string().nullable(),
    /** When the situation began (the child was found, the people were seen, the door was opened). */
    beganAt: IsoTime,
    openedAt: IsoTime,
    openedBy: StaffRef,
    /** who, role, where, why, description: what the kind asks for. */
    details: z.object({
      who: z.string(),
      role: z.string(),
      where: z.string(),
      why: z.string(),
      description: z.string(),
    }),
    /** Police after this many minutes (the policy's when it was opened); null when the kind has no escalation. */
    escalateMinutes: z.number().int().nullable(),
    /** When the escalation is due (derived from the steps); null once it no longer applies. */
    escalateAt: IsoTime.nullable(),
    steps: z.array(ExceptionStepRecord),
    /** The time of the resolving step, or null while it is open. */
    resolvedAt: IsoTime.nullable(),
    incidentId: Id.nullable(),
  }),
  'a closing exception (who, description)',
);
export type ClosingException = z.infer<typeof ClosingException>;

export const RUN_STATUSES = ['open', 'signed', 'abandoned'] as const;

export const ClosingRun = z.object({
  id: Id,
  branchId: Id,
  branchName: z.string(),
  timeZone: z.string(),
  /** The branch's local date of the closing. */
  closingDate: z.string(),
  /** Closing time that day by the opening hours, if the branch opened that day. */
  closesAt: IsoTime.nullable(),
  status: z.enum(RUN_STATUSES),
  startedAt: IsoTime,
  startedBy: StaffRef,
  endedAt: IsoTime.nullable(),
  endedBy: StaffRef.nullable(),
  endNote: z.string(),
  template: z.object({ versionId: Id, version: z.number().int() }),
  /** The wording the run was worked with, in order; zone names as they are now. */
  items: z.array(TemplateItem.extend({ zoneName: z.string().nullable() })),
  answers: z.array(Answer),
  exceptions: z.array(ClosingException),
  /** This run's journal entries; the last hash seals its state. */
  journal: z.array(z.object({ kind: z.string(), at: IsoTime, hash: z.string() })),
});
export type ClosingRun = z.infer<typeof ClosingRun>;

export const RunSummary = z.object({
  id: Id,
  branchId: Id,
  closingDate: z.string(),
  status: z.enum(RUN_STATUSES),
  startedAt: IsoTime,
  startedBy: StaffRef,
  endedAt: IsoTime.nullable(),
  endedBy: StaffRef.nullable(),
  items: z.number().int(),
  answered: z.number().int(),
  failed: z.number().int(),
  exceptions: z.number().int(),
  /** Kinds of the exceptions, for the history line ("child, inside"). */
  exceptionKinds: z.array(z.enum(EXCEPTION_KINDS)),
  byCamera: z.number().int(),
  /** Everyone who answered an item. */
  answeredBy: z.array(z.string()),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const BranchClosing = z.object({
  branchId: Id,
  templateSaved: z.boolean(),
  itemCount: z.number().int(),
  policy: ClosingPolicy,
  openRun: RunSummary.nullable(),
  lastRun: RunSummary.nullable(),
});
export type BranchClosing = z.infer<typeof BranchClosing>;

const AnswerValue = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('check'), ok: z.boolean() }),
  z.strictObject({ kind: z.literal('yesno'), answer: z.enum(['yes', 'no']) }),
  z.strictObject({
    kind: z.literal('count'),
    count: z.number().int('Whole numbers only').min(0, 'At least 0').max(9999, 'At most 9,999'),
  }),
  z.strictObject({ kind: z.literal('note') }),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;

const Note = z
  .string()
  .trim()
  .max(2000, 'At most 2,000 characters')
  .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'The note contains a control character');
const Short = (label: string) => z.string().trim().max(200, `${label}: at most 200 characters`).default('');

const Pdf = z.object({ fileName: z.string(), pdfBase64: z.string(), sha256: z.string() });

export const closingContract = {
  'closing.overview': method({
    summary: 'Each active branch’s closing: template, policy, the unfinished run if any, the last run.',
    input: NoInput,
    output: z.array(BranchClosing),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'closing.template': method({
    summary: 'A branch’s checklist at its current version (the default, adapted, until one is saved).',
    input: z.strictObject({ branchId: Id }),
    output: Template,
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'closing.templateHistory': method({
    summary: 'Every saved version of a branch’s checklist, newest first.',
    input: z.strictObject({ branchId: Id }),
    output: z.array(Template),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'closing.defaultTemplate': method({
    summary: 'The library’s default checklist (resources), its areas matched to this branch’s zones.',
    input: z.strictObject({ branchId: Id }),
    output: Template,
    patron: 'none',
    writes: false,
    access: admins,
  }),
  'closing.saveTemplate': method({
    summary: 'Save a branch’s checklist as a new version; runs already made keep the wording they had.',
    input: TemplateInput,
    output: Template,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'closing.savePolicy': method({
    summary: 'Set a branch’s closing reminders and escalation minutes.',
    input: z.strictObject({
      branchId: Id,
      reminderMinutes: z
        .array(Minutes('Reminder'))
        .max(6, 'At most 6 reminders')
        .refine((m) => new Set(m).size === m.length, 'Each reminder once'),
      childPoliceMinutes: Minutes('Unattended child'),
      refusalPoliceMinutes: Minutes('Refusing to leave'),
    }),
    output: ClosingPolicy,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'closing.start': method({
    summary: 'Start the branch’s closing checklist, or resume its unfinished run.',
    input: z.strictObject({ branchId: Id }),
    output: ClosingRun,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'closing.get': method({
    summary: 'One closing run in full: every answer, who and when, and the exceptions.',
    input: z.strictObject({ runId: Id }),
    output: ClosingRun,
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'closing.answer': method({
    summary: 'Answer one item, once. A failed answer needs a note when its item says so.',
    input: z.strictObject({
      runId: Id,
      /** The branch the console is closing: an answer meant for another branch's run is refused. */
      branchId: Id,
      itemId: Id,
      value: AnswerValue,
      note: Note.default(''),
      method: z.enum(CHECK_METHODS).default('walked'),
    }),
    output: ClosingRun,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'closing.openException': method({
    summary: 'Record a closing exception (unattended child, refusing to leave, people inside, re-entry).',
    input: z.strictObject({
      runId: Id,
      kind: z.enum(EXCEPTION_KINDS),
      zoneId: Id.nullable().default(null),
      beganAt: IsoTime.optional(),
      who: Short('Who'),
      role: Short('Role'),
      where: Short('Where'),
      why: Short('Why'),
      description: Note.default(''),
    }),
    output: ClosingRun,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'closing.recordStep': method({
    summary: 'Record a step of an exception (guardian called, police called, alarm re-armed…), once each.',
    input: z.strictObject({
      exceptionId: Id,
      step: z.enum(ALL_STEPS),
      at: IsoTime.optional(),
      note: Note.default(''),
    }),
    output: ClosingRun,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'closing.linkIncident': method({
    summary: 'Note the incident report started from an item or exception of a run.',
    input: z
      .strictObject({ runId: Id, itemId: Id.optional(), exceptionId: Id.optional(), incidentId: Id })
      .refine((v) => (v.itemId === undefined) !== (v.exceptionId === undefined), 'Give an item or an exception'),
    output: ClosingRun,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'closing.sign': method({
    summary: 'Sign “Building clear”: every item answered; records the time, who signed and the exceptions.',
    input: z.strictObject({ runId: Id, note: Note.default('') }),
    output: ClosingRun,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'closing.abandon': method({
    summary: 'Close an unfinished run without signing (kept in history with the reason), so a new one can start.',
    input: z.strictObject({
      runId: Id,
      reason: Note.refine((s) => s.length > 0, 'Say why the run is left unsigned'),
    }),
    output: ClosingRun,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'closing.history': method({
    summary: 'A branch’s closing runs, newest first, one keyset page at a time.',
    input: z.strictObject({
      branchId: Id,
      cursor: z.string().max(100).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ items: z.array(RunSummary), nextCursor: z.string().nullable(), total: z.number().int() }),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'closing.exportPdf': method({
    summary: 'A closing report as PDF: one run, or a branch’s runs over a date range (audited).',
    input: z
      .strictObject({
        runId: Id.optional(),
        branchId: Id.optional(),
        from: LocalDate.optional(),
        to: LocalDate.optional(),
        disclose: DisclosureInput,
      })
      .refine((v) => (v.runId !== undefined) !== (v.branchId !== undefined), 'Give a run, or a branch and dates')
      .refine((v) => v.runId !== undefined || (v.from !== undefined && v.to !== undefined), {
        message: 'Give the first and last date',
        path: ['from'],
      })
      .refine((v) => !v.from || !v.to || v.from <= v.to, {
        message: 'The last date is before the first',
        path: ['to'],
      }),
    output: Pdf,
    patron: 'exports',
    writes: false,
    access: signedIn,
  }),
} as const;
