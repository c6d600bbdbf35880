import { z } from 'zod';
import { admins, signedIn } from '../roles';
import { method, patronData } from './define';
import { Id, IsoTime, NoInput, line } from './common';

/** Where the call came from. */
export const CALL_CHANNELS = ['desk', 'phone', 'radio'] as const;
export type CallChannel = (typeof CALL_CHANNELS)[number];

export const CALL_NATURES = ['disturbance', 'medical', 'patron-help', 'suspicious', 'facility', 'other'] as const;
export type CallNature = (typeof CALL_NATURES)[number];

export const CALL_PRIORITIES = ['urgent', 'normal', 'low'] as const;
export type CallPriority = (typeof CALL_PRIORITIES)[number];

/** A call's steps, in the only order they can happen. */
export const CALL_STEPS = ['received', 'responding', 'on-scene', 'cleared'] as const;
export type CallStep = (typeof CALL_STEPS)[number];
/** The steps a desk takes with one key each (received is the call itself). */
export const NEXT_STEPS = ['responding', 'on-scene', 'cleared'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

export const CALL_OUTCOMES = ['resolved', 'patron-left', 'police-took-over', 'referred', 'no-action'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Outside help called from a call. */
export const AGENCY_KINDS = ['police', 'ems', 'fire'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Documented limits. */
export const CALL_LIMITS = { detail: 300, note: 2_000, reason: 500, name: 120, responders: 10 } as const;

const StaffRef = z.object({ id: Id, name: z.string() });

const singleLine = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), `${label} must be a single line of text`);

/**
 * Someone named on a call: a staff member (by id: main names them as the staff list
 * does) or a name as given ("Pat from facilities").
 */
export const NamedPerson = z
  .strictObject({ staffId: Id.nullable(), name: singleLine('Name', CALL_LIMITS.name) })
  .refine((p) => p.staffId !== null || p.name.length > 0, { message: 'Name is required', path: ['name'] });
export type NamedPerson = z.infer<typeof NamedPerson>;

const note = (label: string) =>
  z
    .string()
    .trim()
    .max(CALL_LIMITS.note, `${label} must be at most ${CALL_LIMITS.note.toLocaleString('en-US')} characters`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), `${label} contains a control character`);

const Reason = z
  .string()
  .trim()
  .min(1, 'Say why it is corrected')
  .max(CALL_LIMITS.reason, `The reason must be at most ${CALL_LIMITS.reason} characters`);

const Detail = singleLine('The detail', CALL_LIMITS.detail);

/** One recorded step, as first recorded or as a correction of an earlier record of the same step. */
export const StepRecord = z.object({
  id: Id,
  step: z.enum(CALL_STEPS),
  /** When it happened; null when a correction withdrew the step ("it did not happen"). */
  at: IsoTime.nullable(),
  responders: z.array(NamedPerson),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  note: z.string(),
  recordedAt: IsoTime,
  recordedBy: StaffRef,
  /** The record this one corrects; null for the first record of the step. */
  corrects: Id.nullable(),
  reason: z.string().nullable(),
  /** False once a later record corrected it: kept, never shown as the step's time. */
  current: z.boolean(),
});
export type StepRecord = z.infer<typeof StepRecord>;

export const Agency = z.object({
  id: Id,
  kind: z.enum(AGENCY_KINDS),
  name: z.string(),
  calledAt: IsoTime,
  arrivedAt: IsoTime.nullable(),
  caseNumber: z.string(),
  recordedBy: StaffRef,
  updatedAt: IsoTime,
});
export type Agency = z.infer<typeof Agency>;

export const DetailsChange = z.object({
  at: IsoTime,
  by: StaffRef,
  reason: z.string(),
  changes: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
});

export const IncidentLink = z.object({
  /** The report's id (a draft's id until it is submitted, then the filed report's). */
  incidentId: Id,
  /** The filed report's number; null while it is a draft. */
  number: z.string().nullable(),
  linkedAt: IsoTime,
  linkedBy: StaffRef,
});
export type IncidentLink = z.infer<typeof IncidentLink>;

