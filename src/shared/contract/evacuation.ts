import { z } from 'zod';
import { admins, signedIn } from '../roles';
import { method, patronData } from './define';
import { Id, IsoTime, NoInput, line } from './common';
import { DisclosureInput } from './disclosure';

/** What started it. A drill is recorded the same way as the real thing and marked as a drill everywhere. */
export const EVACUATION_KINDS = ['fire-alarm', 'drill', 'bomb-threat', 'shelter-in-place', 'hazmat', 'other'] as const;
export type EvacuationKind = (typeof EVACUATION_KINDS)[number];

export const SWEEP_STATES = ['pending', 'clear', 'not-clear'] as const;
export type SweepState = (typeof SWEEP_STATES)[number];

/** Where a staff member stands in a headcount. */
export const HEADCOUNT_STATUSES = ['accounted', 'missing', 'off-site'] as const;
export type HeadcountStatus = (typeof HEADCOUNT_STATUSES)[number];

export const SERVICE_KINDS = ['fire', 'police', 'ems', 'other'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** People who could not leave: waiting (at an area of refuge, needing help), or brought out. */
export const REFUGE_STATUSES = ['waiting', 'brought-out'] as const;

export const DEFAULT_SWEEP_TARGET_MINUTES = 3;

const StaffRef = z.object({ id: Id, name: z.string() });
const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), `${label} must be a single line of text`);
const Count = (label: string) =>
  z
    .number({ error: `${label}: a number` })
    .int(`${label}: a whole number`)
    .min(0, `${label} cannot be negative`)
    .max(100_000, `${label} is too large`);

/** One thing recorded during an evacuation, as the coordinator's screen sends it. */
export const EvacuationEntry = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('assign'), zoneId: Id, assignee: text('Assigned to', 120) }),
  z.strictObject({
    kind: z.literal('sweep'),
    zoneId: Id,
    result: z.enum(['clear', 'not-clear']),
    /** Who swept it; the zone's assignee when empty. */
    by: text('Swept by', 120).default(''),
    note: text('Note', 500).default(''),
  }),
  z.strictObject({ kind: z.literal('unsweep'), zoneId: Id, reason: line('Reason', 500) }),
  z.strictObject({
    kind: z.literal('refuge'),
    zoneId: Id.nullable(),
    location: line('Where', 200),
    count: Count('How many').refine((n) => n >= 1, 'How many: at least 1'),
    condition: text('Condition', 500).default(''),
  }),
  z.strictObject({
    kind: z.literal('refugeUpdate'),
    refugeId: Id,
    status: z.enum(REFUGE_STATUSES),
    note: text('Note', 500).default(''),
  }),
  z.strictObject({
    kind: z.literal('service'),
    service: z.enum(SERVICE_KINDS),
    name: line('Service', 120),
    calledAt: IsoTime.optional(),
  }),
  z.strictObject({ kind: z.literal('serviceArrived'), serviceId: Id, at: IsoTime.optional() }),
  z.strictObject({
    kind: z.literal('headcount'),
    staff: z.array(z.strictObject({ staffId: Id, status: z.enum(HEADCOUNT_STATUSES) })).max(500),
    patrons: Count('Patrons'),
    visitors: Count('Visitors'),
    note: text('Note', 500).default(''),
  }),
  z.strictObject({
    kind: z.literal('refusal'),
    zoneId: Id.nullable(),
    location: line('Where', 200),
    count: Count('How many').refine((n) => n >= 1, 'How many: at least 1'),
    description: text('Who (description)', 500).default(''),
  }),
  z.strictObject({ kind: z.literal('note'), text: line('Note', 2_000) }),
]);
export type EvacuationEntry = z.infer<typeof EvacuationEntry>;

export const ZoneSweep = z.object({
  zoneId: Id,
  name: z.string(),
  floor: z.string(),
  assignee: z.string(),
  state: z.enum(SWEEP_STATES),
  /** When it was swept (or found not clear); null while pending. */
  at: IsoTime.nullable(),
  /** Who swept it, as recorded. */
  by: z.string(),
  note: z.string(),
  recordedBy: StaffRef.nullable(),
});
export type ZoneSweep = z.infer<typeof ZoneSweep>;

