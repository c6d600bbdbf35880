import { z } from 'zod';
import { admins, signedIn, supervisors } from '../roles';
import { method, patronData } from './define';
import { CalendarDate, Id, IsoTime, line, multiline } from './common';
import { DisclosureInput } from './disclosure';
import { DraftContent } from './incident-fields';

// ---- the library's sanction policy ----

/** What a ban suspends: the building and grounds, or one service. */
export const PRIVILEGES = ['building', 'computers', 'borrowing', 'programs', 'meetingRooms'] as const;
export type Privilege = (typeof PRIVILEGES)[number];

/** One step of a ladder: a written warning, asked to leave for the day, a number of days, or indefinite. */
export const Step = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('warning') }),
  z.object({ kind: z.literal('day') }),
  z.object({ kind: z.literal('days'), days: z.number().int().min(1).max(3650) }),
  z.object({ kind: z.literal('indefinite') }),
]);
export type Step = z.infer<typeof Step>;

/**
 * A tier of rules that share a ladder: the person's prior violations of any of its
 * rules within the lookback window decide the next step.
 */
export const PolicyTier = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,30}$/, 'A tier code is lower-case letters, digits and dashes'),
  name: line('Tier name', 80),
  /** Rule codes (B-01 …) in this tier. */
  ruleCodes: z.array(z.string().trim().min(1).max(20)).max(100),
  lookbackDays: z.number().int().min(1).max(3650),
  /** Threats and violence: always all branches, whatever the issuer picks. */
  systemWide: z.boolean(),
  steps: z.array(Step).min(1, 'A ladder has at least one step').max(12),
});
export type PolicyTier = z.infer<typeof PolicyTier>;

/** The words of the notice letter; {placeholders} are filled in main. */
export const NoticeTemplate = z.object({
  heading: line('Heading', 200),
  opening: multiline('Opening', 2000),
  duringBan: multiline('What happens on return during the ban', 2000),
  appealRoute: multiline('How to appeal', 2000),
  guardian: multiline('Guardian paragraph', 2000),
  authority: multiline('Authority', 500),
  closing: multiline('Closing', 1000),
});
export type NoticeTemplate = z.infer<typeof NoticeTemplate>;

export const PolicyBody = z
  .object({
    /** Steps longer than this many days wait for a supervisor's approval. */
    approvalAboveDays: z.number().int().min(0).max(3650),
    /** Steps longer than this (and indefinite ones) require a reinstatement meeting by default. */
    meetingAboveDays: z.number().int().min(0).max(3650),
    /** Days to appeal, counted from delivery (5 to 15). */
    appealDays: z.number().int().min(5, 'At least 5 days to appeal').max(15, 'At most 15 days to appeal'),
    /** A notice posted (not handed over) counts as delivered after this many days. */
    postingDays: z.number().int().min(1).max(30),
    tiers: z.array(PolicyTier).min(1).max(20),
    notice: NoticeTemplate,
  })
  .superRefine((p, ctx) => {
    const codes = new Set<string>();
    const rules = new Map<string, string>();
    p.tiers.forEach((t, i) => {
      if (codes.has(t.code))
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'code'], message: 'Two tiers share this code' });
      codes.add(t.code);
      for (const r of t.ruleCodes) {
        const other = rules.get(r);
        if (other) {
          ctx.addIssue({
            code: 'custom',
            path: ['tiers', i, 'ruleCodes'],
            message: `${r} is already in the tier ${other}`,
          });
        }
        rules.set(r, t.name);
      }
    });
  });
export type PolicyBody = z.infer<typeof PolicyBody>;

export const SanctionPolicy = z.object({
  version: z.number().int(),
  createdAt: IsoTime,
  createdByName: z.string().nullable(),
  body: PolicyBody,
});
export type SanctionPolicy = z.infer<typeof SanctionPolicy>;

// ---- proposals and bans ----

export const BAN_STATUSES = [
  'warning',
  'pendingApproval',
  'scheduled',
  'active',
  'underAppeal',
  'awaitingReinstatement',
  'ended',
  'lifted',
] as const;
export type BanStatus = (typeof BAN_STATUSES)[number];

/** A prior violation that counts toward the ladder. */
export const PriorViolation = z.object({
  incidentId: Id,
  number: z.string(),
  occurredFrom: IsoTime,
  ruleCodes: z.array(z.string()),
});

