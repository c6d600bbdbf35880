import { timeWords } from '../zoned';
import { CALL_STEPS, type CallStep } from '../../shared/contract/calls';
import { FUTURE_TOLERANCE_MS } from '../../shared/contract/incident-fields';

/**
 * The order a call's steps must keep, checked on every step and correction: each
 * step needs the one it follows, no step is earlier than the one before it, and
 * nothing is in the future. Messages say what to do, in the desk's words.
 */

/** When each step happened; null for a step not taken (or withdrawn). */
export type StepTimes = Record<CallStep, string | null>;

export const STEP_WORDS: Record<CallStep, string> = {
  received: 'received',
  responding: 'responding',
  'on-scene': 'on scene',
  cleared: 'cleared',
};

/** "19:42" in the branch's zone, for messages. */
export function clockIn(iso: string, timeZone: string): string {
  return timeWords(new Date(iso), timeZone);
}

/** The month a moment falls in, in the branch's zone: "2026-11". */
export function monthInZone(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(
    new Date(iso),
  );
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}`;
}

/** The step this one follows: on scene and cleared both need someone responding. */
const NEEDS: Partial<Record<CallStep, CallStep>> = {
  responding: 'received',
  'on-scene': 'responding',
  cleared: 'responding',
};

/**
 * The first thing wrong with these times, as a message, or null. `changed` is the step
 * being recorded or corrected, so the message names it first.
 */
export function orderProblem(t: StepTimes, changed: CallStep, now: number, timeZone: string): string | null {
  const at = t[changed];
  if (at && Date.parse(at) > now + FUTURE_TOLERANCE_MS) {
    return `The time ${STEP_WORDS[changed]} (${clockIn(at, timeZone)}) is in the future.`;
  }
  for (const step of CALL_STEPS) {
    const need = NEEDS[step];
    if (!t[step] || !need || t[need]) continue;
    if (step === 'cleared') return 'Nobody is responding yet: mark who responded before clearing the call.';
    if (step === 'on-scene') return 'Mark who is responding first: on scene comes after responding.';
  }
  const order: CallStep[] = CALL_STEPS.filter((s) => t[s]);
  for (let i = 1; i < order.length; i++) {
    const before = order[i - 1]!;
    const after = order[i]!;
    if (Date.parse(t[after]!) < Date.parse(t[before]!)) {
      const [a, b] = [t[after]!, t[before]!];
      return (
        `${capital(STEP_WORDS[after])} (${clockIn(a, timeZone)}) cannot be before ` +
        `${STEP_WORDS[before]} (${clockIn(b, timeZone)}).`
      );
    }
  }
  return null;
}

/** Withdrawing a step leaves the others in order only when it is the latest one taken. */
export function laterStepTaken(t: StepTimes, step: CallStep): CallStep | null {
  const later = CALL_STEPS.slice(CALL_STEPS.indexOf(step) + 1);
  return later.find((s) => t[s]) ?? null;
}

/** The furthest step taken: the call's status. */
export function statusOf(t: StepTimes): CallStep {
  if (t.cleared) return 'cleared';
  if (t['on-scene']) return 'on-scene';
  if (t.responding) return 'responding';
  return 'received';
}

/** Whole seconds from one moment to another, or null when the second is missing. */
export const secondsBetween = (from: string, to: string | null) =>
  to === null ? null : Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);