export const TimelineEntry = z.object({
  id: Id,
  kind: z.string(),
  /** When it happened. */
  at: IsoTime,
  recordedAt: IsoTime,
  recordedBy: StaffRef,
  /** What happened, in words ("Lobby swept clear by Pat"). */
  words: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const EvacuationRecord = patronData(
  z.object({
    id: Id,
    branch: z.object({ id: Id, name: z.string(), code: z.string(), timeZone: z.string() }),
    kind: z.enum(EVACUATION_KINDS),
    drill: z.boolean(),
    description: z.string(),
    startedAt: IsoTime,
    startedBy: StaffRef,
    assemblyPoint: z.string(),
    sweepTargetSeconds: z.number().int(),
    running: z.boolean(),
    allClear: z
      .object({
        at: IsoTime,
        givenBy: z.string(),
        recordedBy: StaffRef,
        unswept: z.array(z.object({ zoneId: Id, name: z.string() })),
      })
      .nullable(),
    zones: z.array(ZoneSweep),
    refuge: z.array(
      z.object({
        id: Id,
        zoneId: Id.nullable(),
        location: z.string(),
        count: z.number().int(),
        condition: z.string(),
        status: z.enum(REFUGE_STATUSES),
        reportedAt: IsoTime,
        updatedAt: IsoTime,
        note: z.string(),
      }),
    ),
    services: z.array(
      z.object({
        id: Id,
        service: z.enum(SERVICE_KINDS),
        name: z.string(),
        calledAt: IsoTime,
        arrivedAt: IsoTime.nullable(),
      }),
    ),
    headcounts: z.array(
      z.object({
        id: Id,
        at: IsoTime,
        by: StaffRef,
        staff: z.array(z.object({ staffId: Id, name: z.string(), status: z.enum(HEADCOUNT_STATUSES) })),
        patrons: z.number().int(),
        visitors: z.number().int(),
        note: z.string(),
      }),
    ),
    refusals: z.array(
      z.object({
        id: Id,
        at: IsoTime,
        zoneId: Id.nullable(),
        location: z.string(),
        count: z.number().int(),
        description: z.string(),
      }),
    ),
    notes: z.array(z.object({ id: Id, at: IsoTime, by: StaffRef, text: z.string() })),
    timeline: z.array(TimelineEntry),
    /** How many things were recorded: a screen knows whether it has the latest. */
    revision: z.number().int(),
  }),
  'an evacuation’s people and notes',
);
export type EvacuationRecord = z.infer<typeof EvacuationRecord>;

export const EvacuationSummary = z.object({
  id: Id,
  branchId: Id,
  kind: z.enum(EVACUATION_KINDS),
  drill: z.boolean(),
  description: z.string(),
  startedAt: IsoTime,
  startedBy: z.string(),
  allClearAt: IsoTime.nullable(),
  /** Start → all clear, in seconds. */
  allClearAfter: z.number().int().nullable(),
  /** Start → the last zone swept, in seconds; null while a zone is pending. */
  sweptAfter: z.number().int().nullable(),
  zones: z.number().int(),
  zonesSwept: z.number().int(),
});
export type EvacuationSummary = z.infer<typeof EvacuationSummary>;

/** What any screen may know, signed in or not: an evacuation is running, where, since when. */
export const RunningEvacuation = z.object({
  id: Id,
  branchId: Id,
  branchName: z.string(),
  branchCode: z.string(),
  timeZone: z.string(),
  kind: z.enum(EVACUATION_KINDS),
  drill: z.boolean(),
  startedAt: IsoTime,
});
export type RunningEvacuation = z.infer<typeof RunningEvacuation>;

export const EvacuationPlan = z.object({
  branchId: Id,
  assemblyPoint: z.string(),
  sweepTargetMinutes: z.number().int(),
  /** Every active zone of the branch in sweep order (zones added since the plan was saved come last). */
  zones: z.array(z.object({ zoneId: Id, name: z.string(), floor: z.string(), assignee: z.string() })),
  updatedAt: IsoTime.nullable(),
  updatedBy: z.string().nullable(),
});
export type EvacuationPlan = z.infer<typeof EvacuationPlan>;

export const evacuationContract = {
  'evacuations.running': method({
    summary: 'Evacuations running now: every screen shows them, the sign-in and lock screens too.',
    input: NoInput,
    output: z.array(RunningEvacuation),
    patron: 'none',
    writes: false,
    access: 'public',
  }),
  'evacuations.start': method({
    summary: 'Start an emergency evacuation (or a drill) for a branch. Refused while one is running there.',
    input: z.strictObject({
      branchId: Id,
      kind: z.enum(EVACUATION_KINDS),
      description: text('What happened', 300).default(''),
    }),
    output: EvacuationRecord,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'evacuations.record': method({
    summary:
      'Record one thing during an evacuation: a sweep, a person who could not leave, a service, a headcount, a refusal, a note.',
    input: z.strictObject({ id: Id, entry: EvacuationEntry }),
    output: EvacuationRecord,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'evacuations.allClear': method({
    summary: 'End an evacuation with the all clear and who gave it. Zones not swept must be named back as confirmed.',
    input: z.strictObject({
      id: Id,
      givenBy: line('Who gave the all clear', 120),
      confirmUnswept: z.array(Id).max(500).default([]),
    }),
    output: EvacuationRecord,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'evacuations.get': method({
    summary: 'One evacuation with its sweeps, people, services, headcounts, refusals, notes and timeline (audited).',
    input: z.strictObject({ id: Id }),
    output: EvacuationRecord,
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'evacuations.list': method({
    summary: 'Evacuations and drills, newest first, with their times (the trend a manager reads).',
    input: z.strictObject({ branchId: Id.optional(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(EvacuationSummary),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'evacuations.exportPdf': method({
    summary: 'The after-action report as a PDF, made in main (an audited read).',
    input: z.strictObject({ id: Id, disclose: DisclosureInput }),
    output: z.object({ fileName: z.string(), pdfBase64: z.string(), sha256: z.string() }),
    patron: 'exports',
    writes: false,
    access: signedIn,
  }),
  'evacuations.plans': method({
    summary: 'Each branch’s evacuation plan: assembly point, zone sweep order and who usually sweeps.',
    input: NoInput,
    output: z.array(EvacuationPlan),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'evacuations.savePlan': method({
    summary: 'Save a branch’s assembly point, sweep target and zone sweep order.',
    input: z.strictObject({
      branchId: Id,
      assemblyPoint: text('Assembly point', 300),
      sweepTargetMinutes: z
        .number()
        .int('Whole minutes only')
        .min(1, 'At least 1 minute')
        .max(30, 'At most 30 minutes'),
      zones: z.array(z.strictObject({ zoneId: Id, assignee: text('Usually swept by', 120) })).max(500),
    }),
    output: EvacuationPlan,
    patron: 'none',
    writes: true,
    access: admins,
  }),
} as const;
