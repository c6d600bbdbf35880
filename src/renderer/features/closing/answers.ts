import type { AnswerValue, ClosingRun } from '../../../shared/contract';

export type RunItem = ClosingRun['items'][number];
export type RunAnswer = ClosingRun['answers'][number];

/** Whether an answer to this item means trouble (so it needs a note when the item says so). */
export function fails(item: RunItem, value: AnswerValue): boolean {
  if (value.kind === 'check') return !value.ok;
  if (value.kind === 'yesno') return value.answer !== item.okAnswer;
  if (value.kind === 'count') return value.count !== item.expectedCount;
  return false;
}

/** The answer Space or Enter gives: all is well. Null for items that need more than a key (counts, notes). */
export function okValue(item: RunItem): AnswerValue | null {
  if (item.kind === 'check') return { kind: 'check', ok: true };
  if (item.kind === 'yesno') return { kind: 'yesno', answer: item.okAnswer };
  return null;
}

/** The keys an unanswered item takes, in words, for the row's hint and its accessible description. */
export function keysFor(item: RunItem): string {
  switch (item.kind) {
    case 'check':
      return 'Space or Enter: checked · N: problem found';
    case 'yesno':
      return `Y: yes · N: no · Space or Enter: ${item.okAnswer === 'yes' ? 'yes' : 'no'}`;
    case 'count':
      return `Type the count, then Enter${item.expectedCount === 0 ? ' (0 if none)' : ''}`;
    case 'note':
      return 'Enter: write the note';
  }
}

/** "Checked", "Problem found", "Yes", "No", "2", "Noted". */
export function answerWord(a: RunAnswer): string {
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
      return `Count ${a.count ?? 0}`;
    case 'noted':
      return 'Noted';
  }
}

/** The words a failed item's report starts with. */
export function failureSummary(item: RunItem, value: AnswerValue | RunAnswer): string {
  const what =
    'outcome' in value
      ? answerWord(value)
      : value.kind === 'count'
        ? `count ${value.count}`
        : value.kind === 'yesno'
          ? value.answer
          : 'problem found';
  return `Closing check${item.zoneName ? ` at ${item.zoneName}` : ''}: ${item.label} — ${what.toLowerCase()}`;
}