/** What the policy proposes for a person and an incident, and why, in words. */
export const Proposal = z.object({
  tier: z.object({ code: z.string(), name: z.string() }),
  policyVersion: z.number().int(),
  /** Violations of this tier in the window before this one. */
  prior: z.array(PriorViolation),
  windowStart: IsoTime,
  step: Step,
  stepIndex: z.number().int(),
  /** "3rd disruptive-behavior violation since 12 Mar: 30 days". */
  why: z.string(),
  allBranches: z.boolean(),
  systemWide: z.boolean(),
  /** Where the incident happened: the default scope when not system-wide. */
  branchId: Id,
  approvalNeeded: z.boolean(),
  meetingRequired: z.boolean(),
  ladder: z.array(Step),
});
export type Proposal = z.infer<typeof Proposal>;

/** What everyone at the desk may know of a ban: whether, where, until when. */
export const BanSummary = patronData(
  z.object({
    id: Id,
    number: z.string(),
    personId: Id,
    personName: z.string(),
    /** Where it was issued: its dates are read in this branch's calendar. */
    branchId: Id,
    issuedAt: IsoTime,
    status: z.enum(BAN_STATUSES),
    /** "Banned from all branches until Sat 12 Dec", "Banned, meeting required before return". */
    statusWords: z.string(),
    step: Step,
    allBranches: z.boolean(),
    branchIds: z.array(Id),
    privileges: z.array(z.enum(PRIVILEGES)),
    startsAt: IsoTime,
    /** Null: indefinite (or a warning). */
    endsAt: IsoTime.nullable(),
    meetingRequired: z.boolean(),
  }),
  'a ban names its person',
);
export type BanSummary = z.infer<typeof BanSummary>;

