import type { BanStatus, Privilege, Step } from '../../shared/contract/bans';
import { dayWords, timeWords } from '../zoned';

/** What a ban's status is derived from: its own record, its appeals and meetings, and the clock. Never stored. */
export interface BanFacts {
  step: Step;
  startsAt: string;
  endsAt: string | null;
  approvalNeeded: boolean;
  approvedAt: string | null;
  meetingRequired: boolean;
  liftedAt: string | null;
  /** An appeal was accepted and is not decided yet. */
  appealOpen: boolean;
  /** The reinstatement meeting was held. */
  meetingHeld: boolean;
}

export function banStatus(b: BanFacts, now: Date): BanStatus {
  const t = now.getTime();
  if (b.liftedAt && Date.parse(b.liftedAt) <= t) return 'lifted';
  if (b.step.kind === 'warning') return 'warning';
  if (b.approvalNeeded && !b.approvedAt) return 'pendingApproval';
  if (Date.parse(b.startsAt) > t) return 'scheduled';
  if (b.endsAt === null || Date.parse(b.endsAt) > t) return b.appealOpen ? 'underAppeal' : 'active';
  return b.meetingRequired && !b.meetingHeld ? 'awaitingReinstatement' : 'ended';
}

/** A ban that keeps the person out (or from a service) now. */
export const inForce = (s: BanStatus) => s === 'active' || s === 'underAppeal' || s === 'awaitingReinstatement';

const PRIVILEGE_WORDS: Record<Privilege, string> = {
  building: 'the building and grounds',
  computers: 'computers',
  borrowing: 'borrowing',
  programs: 'programs',
  meetingRooms: 'meeting rooms',
};

export function privilegeWords(privileges: readonly Privilege[]): string {
  const words = privileges.map((p) => PRIVILEGE_WORDS[p]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

export interface WordsContext {
  /** "all branches" or "Main Library" / "Main Library and East Branch". */
  where: string;
  privileges: readonly Privilege[];
  /** The branch whose calendar the dates are read in (the issuing branch). */
  timeZone: string;
  now: Date;
}

/**
 * The answer the desk reads aloud: "Banned from all branches until Mon 8 Dec",
 * "Computers suspended at East Branch until …", "Banned, meeting required before return".
 */
export function statusWords(status: BanStatus, b: BanFacts, ctx: WordsContext): string {
  const building = ctx.privileges.includes('building');
  const what = building
    ? `Banned from ${ctx.where}`
    : `${cap(privilegeWords(ctx.privileges))} suspended at ${ctx.where}`;
  const until = (iso: string | null) => {
    if (iso === null) return 'indefinitely';
    const end = new Date(iso);
    if (b.step.kind === 'day') return `for the rest of today (until ${timeWords(end, ctx.timeZone)})`;
    return `until ${dayWords(end, ctx.timeZone, ctx.now)}`;
  };
  switch (status) {
    case 'active':
      return `${what} ${until(b.endsAt)}`;
    case 'underAppeal':
      return `${what} ${until(b.endsAt)} (under appeal)`;
    case 'awaitingReinstatement':
      return `${building ? 'Banned' : 'Suspended'}: meeting required before return`;
    case 'scheduled':
      return `${what} from ${dayWords(new Date(b.startsAt), ctx.timeZone, ctx.now)} ${until(b.endsAt)}`;
    case 'pendingApproval':
      return 'Ban waiting for a supervisor’s approval: not in force yet';
    case 'warning':
      return `Warned on ${dayWords(new Date(b.startsAt), ctx.timeZone, ctx.now)}: not banned`;
    case 'ended':
      return 'Ban ended';
    case 'lifted':
      return 'Ban lifted';
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
