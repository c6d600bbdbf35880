import { Button } from '../../components/Button';
import { Unseen } from '../../components/Unseen';
import type { CallRecord, StepRecord } from '../../../shared/contract';
import { OUTCOME_WORDS, STEP_NAMES } from '../../../shared/call-words';
import { CALL_STEPS } from '../../../shared/contract/calls';
import { secondsAt, shortDuration, whenAt } from './time';

interface CallStepsProps {
  call: CallRecord;
  timeZone: string | undefined;
  onCorrect: (record: StepRecord) => void;
}

const whatOf = (r: StepRecord) =>
  r.step === 'responding'
    ? r.responders.map((p) => p.name).join(', ')
    : r.step === 'cleared' && r.outcome
      ? `${OUTCOME_WORDS[r.outcome]}${r.note ? ` — ${r.note}` : ''}`
      : '';

/**
 * The steps as they stand (time, seconds after the call came in, who, who recorded it),
 * each correctable; below, every earlier record a correction replaced, with its reason.
 */
export function CallSteps({ call: c, timeZone, onCorrect }: CallStepsProps) {
  const current = CALL_STEPS.map((step) => c.steps.find((r) => r.step === step && r.current)).filter(
    (r): r is StepRecord => !!r && r.at !== null,
  );
  const corrections = c.steps.filter((r) => r.corrects !== null && r.reason !== null);
  const since = (iso: string) => (Date.parse(iso) - Date.parse(c.receivedAt)) / 1000;
  return (
    <section className="call-section" aria-labelledby={`steps-${c.id}`}>
      <div className="call-section-head">
        <h4 id={`steps-${c.id}`}>Steps</h4>
      </div>
      <table className="table steps-table">
        <caption className="visually-hidden">Steps of the call</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Time</th>
            <th scope="col">Who, outcome</th>
            <th scope="col">Recorded by</th>
            <th scope="col">
              <Unseen>Actions</Unseen>
            </th>
          </tr>
        </thead>
        <tbody>
          {current.map((r) => (
            <tr key={r.id}>
              <th scope="row">{STEP_NAMES[r.step]}</th>
              <td className="step-time">
                {secondsAt(r.at!, timeZone)}
                {r.step !== 'received' && <span className="step-after">+{shortDuration(since(r.at!))}</span>}
              </td>
              <td>{whatOf(r)}</td>
              <td>
                {r.recordedBy.name}
                {r.corrects && <span className="muted"> (corrected)</span>}
              </td>
              <td className="cell-actions">
                <Button small variant="quiet" onClick={() => onCorrect(r)}>
                  Correct<Unseen> {STEP_NAMES[r.step].toLowerCase()}</Unseen>
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {(corrections.length > 0 || c.changes.length > 0) && (
        <details className="corrections">
          <summary>Corrections ({corrections.length + c.changes.length}): the originals are kept</summary>
          <ul>
            {corrections.map((r) => {
              const before = c.steps.find((s) => s.id === r.corrects)!;
              const was = before.at
                ? `${secondsAt(before.at, timeZone)}${whatOf(before) ? `, ${whatOf(before)}` : ''}`
                : 'withdrawn';
              const now = r.at
                ? `${secondsAt(r.at, timeZone)}${whatOf(r) ? `, ${whatOf(r)}` : ''}`
                : 'withdrawn (did not happen)';
              return (
                <li key={r.id}>
                  <strong>{STEP_NAMES[r.step]}</strong>: <s>{was}</s> → {now}. <em>“{r.reason}”</em>{' '}
                  <span className="muted">
                    {r.recordedBy.name}, {whenAt(r.recordedAt, timeZone)}
                  </span>
                </li>
              );
            })}
            {c.changes.map((ch) => (
              <li key={ch.at}>
                {ch.changes.map((x) => (
                  <span key={x.field}>
                    <strong>{x.field}</strong>: <s>{x.before || '(none)'}</s> → {x.after || '(none)'}.{' '}
                  </span>
                ))}
                <em>“{ch.reason}”</em>{' '}
                <span className="muted">
                  {ch.by.name}, {whenAt(ch.at, timeZone)}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
