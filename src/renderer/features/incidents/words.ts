import type { FILED_STATUSES, PERSON_ROLES, EMERGENCY_KINDS, SEXES, SEVERITIES } from '../../../shared/contract';

/*
 * The contract's lists, re-typed here so zod stays out of the bundle; the `satisfies`
 * checks fail to compile if the contract gains or loses a value.
 */
type FiledStatus = (typeof FILED_STATUSES)[number];
type PersonRole = (typeof PERSON_ROLES)[number];
type EmergencyKind = (typeof EMERGENCY_KINDS)[number];
type Sex = (typeof SEXES)[number];
type Severity = (typeof SEVERITIES)[number];

export const STATUS_WORD = {
  submitted: 'Submitted',
  returned: 'Returned',
  approved: 'Approved',
  closed: 'Closed',
} as const satisfies Record<FiledStatus, string>;
export const STATUS_OPTIONS = Object.keys(STATUS_WORD) as FiledStatus[];

/** What each status asks of someone, said next to the word. */
export const STATUS_MEANS = {
  submitted: 'waiting for a supervisor’s review',
  returned: 'returned to the reporter for correction',
  approved: 'approved by a supervisor',
  closed: 'closed: nothing more will happen on it',
} as const satisfies Record<FiledStatus, string>;

export const ROLE_WORD = {
  subject: 'Subject',
  witness: 'Witness',
  victim: 'Victim',
  staff: 'Staff',
  guardian: 'Guardian',
} as const satisfies Record<PersonRole, string>;
export const PERSON_ROLE_LIST = Object.keys(ROLE_WORD) as PersonRole[];

export const EMERGENCY_WORD = {
  ems: 'EMS (ambulance)',
  fire: 'Fire',
  'ems-and-fire': 'EMS and fire',
} as const satisfies Record<EmergencyKind, string>;
export const EMERGENCY_LIST = Object.keys(EMERGENCY_WORD) as EmergencyKind[];

export const SEX_WORD = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Unknown',
} as const satisfies Record<Sex, string>;
export const SEX_LIST = Object.keys(SEX_WORD) as Sex[];

export const SEVERITY_WORD = {
  1: '1 — minor',
  2: '2 — serious',
  3: '3 — severe: safety at risk',
} as const satisfies Record<Severity, string>;
export const SEVERITY_LIST = [1, 2, 3] as const satisfies readonly Severity[];

export type { FiledStatus, PersonRole, EmergencyKind, Sex, Severity };
