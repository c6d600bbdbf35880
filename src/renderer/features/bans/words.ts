import { sameStep, stepDays, stepLabel } from '../../../shared/ban-steps';
import type {
  APPEAL_DECISIONS,
  BAN_STATUSES,
  BanSummary,
  Branch,
  DELIVERY_METHODS,
  PRIVILEGES,
} from '../../../shared/contract';

/*
 * The contract's lists, re-typed here so zod stays out of the bundle; the `satisfies`
 * checks fail to compile if the contract gains or loses a value.
 */
type BanStatus = (typeof BAN_STATUSES)[number];
type Privilege = (typeof PRIVILEGES)[number];
type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
type AppealDecision = (typeof APPEAL_DECISIONS)[number];

/** The short word a list row shows; the colour only ever sits beside it. */
export const BAN_STATUS_WORD = {
  warning: 'Warning',
  pendingApproval: 'Awaiting approval',
  scheduled: 'Scheduled',
  active: 'Banned',
  underAppeal: 'Banned, under appeal',
  awaitingReinstatement: 'Meeting required',
  ended: 'Ended',
  lifted: 'Lifted',
} as const satisfies Record<BanStatus, string>;

/** How loud a status is: keeps the person out (danger), needs someone (warn), upcoming (info), over (quiet). */
export type Tone = 'danger' | 'warn' | 'info' | 'ok' | 'quiet';

export const BAN_STATUS_TONE = {
  warning: 'quiet',
  pendingApproval: 'warn',
  scheduled: 'info',
  active: 'danger',
  underAppeal: 'danger',
  awaitingReinstatement: 'warn',
  ended: 'quiet',
  lifted: 'quiet',
} as const satisfies Record<BanStatus, Tone>;

/** A shape beside the word, so the tone reads without colour too (and in print). */
export const TONE_MARK: Record<Tone, string> = {
  danger: '⊘',
  warn: '⚠',
  info: '◷',
  ok: '✓',
  quiet: '○',
};

export const PRIVILEGE_WORD = {
  building: 'Building and grounds',
  computers: 'Computers',
  borrowing: 'Borrowing',
  programs: 'Programs',
  meetingRooms: 'Meeting rooms',
} as const satisfies Record<Privilege, string>;
export const PRIVILEGE_LIST = Object.keys(PRIVILEGE_WORD) as Privilege[];

export const DELIVERY_WORD = {
  inPerson: 'In person',
  mail: 'Mail',
  certifiedMail: 'Certified mail',
  police: 'By police',
  posted: 'Posted at the address',
} as const satisfies Record<DeliveryMethod, string>;
export const DELIVERY_LIST = Object.keys(DELIVERY_WORD) as DeliveryMethod[];

export const DECISION_WORD = {
  upheld: 'Upheld',
  shortened: 'Shortened',
  lifted: 'Lifted',
} as const satisfies Record<AppealDecision, string>;
export const DECISION_LIST = Object.keys(DECISION_WORD) as AppealDecision[];

/**
 * The short word for a ban in a row: "Banned" keeps them out of the building; a ban
 * of services only says "Suspended", so a glance never turns someone away wrongly.
 */
export function banWord(b: Pick<BanSummary, 'status' | 'privileges'>): string {
  const building = b.privileges.includes('building');
  if (!building && b.status === 'active') return 'Services suspended';
  if (!building && b.status === 'underAppeal') return 'Suspended, under appeal';
  return BAN_STATUS_WORD[b.status];
}

export function banTone(b: Pick<BanSummary, 'status' | 'privileges'>): Tone {
  const tone: Tone = BAN_STATUS_TONE[b.status];
  return tone === 'danger' && !b.privileges.includes('building') ? 'warn' : tone;
}

/** Ban statuses that keep the person out (or from a service) now. */
export const inForce = (s: BanStatus): boolean =>
  s === 'active' || s === 'underAppeal' || s === 'awaitingReinstatement';

export { sameStep, stepDays, stepLabel };

/** "Building and grounds, computers". */
export function privilegesWords(privileges: readonly Privilege[]): string {
  if (privileges.length === 0) return 'Nothing suspended';
  return privileges.map((p, i) => (i === 0 ? PRIVILEGE_WORD[p] : PRIVILEGE_WORD[p].toLowerCase())).join(', ');
}

/** "All branches", "Main Library", "Main Library and East Branch". */
export function scopeWords(ban: Pick<BanSummary, 'allBranches' | 'branchIds'>, branches: readonly Branch[]): string {
  if (ban.allBranches) return 'All branches';
  const names = ban.branchIds.map((id) => branches.find((b) => b.id === id)?.name ?? 'a branch');
  if (names.length <= 1) return names[0] ?? 'One branch';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The short scope a dense row shows: "All", "MAIN", "MAIN, EAST". */
export function scopeCodes(ban: Pick<BanSummary, 'allBranches' | 'branchIds'>, branches: readonly Branch[]): string {
  if (ban.allBranches) return 'All branches';
  return ban.branchIds.map((id) => branches.find((b) => b.id === id)?.code ?? '?').join(', ');
}

/**
 * The calendar a ban's dates are read in. A ban carries no issuing branch, so its own
 * branch (or the desk's chosen one, or the first) stands in: branches of one library
 * share a time zone in practice.
 */
export function banTimeZone(
  ban: Pick<BanSummary, 'branchIds'>,
  branches: readonly Branch[],
  preferred?: Branch,
): string | undefined {
  const own = branches.find((b) => b.id === ban.branchIds[0]);
  return (own ?? preferred ?? branches[0])?.timeZone;
}

export type { BanStatus, Privilege, DeliveryMethod, AppealDecision };