export const DELIVERY_METHODS = ['inPerson', 'mail', 'certifiedMail', 'police', 'posted'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const Notice = z.object({
  id: Id,
  recipient: z.enum(['person', 'guardian']),
  createdAt: IsoTime,
  deliveredAt: IsoTime.nullable(),
  method: z.enum(DELIVERY_METHODS).nullable(),
  /** In person: signed (true) or refused to sign (false). */
  signed: z.boolean().nullable(),
  deliveredByName: z.string().nullable(),
  postedOn: CalendarDate.nullable(),
  note: z.string(),
  /** SHA-256 of the last PDF made of it. */
  sha256: z.string().nullable(),
});
export type Notice = z.infer<typeof Notice>;

export const APPEAL_DECISIONS = ['upheld', 'shortened', 'lifted'] as const;

export const Appeal = z.object({
  id: Id,
  receivedAt: IsoTime,
  recordedByName: z.string(),
  late: z.boolean(),
  lateReason: z.string(),
  acceptedLateByName: z.string().nullable(),
  hearing: z.object({ at: IsoTime, place: z.string(), attendees: z.string() }).nullable(),
  decision: z
    .object({
      decision: z.enum(APPEAL_DECISIONS),
      at: IsoTime,
      byName: z.string(),
      newEndsAt: IsoTime.nullable(),
      note: z.string(),
    })
    .nullable(),
});
export type Appeal = z.infer<typeof Appeal>;

export const Meeting = z.object({
  id: Id,
  scheduledAt: IsoTime,
  place: z.string(),
  withWhom: z.string(),
  scheduledByName: z.string(),
  heldAt: IsoTime.nullable(),
  heldByName: z.string().nullable(),
  attendees: z.string(),
  conditions: z.string(),
});
export type Meeting = z.infer<typeof Meeting>;

/** The reasons and the history: for supervisors and administrators only (null for officers, enforced in main). */
export const BanParticulars = patronData(
  z.object({
    tier: z.object({ code: z.string(), name: z.string() }),
    policyVersion: z.number().int(),
    proposed: Step,
    why: z.string(),
    overrideReason: z.string(),
    rules: z.array(z.object({ code: z.string(), title: z.string() })),
    incidents: z.array(z.object({ id: Id, number: z.string(), occurredFrom: IsoTime })),
    issuedAt: IsoTime,
    issuedById: Id,
    issuedByName: z.string(),
    approval: z.object({ needed: z.boolean(), at: IsoTime.nullable(), byName: z.string().nullable() }),
    lift: z.object({ at: IsoTime, byName: z.string(), reason: z.string(), rescinded: z.boolean() }).nullable(),
    notices: z.array(Notice),
    /** From the first delivery of the person's notice; null until it is delivered. */
    appealDeadline: IsoTime.nullable(),
    appeals: z.array(Appeal),
    meetings: z.array(Meeting),
    journal: z.array(z.object({ kind: z.string(), at: IsoTime, hash: z.string() })),
  }),
  'a ban’s reasons',
);
export type BanParticulars = z.infer<typeof BanParticulars>;

export const BanDetail = patronData(
  BanSummary.extend({
    person: z.object({ id: Id, name: z.string(), minor: z.boolean().nullable() }),
    /** Null for officers: reasons, incidents and history are for supervisors and administrators. */
    particulars: BanParticulars.nullable(),
  }),
  'a ban and its person',
);
export type BanDetail = z.infer<typeof BanDetail>;

/** What needs doing on the Bans tab; each list is a few rows. */
export const BanTodo = z.object({
  pendingApprovals: z.array(BanSummary),
  noticesToDeliver: z.array(BanSummary),
  appealDeadlines: z.array(BanSummary.extend({ appealDeadline: IsoTime })),
  meetingsThisWeek: z.array(BanSummary.extend({ meetingAt: IsoTime })),
  endingThisWeek: z.array(BanSummary),
});
export type BanTodo = z.infer<typeof BanTodo>;

/** One person found by the desk check, with their standing now. */
export const DeskCheckResult = patronData(
  z.object({
    person: z.object({
      id: Id,
      name: z.string(),
      aliases: z.array(z.string()),
      unknown: z.boolean(),
      description: z.string(),
      minor: z.boolean().nullable(),
      photo: z.string().nullable(),
    }),
    /** How the typed words met this person: "name", "alias", "description". */
    matchedOn: z.array(z.string()),
    banned: z.boolean(),
    /** The answer in words: "Banned from all branches until Sat 12 Dec", "Not banned". */
    statusWords: z.string(),
    bans: z.array(BanSummary),
    /** Supervisors and administrators: why, and what happened before. Null for officers. */
    history: z
      .object({
        reasons: z.array(z.string()),
        incidents: z.array(z.object({ id: Id, number: z.string(), occurredFrom: IsoTime })),
      })
      .nullable(),
  }),
  'a person found by the desk check',
);
export type DeskCheckResult = z.infer<typeof DeskCheckResult>;

const IssueInput = z.strictObject({
  personId: Id,
  incidentIds: z.array(Id).min(1, 'A ban rests on at least one incident report').max(20),
  step: Step,
  /** Required when the step differs from the policy's proposal. */
  overrideReason: z.string().trim().max(1000).default(''),
  allBranches: z.boolean(),
  branchIds: z.array(Id).max(20).default([]),
  privileges: z.array(z.enum(PRIVILEGES)).min(1, 'Choose what is suspended').max(PRIVILEGES.length),
  /** Default now; "leave for the day" always starts now. */
  startsAt: IsoTime.optional(),
  /** Default from the policy (long bans). */
  meetingRequired: z.boolean().optional(),
});

const Pdf = z.object({ fileName: z.string(), pdfBase64: z.string(), sha256: z.string() });

export const bansContract = {
  'bans.policy': method({
    summary: 'The sanction policy in force: ladders per rule tier, thresholds, notice wording.',
    input: z.strictObject({}),
    output: SanctionPolicy,
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'bans.updatePolicy': method({
    summary: 'Administrators: a new version of the sanction policy (bans keep the version they were issued under).',
    input: z.strictObject({ body: PolicyBody }),
    output: SanctionPolicy,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'bans.propose': method({
    summary: 'The ladder step the policy proposes for a person on an incident, and why (an audited read).',
    input: z.strictObject({ personId: Id, incidentId: Id }),
    output: Proposal,
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'bans.issue': method({
    summary: 'Issue a ban (or warning) from incident reports; long ones wait for a supervisor’s approval.',
    input: IssueInput,
    output: BanDetail,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'bans.approve': method({
    summary: 'Supervisors: approve a pending ban (not one you issued).',
    input: z.strictObject({ id: Id }),
    output: BanDetail,
    patron: 'reads',
    writes: true,
    access: supervisors,
  }),
  'bans.lift': method({
    summary: 'Supervisors: lift a ban early, with a reason; "rescind" stops it counting toward the ladder.',
    input: z.strictObject({ id: Id, reason: line('Reason', 1000), rescind: z.boolean().default(false) }),
    output: BanDetail,
    patron: 'reads',
    writes: true,
    access: supervisors,
  }),
  'bans.get': method({
    summary: 'One ban: status, scope and end for everyone; reasons and history for supervisors (audited).',
    input: z.strictObject({ id: Id }),
    output: BanDetail,
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'bans.list': method({
    summary: 'Bans by status, newest first (audited): in force now, or all.',
    input: z.strictObject({
      which: z.enum(['inForce', 'all']).default('inForce'),
      personId: Id.optional(),
      branchId: Id.optional(),
      limit: z.number().int().min(1).max(200).default(100),
    }),
    output: z.array(BanSummary),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'bans.todo': method({
    summary: 'What needs doing: approvals, notices to deliver, appeal deadlines, meetings and bans ending this week.',
    input: z.strictObject({}),
    output: BanTodo,
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'bans.noticePdf': method({
    summary: 'The notice letter as PDF, for the person or (a minor) their guardian (an audited read).',
    input: z.strictObject({ id: Id, recipient: z.enum(['person', 'guardian']), disclose: DisclosureInput }),
    output: Pdf,
    patron: 'exports',
    writes: false,
    access: signedIn,
  }),
  'bans.recordDelivery': method({
    summary: 'How and when the notice was delivered; the appeal clock starts then.',
    input: z.strictObject({
      id: Id,
      recipient: z.enum(['person', 'guardian']),
      method: z.enum(DELIVERY_METHODS),
      deliveredAt: IsoTime,
      /** In person: signed (true) or refused to sign (false). */
      signed: z.boolean().nullable().default(null),
      postedOn: CalendarDate.nullable().default(null),
      note: z.string().trim().max(1000).default(''),
    }),
    output: BanDetail,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'bans.recordAppeal': method({
    summary: 'An appeal received; after the deadline only a supervisor may accept it, with a reason.',
    input: z.strictObject({
      id: Id,
      receivedAt: IsoTime,
      acceptLateReason: z.string().trim().max(1000).default(''),
    }),
    output: BanDetail,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'bans.scheduleHearing': method({
    summary: 'Supervisors: when and where the appeal is heard or reviewed, and who attends.',
    input: z.strictObject({
      appealId: Id,
      at: IsoTime,
      place: line('Place', 200),
      attendees: z.string().trim().max(500).default(''),
    }),
    output: BanDetail,
    patron: 'reads',
    writes: true,
    access: supervisors,
  }),
  'bans.decideAppeal': method({
    summary: 'Supervisors: the appeal decided: upheld, shortened (a new end) or lifted.',
    input: z.strictObject({
      appealId: Id,
      decision: z.enum(APPEAL_DECISIONS),
      newEndsAt: IsoTime.nullable().default(null),
      note: z.string().trim().max(2000).default(''),
    }),
    output: BanDetail,
    patron: 'reads',
    writes: true,
    access: supervisors,
  }),
  'bans.decisionLetterPdf': method({
    summary: 'The appeal decision letter as PDF (an audited read).',
    input: z.strictObject({ appealId: Id, disclose: DisclosureInput }),
    output: Pdf,
    patron: 'exports',
    writes: false,
    access: signedIn,
  }),
  'bans.scheduleMeeting': method({
    summary: 'The reinstatement meeting: when, where, with whom.',
    input: z.strictObject({
      id: Id,
      at: IsoTime,
      place: line('Place', 200),
      withWhom: line('With whom', 200),
    }),
    output: BanDetail,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'bans.meetingHeld': method({
    summary: 'Supervisors: the reinstatement meeting was held (who, conditions); the ban ends at its end.',
    input: z.strictObject({
      id: Id,
      heldAt: IsoTime,
      attendees: z.string().trim().max(500).default(''),
      conditions: z.string().trim().max(2000).default(''),
    }),
    output: BanDetail,
    patron: 'reads',
    writes: true,
    access: supervisors,
  }),
  'desk.check': method({
    summary: '“Is this person banned?” as the desk types: names, aliases, descriptions, forgiving typos (audited).',
    input: z.strictObject({ text: z.string().max(200), limit: z.number().int().min(1).max(50).default(12) }),
    output: z.object({ results: z.array(DeskCheckResult), mediaBase: z.string() }),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'bans.forPerson': method({
    summary: 'A person’s bans and warnings, newest first (audited; particulars for supervisors).',
    input: z.strictObject({ personId: Id }),
    output: z.array(BanDetail),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'bans.personSeen': method({
    summary: 'Record that a person was seen at a branch; a sighting during a ban there proposes a trespass report.',
    input: z.strictObject({ personId: Id, branchId: Id }),
    output: z.object({
      violation: BanSummary.nullable(),
      message: z.string(),
      /** A trespass report to start (the draft content), when the sighting breaks a ban. */
      report: DraftContent.nullable(),
    }),
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
} as const;
