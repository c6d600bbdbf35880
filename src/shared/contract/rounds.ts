import { z } from 'zod';
import { admins, signedIn } from '../roles';
import { method, patronData } from './define';
import { Id, IsoTime, NoInput, line } from './common';
import { DisclosureInput } from './disclosure';
import { LocalDate, ZONE_KINDS } from './branches';
import { CHECK_METHODS } from './closing';

const StaffRef = z.object({ id: Id, name: z.string() });

export const Checkpoint = z.object({
  /** Lasting across versions while the checkpoint is kept. */
  id: Id,
  zoneId: Id,
  /** "Check the book drop", "Look behind the parking-lot dumpster"; may be empty. */
  instructions: z.string(),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

const NamedCheckpoint = Checkpoint.extend({ zoneName: z.string(), zoneKind: z.enum(ZONE_KINDS) });

export const Route = z.object({
  id: Id,
  branchId: Id,
  versionId: Id,
  version: z.number().int(),
  name: z.string(),
  checkpoints: z.array(NamedCheckpoint),
  /** A round is required this often while the branch is open. */
  intervalMinutes: z.number().int(),
  /** The first round of a day is due this long after opening. */
  firstAfterMinutes: z.number().int(),
  /** Overdue this long after it was due. */
  graceMinutes: z.number().int(),
  /** A round reaching a checkpoint faster than this after the one before is flagged (0: no minimum). */
  minGapSeconds: z.number().int(),
  retired: z.boolean(),
  savedAt: IsoTime,
  savedBy: z.string().nullable(),
});
export type Route = z.infer<typeof Route>;

export const VISIT_STATUSES = ['visited', 'skipped'] as const;

export const Visit = z.object({
  status: z.enum(VISIT_STATUSES),
  at: IsoTime,
  by: StaffRef,
  /** Null for a skipped checkpoint. */
  method: z.enum(CHECK_METHODS).nullable(),
  /** Why it was skipped. */
  reason: z.string(),
});
export type Visit = z.infer<typeof Visit>;

export const Observation = patronData(
  z.object({
    id: Id,
    checkpointId: Id,
    at: IsoTime,
    by: StaffRef,
    text: z.string(),
    incidentId: Id.nullable(),
  }),
  'a round’s observation',
);
export type Observation = z.infer<typeof Observation>;

/** What a round's history says about its quality: never a refusal, only a flag. */
export const RoundFlag = z.object({ kind: z.enum(['fast', 'order']), text: z.string() });
export type RoundFlag = z.infer<typeof RoundFlag>;

export const Round = z.object({
  id: Id,
  routeId: Id,
  routeName: z.string(),
  version: z.number().int(),
  branchId: Id,
  branchName: z.string(),
  timeZone: z.string(),
  status: z.enum(['open', 'ended']),
  startedAt: IsoTime,
  startedBy: StaffRef,
  endedAt: IsoTime.nullable(),
  endedBy: StaffRef.nullable(),
  endNote: z.string(),
  minGapSeconds: z.number().int(),
  checkpoints: z.array(NamedCheckpoint.extend({ visit: Visit.nullable() })),
  observations: z.array(Observation),
  flags: z.array(RoundFlag),
  journal: z.array(z.object({ kind: z.string(), at: IsoTime, hash: z.string() })),
});
export type Round = z.infer<typeof Round>;

export const ROUTE_STATES = ['closed', 'waiting', 'due', 'overdue', 'inProgress', 'done'] as const;
export type RouteState = (typeof ROUTE_STATES)[number];

export const RouteStatus = z.object({
  routeId: Id,
  name: z.string(),
  checkpoints: z.number().int(),
  intervalMinutes: z.number().int(),
  graceMinutes: z.number().int(),
  /**
   * closed: the branch is closed; waiting: the next round is not due yet; due; overdue
   * (past the grace); inProgress: a round is being walked; done: no more due today.
   */
  state: z.enum(ROUTE_STATES),
  dueAt: IsoTime.nullable(),
  overdueSince: IsoTime.nullable(),
  openRound: z
    .object({ id: Id, startedAt: IsoTime, startedBy: StaffRef, done: z.number().int(), total: z.number().int() })
    .nullable(),
  lastRound: z.object({ id: Id, startedAt: IsoTime, endedAt: IsoTime.nullable(), by: StaffRef }).nullable(),
  /** Intervals missed today so far. */
  missedToday: z.number().int(),
});
export type RouteStatus = z.infer<typeof RouteStatus>;

export const BranchRounds = z.object({
  branchId: Id,
  open: z.boolean(),
  routes: z.array(RouteStatus),
});
export type BranchRounds = z.infer<typeof BranchRounds>;

export const RoundSummary = z.object({
  id: Id,
  routeId: Id,
  routeName: z.string(),
  startedAt: IsoTime,
  startedBy: StaffRef,
  endedAt: IsoTime.nullable(),
  endedBy: StaffRef.nullable(),
  total: z.number().int(),
  visited: z.number().int(),
  skipped: z.number().int(),
  byCamera: z.number().int(),
  observations: z.number().int(),
  flags: z.array(RoundFlag),
  shortestGapSeconds: z.number().nullable(),
  longestGapSeconds: z.number().nullable(),
});
export type RoundSummary = z.infer<typeof RoundSummary>;

const Gap = z.object({ seconds: z.number(), roundId: Id, from: z.string(), to: z.string(), at: IsoTime });

export const RoundsHistory = z.object({
  branchId: Id,
  from: z.string(),
  to: z.string(),
  staffId: Id.nullable(),
  rounds: z.array(RoundSummary),
  /** Intervals that passed their grace with no round started (the branch's, not a person's). */
  missed: z.array(z.object({ routeId: Id, routeName: z.string(), date: z.string(), dueAt: IsoTime })),
  skipped: z.array(
    z.object({
      roundId: Id,
      routeName: z.string(),
      zoneName: z.string(),
      at: IsoTime,
      by: StaffRef,
      reason: z.string(),
    }),
  ),
  shortestGap: Gap.nullable(),
  longestGap: Gap.nullable(),
});
export type RoundsHistory = z.infer<typeof RoundsHistory>;

const Text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}: at most ${max.toLocaleString('en-US')} characters`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), `${label} contains a control character`);
const Required = (label: string, message: string, max = 500) => Text(label, max).refine((s) => s.length > 0, message);
const Whole = (label: string, min: number, max: number, unit: string) =>
  z
    .number()
    .int(`${label}: whole ${unit}`)
    .min(min, `${label}: at least ${min} ${unit}`)
    .max(max, `${label}: at most ${max} ${unit}`);

const HistoryFields = {
  branchId: Id,
  from: LocalDate,
  to: LocalDate,
  /** One person's rounds (those they started); the branch's missed intervals are then left out. */
  staffId: Id.nullable().default(null),
};
const inOrder = (v: { from: string; to: string }) => v.from <= v.to;
const outOfOrder = { message: 'The last date is before the first', path: ['to'] };
const HistoryRange = z.strictObject(HistoryFields).refine(inOrder, outOfOrder);

export const roundsContract = {
  'rounds.overview': method({
    summary: 'Each active branch’s routes with their state now: waiting, due, overdue, in progress.',
    input: NoInput,
    output: z.array(BranchRounds),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'rounds.routes': method({
    summary: 'A branch’s patrol routes at their current version (retired ones included, flagged).',
    input: z.strictObject({ branchId: Id }),
    output: z.array(Route),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'rounds.saveRoute': method({
    summary: 'Add a route, or save a route’s new version; rounds already walked keep the version they had.',
    input: z.strictObject({
      routeId: Id.optional(),
      branchId: Id,
      name: line('Route name', 80),
      checkpoints: z
        .array(z.strictObject({ id: Id.optional(), zoneId: Id, instructions: Text('Instructions', 300).default('') }))
        .min(1, 'A route needs at least one checkpoint')
        .max(60, 'At most 60 checkpoints'),
      intervalMinutes: Whole('Interval', 10, 480, 'minutes'),
      firstAfterMinutes: Whole('First round', 0, 480, 'minutes'),
      graceMinutes: Whole('Grace', 0, 120, 'minutes'),
      minGapSeconds: Whole('Minimum time between checkpoints', 0, 3600, 'seconds'),
    }),
    output: Route,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'rounds.setRouteRetired': method({
    summary: 'Retire a route (no more rounds due; its history stays) or bring it back.',
    input: z.strictObject({ routeId: Id, retired: z.boolean() }),
    output: Route,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'rounds.start': method({
    summary: 'Start a round of a route, or resume the one already being walked.',
    input: z.strictObject({ routeId: Id }),
    output: Round,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'rounds.get': method({
    summary: 'One round in full: each checkpoint’s visit, observations, quality flags.',
    input: z.strictObject({ roundId: Id }),
    output: Round,
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'rounds.visit': method({
    summary: 'Mark a checkpoint visited (who, when, walked or on camera), once.',
    input: z.strictObject({ roundId: Id, checkpointId: Id, method: z.enum(CHECK_METHODS).default('walked') }),
    output: Round,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'rounds.skip': method({
    summary: 'Skip a checkpoint, with the reason.',
    input: z.strictObject({
      roundId: Id,
      checkpointId: Id,
      reason: Required('Reason', 'Say why the checkpoint is skipped'),
    }),
    output: Round,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'rounds.observe': method({
    summary: 'Add an observation at a checkpoint.',
    input: z.strictObject({
      roundId: Id,
      checkpointId: Id,
      text: Required('Observation', 'Write what you saw', 2000),
    }),
    output: Round,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'rounds.linkIncident': method({
    summary: 'Note the incident report started from an observation.',
    input: z.strictObject({ roundId: Id, observationId: Id, incidentId: Id }),
    output: Round,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'rounds.end': method({
    summary: 'End a round. Checkpoints not reached are skipped with the reason given, or the end is refused.',
    input: z.strictObject({
      roundId: Id,
      note: Text('Note', 2000).default(''),
      /** Skips every checkpoint not reached yet, with this reason ("called to a disturbance"). */
      skipRemainingReason: Text('Reason', 500).default(''),
    }),
    output: Round,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'rounds.history': method({
    summary:
      'A branch’s rounds over dates (or one person’s): rounds done, missed intervals, skips, shortest and longest gaps.',
    input: HistoryRange,
    output: RoundsHistory,
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'rounds.exportPdf': method({
    summary: 'The same history as a printable PDF.',
    input: z.strictObject({ ...HistoryFields, disclose: DisclosureInput }).refine(inOrder, outOfOrder),
    output: z.object({ fileName: z.string(), pdfBase64: z.string(), sha256: z.string() }),
    patron: 'exports',
    writes: false,
    access: signedIn,
  }),
} as const;
