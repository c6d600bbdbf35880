import type { KeyboardEvent, ReactNode, Ref } from 'react';
import { Button } from '../../components/Button';
import { Unseen } from '../../components/Unseen';
import { formatClock } from '../../lib/time';
import type { CheckMethod } from '../../../shared/contract';
import { METHOD_LABEL } from '../duties/words';
import { answerWord, keysFor, type RunAnswer, type RunItem } from './answers';

interface ItemRowProps {
  item: RunItem;
  answer: RunAnswer | undefined;
  /** Sent to main, not confirmed yet. */
  saving: boolean;
  index: number;
  total: number;
  timeZone: string;
  /** The row holding the cursor (its one tab stop). */
  current: boolean;
  editable: boolean;
  method: CheckMethod;
  /** Digits typed so far for a count. */
  digits: string | undefined;
  /** A short word under the row: why a key did nothing. */
  hint: string | undefined;
  rowRef: Ref<HTMLLIElement>;
  onKeyDown: (e: KeyboardEvent<HTMLLIElement>) => void;
  onFocus: () => void;
  onMethod: (method: CheckMethod) => void;
  onReport: () => void;
  children?: ReactNode;
}

/**
 * One checklist item: its state in words first ("Not answered", "Checked", "Problem
 * found"), what it asks, how it was checked, who and when. The row is one tab stop;
 * the keys answer it (see answers.ts keysFor).
 */
export function ItemRow(props: ItemRowProps) {
  const { item, answer, saving, index, total, timeZone, current, editable, method, digits, hint } = props;
  const { rowRef, onKeyDown, onFocus, onMethod, onReport, children } = props;
  const state = answer ? answerWord(answer) : saving ? 'Saving…' : 'Not answered';
  const tone = answer ? (answer.failed ? 'danger' : 'ok') : 'muted';
  const describedBy = `item-${item.id}-keys`;
  return (
    <li
      ref={rowRef}
      className={`item-row${current ? ' is-current' : ''}${answer?.failed ? ' is-failed' : ''}${answer ? ' is-answered' : ''}`}
      tabIndex={current ? 0 : -1}
      aria-label={`${item.label}: ${state}`}
      aria-describedby={describedBy}
      aria-posinset={index + 1}
      aria-setsize={total}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <div className="item-main">
        <span className={`item-state tone-${tone}`}>
          {digits !== undefined && !answer ? `Count ${digits || '…'}` : state}
        </span>
        <span className="item-label">{item.label}</span>
        {editable && !answer && !saving && current && (
          <span className="method-toggle" role="group" aria-label="How it is checked">
            {(['walked', 'camera'] as const).map((m) => (
              <button
                key={m}
                type="button"
                tabIndex={-1}
                className="method-choice"
                aria-pressed={method === m}
                onClick={() => onMethod(m)}
                title={m === 'walked' ? 'Walked in person (W)' : 'Cleared on camera (C)'}
              >
                {METHOD_LABEL[m]}
              </button>
            ))}
          </span>
        )}
      </div>
      {answer && (
        <p className="item-answer">
          {METHOD_LABEL[answer.method]} · {formatClock(new Date(answer.at), timeZone)} · {answer.by.name}
          {answer.incidentId && ' · incident report started'}
        </p>
      )}
      {answer?.note && <p className="item-note">{answer.note}</p>}
      <p id={describedBy} className={current && editable && !answer && !saving ? 'item-keys' : 'visually-hidden'}>
        {answer
          ? answer.failed && !answer.incidentId
            ? 'I: start an incident report'
            : ''
          : `${keysFor(item)} · W walked · C on camera`}
      </p>
      {hint && current && (
        <p className="item-hint" role="status">
          {hint}
        </p>
      )}
      {answer?.failed && !answer.incidentId && (
        <div className="item-actions">
          <Button small variant="quiet" tabIndex={-1} onClick={onReport} aria-keyshortcuts="I">
            Report incident<Unseen> about {item.label}</Unseen>
          </Button>
        </div>
      )}
      {children}
    </li>
  );
}
