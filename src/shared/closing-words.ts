import type { Answer, ClosingException, ExceptionKind, ExceptionStep } from './contract/closing';

/**
 * Closing checklists in words, the same on the screen's history and on paper: what
 * an answer says, what an exception is and what each of its steps means.
 */

export const EXCEPTION_TITLES: Record<ExceptionKind, string> = {
  child: 'Unattended child at closing',
  refusal: 'Patron refusing to leave',
  inside: 'People still inside',
  reentry: 'After-hours re-entry',
};

export const STEP_WORDS: Record<ExceptionStep, string> = {
  guardianCalled: 'Guardian called',
  guardianArrived: 'Guardian arrived',
  policeCalled: 'Police called',
  policeArrived: 'Police arrived',
  askedToLeave: 'Asked to leave',
  left: 'Left the building',
  entered: 'Came back in',
  alarmRearmed: 'Alarm re-armed',
};

export const METHOD_WORDS = { walked: 'walked', camera: 'on camera' } as const;

/** "Done", "Problem", "Yes", "No", "0", "Noted". */
export function answerWords(a: Pick<Answer, 'outcome' | 'count'>): string {
  switch (a.outcome) {
    case 'done':
      return 'Checked';
    case 'problem':
      return 'Problem found';
    case 'yes':
      return 'Yes';
    case 'no':
      return 'No';
    case 'count':
      return String(a.count ?? 0);
    case 'noted':
      return 'Noted';
  }
}

/** The facts an exception's kind asks for, in words. */
export function exceptionFacts(e: Pick<ClosingException, 'kind' | 'details' | 'zoneName'>): [string, string][] {
  const d = e.details;
  const facts: [string, string][] = [
    ['Where', [e.zoneName, d.where].filter(Boolean).join(' — ')],
    [e.kind === 'child' ? 'Child' : e.kind === 'refusal' ? 'Patron' : 'Who', d.who],
    ['Role', d.role],
    ['Why', d.why],
    ['Description', d.description],
  ];
  return facts.filter(([, v]) => v.trim() !== '');
}

/** What the desk says aloud at a reminder before closing: the announcement, in plain words. */
export function announcement(minutes: number): string {
  if (minutes <= 5) {
    return `The library closes in ${minutes} minutes. Please check out your items now and make your way to the exit. Thank you.`;
  }
  return `The library will close in ${minutes} minutes. Please finish what you are doing and bring any items you want to check out to the front desk.`;
}

/** The reminder due at `msLeft` before closing, if any: the smallest reminder minute already reached. */
export function reminderDue(reminderMinutes: readonly number[], msLeft: number): number | undefined {
  if (msLeft <= 0) return undefined;
  return [...reminderMinutes].sort((a, b) => a - b).find((m) => msLeft <= m * 60_000);
}
