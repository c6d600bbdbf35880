import { z } from 'zod';
import { patronData } from './define';
import { Id, IsoTime, line, multiline } from './common';
import { Severity } from './guidelines';
import { PersonDescriptionFields, SEXES, descriptive } from './people';

/**
 * The fields of an incident report, twice: as a draft (anything typed so far is
 * kept, even past a limit, so an autosave never loses text) and as submittable
 * content (every rule a filed report must meet, with a message per field).
 */

/** Documented limits of a submitted report. */
export const INCIDENT_LIMITS = {
  summary: 200,
  narrative: 20_000,
  actions: 5_000,
  longText: 2_000,
  persons: 40,
  rules: 20,
  cameras: 20,
  attachments: 40,
} as const;

/** Drafts keep what was typed up to this size, so going over a limit never loses text: submit refuses instead. */
const DRAFT_TEXT_MAX = 200_000;
/** How far ahead of main's clock a time may be before it counts as "in the future" (clock drift between desks). */
export const FUTURE_TOLERANCE_MS = 2 * 60_000;

export const PERSON_ROLES = ['subject', 'witness', 'victim', 'staff', 'guardian'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const EMERGENCY_KINDS = ['ems', 'fire', 'ems-and-fire'] as const;

const required = (label: string, max: number) =>
  multiline(label, max).refine((s) => s.trim().length > 0, `${label} is required`);

const draftText = multiline('Text', DRAFT_TEXT_MAX);
const optionalText = (label: string, max: number = INCIDENT_LIMITS.longText) => multiline(label, max).default('');

// ---- Draft: everything optional ----

const DraftPerson = z.strictObject({
  role: z.enum(PERSON_ROLES).nullable().default(null),
  personId: Id.nullable().default(null),
  name: draftText.default(''),
  sex: z.enum(SEXES).nullable().default(null),
  ageEstimate: draftText.default(''),
  height: draftText.default(''),
  build: draftText.default(''),
  hair: draftText.default(''),
  clothing: draftText.default(''),
  marks: draftText.default(''),
});

const DraftResponder = z.strictObject({
  agency: draftText.default(''),
  calledAt: IsoTime.nullable().default(null),
  arrivedAt: IsoTime.nullable().default(null),
});

export const CameraRef = z.strictObject({ cameraId: Id, from: IsoTime, to: IsoTime });
export type CameraRef = z.infer<typeof CameraRef>;

export const DraftContent = patronData(
  z.strictObject({
    branchId: Id.nullable().default(null),
    zoneId: Id.nullable().default(null),
    occurredFrom: IsoTime.nullable().default(null),
    occurredTo: IsoTime.nullable().default(null),
    ruleIds: z.array(Id).max(100).default([]),
    severity: Severity.nullable().default(null),
    summary: draftText.default(''),
    narrative: draftText.default(''),
    actions: draftText.default(''),
    persons: z.array(DraftPerson).max(200).default([]),
    police: DraftResponder.extend({
      officerName: draftText.default(''),
      badge: draftText.default(''),
      caseNumber: draftText.default(''),
    })
      .nullable()
      .default(null),
    emergency: DraftResponder.extend({ kind: z.enum(EMERGENCY_KINDS).nullable().default(null) })
      .nullable()
      .default(null),
    injuries: draftText.default(''),
    propertyDamage: draftText.default(''),
    staffAssistance: draftText.default(''),
    cameras: z.array(CameraRef).max(100).default([]),
    attachmentIds: z.array(Id).max(200).default([]),
  }),
  'an incident’s narrative and persons',
);
export type DraftContent = z.infer<typeof DraftContent>;

// ---- Submittable content: what a filed report must be ----

export const PersonInvolved = z.strictObject({
  role: z.enum(PERSON_ROLES, { error: 'Choose a role: subject, witness, victim, staff or guardian' }),
  /** A known person picked from the persons list, or null for someone described here. */
  personId: Id.nullable(),
  /** A name, or “unknown”. */
  name: line('Name (or “unknown”)', 120),
  ...PersonDescriptionFields,
  clothing: descriptive('Clothing', 500),
});
export type PersonInvolved = z.infer<typeof PersonInvolved>;

export const Police = z.strictObject({
  agency: line('Police agency', 120),
  calledAt: IsoTime,
  arrivedAt: IsoTime.nullable(),
  officerName: descriptive('Officer name', 120),
  badge: descriptive('Badge number', 40),
  caseNumber: descriptive('Case number', 60),
});
export type Police = z.infer<typeof Police>;

export const Emergency = z.strictObject({
  kind: z.enum(EMERGENCY_KINDS, { error: 'Choose EMS, fire, or both' }),
  agency: descriptive('Agency', 120),
  calledAt: IsoTime,
  arrivedAt: IsoTime.nullable(),
});
export type Emergency = z.infer<typeof Emergency>;

const before = (a: string, b: string) => Date.parse(a) < Date.parse(b);
/** With no `now` (the contract's own parse) nothing is "in the future": main checks that against its clock. */
const future = (iso: string | null | undefined, now: number | undefined) =>
  now !== undefined && iso != null && Date.parse(iso) > now + FUTURE_TOLERANCE_MS;

const ContentObject = patronData(
  z.strictObject({
    branchId: Id,
    zoneId: Id.nullable(),
    occurredFrom: IsoTime,
    occurredTo: IsoTime.nullable(),
    ruleIds: z
      .array(Id)
      .min(1, 'Choose at least one rule that was broken')
      .max(INCIDENT_LIMITS.rules, `At most ${INCIDENT_LIMITS.rules} rules`),
    severity: Severity,
    summary: line('Summary', INCIDENT_LIMITS.summary),
    narrative: required('Narrative', INCIDENT_LIMITS.narrative),
    actions: required('Actions taken', INCIDENT_LIMITS.actions),
    persons: z.array(PersonInvolved).max(INCIDENT_LIMITS.persons, `At most ${INCIDENT_LIMITS.persons} persons`),
    police: Police.nullable(),
    emergency: Emergency.nullable(),
    injuries: optionalText('Injuries'),
    propertyDamage: optionalText('Property damage'),
    staffAssistance: optionalText('Staff assistance'),
    cameras: z.array(CameraRef).max(INCIDENT_LIMITS.cameras, `At most ${INCIDENT_LIMITS.cameras} camera references`),
    attachmentIds: z.array(Id).max(INCIDENT_LIMITS.attachments, `At most ${INCIDENT_LIMITS.attachments} attachments`),
  }),
  'an incident’s narrative and persons',
);

type Loose<T> = { [K in keyof T]?: T[K] | null };
export interface ContentIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Checks between fields and against the clock, tolerant of half-filled content so a
 * draft gets every message at once; paths name the field the message belongs to.
 */
export function crossFieldIssues(c: Loose<z.input<typeof ContentObject>>, now?: number): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const issue = (path: (string | number)[], message: string) => issues.push({ path, message });
  if (future(c.occurredFrom, now)) issue(['occurredFrom'], 'The start time is in the future');
  if (future(c.occurredTo, now)) issue(['occurredTo'], 'The end time is in the future');
  if (c.occurredTo && c.occurredFrom && before(c.occurredTo, c.occurredFrom)) {
    issue(['occurredTo'], 'The end time is before the start time');
  }
  for (const [key, r] of [
    ['police', c.police],
    ['emergency', c.emergency],
  ] as const) {
    if (!r) continue;
    if (future(r.calledAt, now)) issue([key, 'calledAt'], 'The time called is in the future');
    if (future(r.arrivedAt, now)) issue([key, 'arrivedAt'], 'The arrival time is in the future');
    if (r.arrivedAt && r.calledAt && before(r.arrivedAt, r.calledAt))
      issue([key, 'arrivedAt'], 'Arrival is before the call');
  }
  (c.cameras ?? []).forEach((cam, i) => {
    if (before(cam.to, cam.from)) issue(['cameras', i, 'to'], 'The end of the camera range is before its start');
    if (future(cam.from, now)) issue(['cameras', i, 'from'], 'The camera range starts in the future');
  });
  const ruleIds = c.ruleIds ?? [];
  if (new Set(ruleIds).size !== ruleIds.length) issue(['ruleIds'], 'A rule is listed twice');
  const attachmentIds = c.attachmentIds ?? [];
  if (new Set(attachmentIds).size !== attachmentIds.length) issue(['attachmentIds'], 'An attachment is listed twice');
  return issues;
}

export const IncidentContent = ContentObject.superRefine((c, ctx) => {
  for (const { path, message } of crossFieldIssues(c)) ctx.addIssue({ code: 'custom', path, message });
});
export type IncidentContent = z.infer<typeof IncidentContent>;

/** Content fields an amendment can change (the branch is part of the number and cannot). */
export const AMENDABLE_FIELDS = Object.keys(ContentObject.shape).filter((k) => k !== 'branchId') as Exclude<
  keyof IncidentContent,
  'branchId'
>[];

/**
 * The field an amendment's change names (FieldChange.field): an amendable field,
 * except that rules are carried by code, as people read them, under 'rules'.
 * Whatever puts words to changes (the screen, the PDF) keys them by this.
 */
export type ChangeField = Exclude<(typeof AMENDABLE_FIELDS)[number], 'ruleIds'> | 'rules';