const CallFacts = {
  id: Id,
  branchId: Id,
  zoneId: Id.nullable(),
  zoneName: z.string().nullable(),
  caller: NamedPerson,
  channel: z.enum(CALL_CHANNELS),
  nature: z.enum(CALL_NATURES),
  priority: z.enum(CALL_PRIORITIES),
  detail: z.string(),
  status: z.enum(CALL_STEPS),
  receivedAt: IsoTime,
  respondingAt: IsoTime.nullable(),
  onSceneAt: IsoTime.nullable(),
  clearedAt: IsoTime.nullable(),
  responders: z.array(NamedPerson),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  outcomeNote: z.string(),
};

export const CallListItem = patronData(
  z.object({
    ...CallFacts,
    agencies: z.array(z.enum(AGENCY_KINDS)),
    incidentNumbers: z.array(z.string()),
  }),
  'a call’s detail',
);
export type CallListItem = z.infer<typeof CallListItem>;

export const CallRecord = patronData(
  z.object({
    ...CallFacts,
    receivedBy: StaffRef,
    /** Bumped on every change: a details correction names the revision it was made on. */
    revision: z.number().int(),
    steps: z.array(StepRecord),
    changes: z.array(DetailsChange),
    agencies: z.array(Agency),
    incidents: z.array(IncidentLink),
  }),
  'a call’s detail',
);
export type CallRecord = z.infer<typeof CallRecord>;

