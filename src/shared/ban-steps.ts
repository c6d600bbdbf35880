import type { Step } from './contract/bans';

/**
 * The words and length of a ladder step, one definition for main (letters, alerts,
 * the proposal's reason) and the screen, so both say the same.
 */

/** How long a step suspends, in days: 0 for a warning, 1 for the day, Infinity for indefinite. */
export function stepDays(step: Step): number {
  switch (step.kind) {
    case 'warning':
      return 0;
    case 'day':
      return 1;
    case 'days':
      return step.days;
    case 'indefinite':
      return Infinity;
  }
}

/** "Written warning", "Asked to leave for the day", "7 days", "3 months", "1 year", "Indefinite". */
export function stepLabel(step: Step): string {
  switch (step.kind) {
    case 'warning':
      return 'Written warning';
    case 'day':
      return 'Asked to leave for the day';
    case 'indefinite':
      return 'Indefinite';
    case 'days':
      if (step.days % 365 === 0) return step.days === 365 ? '1 year' : `${step.days / 365} years`;
      if (step.days === 90) return '3 months';
      if (step.days === 180) return '6 months';
      return step.days === 1 ? '1 day' : `${step.days} days`;
  }
}

export const sameStep = (a: Step, b: Step): boolean => a.kind === b.kind && stepDays(a) === stepDays(b);