export const CallFilters = z.strictObject({
  /** Words in the detail, the caller's or responders' names, or the outcome note. */
  text: z.string().max(200).default(''),
  branchId: Id.optional(),
  /** Received at or after (inclusive) / before (exclusive). */
  from: IsoTime.optional(),
  to: IsoTime.optional(),
  nature: z.enum(CALL_NATURES).optional(),
  priority: z.enum(CALL_PRIORITIES).optional(),
  state: z.enum(['open', 'cleared']).optional(),
  outcome: z.enum(CALL_OUTCOMES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** A month is "2026-11", in the branch's own time zone. */
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month is written 2026-11');

/** How long a measure took, in seconds, over the calls that have it. */
export const Spread = z.object({ n: z.number().int(), median: z.number(), p90: z.number() });
export type Spread = z.infer<typeof Spread>;

export const FigureRow = z.object({
  calls: z.number().int(),
  /** Received → responding. */
  dispatch: Spread.nullable(),
  /** Received → on scene. */
  arrive: Spread.nullable(),
  /** Received → cleared. */
  clear: Spread.nullable(),
});
export type FigureRow = z.infer<typeof FigureRow>;

export const ResponseFigures = z.object({
  from: Month,
  to: Month,
  branches: z.array(
    z.object({
      branchId: Id,
      months: z.array(FigureRow.extend({ month: Month })),
      total: FigureRow,
    }),
  ),
});
export type ResponseFigures = z.infer<typeof ResponseFigures>;

export const CallAlertSettings = z.object({
  /** An urgent call with nobody responding this long is an urgent desk alert. */
  urgentUnansweredMinutes: z.number().int().min(1).max(30),
  /** Any call still open this long is a warning. */
  openTooLongMinutes: z.number().int().min(5).max(480),
});
export type CallAlertSettings = z.infer<typeof CallAlertSettings>;

const StepTime = IsoTime.optional();

export const callsContract = {
  'calls.create': method({
    summary: 'Log a staff call for assistance in one step; the time received is main’s clock.',
    input: z.strictObject({
      branchId: Id,
      zoneId: Id.nullable(),
      caller: NamedPerson,
      channel: z.enum(CALL_CHANNELS),
      nature: z.enum(CALL_NATURES),
      priority: z.enum(CALL_PRIORITIES),
      detail: Detail,
    }),
    output: CallRecord,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'calls.step': method({
    summary:
      'Record the next step (responding with who, on scene, cleared with the outcome). Refused when someone recorded it first.',
    input: z.strictObject({
      id: Id,
      step: z.enum(NEXT_STEPS),
      /** When it happened; now by default. */
      at: StepTime,
      responders: z.array(NamedPerson).max(CALL_LIMITS.responders).default([]),
      outcome: z.enum(CALL_OUTCOMES).optional(),
      note: note('The note').default(''),
    }),
    output: CallRecord,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'calls.correctStep': method({
    summary:
      'Correct a recorded step (time, responders, outcome), or withdraw the latest one, with a reason. The original is kept.',
    input: z.strictObject({
      id: Id,
      /** The step record being corrected: refused if it was corrected since. */
      stepId: Id,
      at: StepTime,
      responders: z.array(NamedPerson).max(CALL_LIMITS.responders).optional(),
      outcome: z.enum(CALL_OUTCOMES).optional(),
      note: note('The note').optional(),
      /** The step did not happen (recorded by mistake): only the latest step can be withdrawn. */
      withdraw: z.boolean().default(false),
      reason: Reason,
    }),
    output: CallRecord,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'calls.correctDetails': method({
    summary: 'Correct what the call was (zone, nature, priority, caller, channel, detail) with a reason.',
    input: z.strictObject({
      id: Id,
      revision: z.number().int(),
      zoneId: Id.nullable(),
      caller: NamedPerson,
      channel: z.enum(CALL_CHANNELS),
      nature: z.enum(CALL_NATURES),
      priority: z.enum(CALL_PRIORITIES),
      detail: Detail,
      reason: Reason,
    }),
    output: CallRecord,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'calls.recordAgency': method({
    summary: 'Record police, EMS or fire called from a call, or update one (arrival, case number).',
    input: z.strictObject({
      id: Id,
      /** An agency already on the call, to update; absent to add one. */
      agencyId: Id.optional(),
      kind: z.enum(AGENCY_KINDS),
      name: line('Agency', CALL_LIMITS.name),
      calledAt: IsoTime,
      arrivedAt: IsoTime.nullable(),
      caseNumber: z.string().trim().max(60, 'The case number must be at most 60 characters'),
    }),
    output: CallRecord,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'calls.reportIncident': method({
    summary:
      'Start an incident report from a call: branch, zone, times, persons and notes carried over, and the two linked.',
    input: z.strictObject({ id: Id }),
    output: z.object({ draftId: Id, call: CallRecord }),
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'calls.open': method({
    summary: 'Every call not yet cleared, oldest first (the desk keeps these on screen).',
    input: NoInput,
    output: z.array(CallListItem),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'calls.get': method({
    summary: 'One call with its steps, corrections, agencies and linked reports (an audited read).',
    input: z.strictObject({ id: Id }),
    output: CallRecord,
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'calls.forIncident': method({
    summary: 'The call a report was started from, if any.',
    input: z.strictObject({ incidentId: Id }),
    output: CallListItem.nullable(),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'calls.search': method({
    summary: 'Calls, newest first, filtered and optionally searched by words, one page at a time.',
    input: CallFilters,
    output: z.object({ items: z.array(CallListItem), nextCursor: z.string().nullable() }),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'calls.figures': method({
    summary: 'Response times per branch and month: to dispatch, to arrive and to clear, median and 90th percentile.',
    input: z.strictObject({ from: Month.optional(), to: Month.optional(), branchId: Id.optional() }),
    output: ResponseFigures,
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'calls.staff': method({
    summary: 'Active staff by name: who may be named as a caller, a responder or in a headcount.',
    input: NoInput,
    output: z.array(z.object({ id: Id, name: z.string() })),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'calls.alertSettings': method({
    summary: 'When open calls become desk alerts.',
    input: NoInput,
    output: CallAlertSettings,
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'calls.updateAlertSettings': method({
    summary: 'Change when open calls become desk alerts.',
    input: z.strictObject({
      urgentUnansweredMinutes: z
        .number()
        .int('Whole minutes only')
        .min(1, 'At least 1 minute')
        .max(30, 'At most 30 minutes'),
      openTooLongMinutes: z
        .number()
        .int('Whole minutes only')
        .min(5, 'At least 5 minutes')
        .max(480, 'At most 480 minutes'),
    }),
    output: CallAlertSettings,
    patron: 'none',
    writes: true,
    access: admins,
  }),
} as const;
