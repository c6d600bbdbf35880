import { useState } from 'react';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { formatClock, formatDay } from '../../lib/time';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import type { Branch, ShiftNow } from '../../../shared/contract';
import { ALL_BRANCHES } from '../../../shared/shift-words';

interface ShiftBarProps {
  now: ShiftNow;
  branches: readonly Branch[];
  /** The header's branch, if one is chosen: where a shift starts by default. */
  preferred: Branch | undefined;
  onChanged: () => void;
}

const zoneOf = (branches: readonly Branch[], id: string | null) =>
  branches.find((b) => b.id === id)?.timeZone ?? branches[0]?.timeZone;

/**
 * Who is on the desk: the caller's shift with End shift (what is still open is said
 * plainly, never a block), or Start shift at a branch or all branches.
 */
export function ShiftBar({ now, branches, preferred, onChanged }: ShiftBarProps) {
  const [where, setWhere] = useState(preferred?.id ?? branches[0]?.id ?? '');
  const [ending, setEnding] = useState<{ warnings: string[] } | null>(null);
  const [note, setNote] = useState('');
  const [said, setSaid] = useState<string | undefined>(undefined);
  const submit = useSubmit();
  const mine = now.mine;
  const others = now.onDuty.filter((s) => s.id !== mine?.id);

  async function start() {
    const done = await submit.run(() => call('shifts.start', { branchId: where === '' ? null : where }));
    if (done) {
      setSaid(`Shift started at ${done.branchName}.`);
      onChanged();
    }
  }
  async function askToEnd() {
    if (!mine) return;
    const check = await submit.run(() => call('shifts.endCheck', { shiftId: mine.id }));
    if (check) setEnding(check);
  }
  async function end() {
    if (!mine) return;
    const done = await submit.run(() => call('shifts.end', { shiftId: mine.id, note }));
    if (done) {
      setEnding(null);
      setNote('');
      setSaid(`Shift ended at ${formatClock(new Date(done.shift.endedAt!), zoneOf(branches, mine.branchId))}.`);
      onChanged();
    }
  }

  return (
    <section className="duty-card shift-bar" aria-labelledby="shift-bar-title">
      <StatusNotice message={said} />
      <ErrorNotice error={submit.error} />
      {mine ? (
        <>
          <div className="duty-card-head">
            <h3 id="shift-bar-title" className="shift-title">
              On shift at {mine.branchName} since{' '}
              {formatClock(new Date(mine.startedAt), zoneOf(branches, mine.branchId))}
            </h3>
            {!ending && (
              <Button onClick={() => void askToEnd()} disabled={submit.pending}>
                End shift…
              </Button>
            )}
          </div>
          {ending && (
            <form
              className="shift-end"
              aria-label="End shift"
              onSubmit={(e) => {
                e.preventDefault();
                void end();
              }}
            >
              {ending.warnings.length > 0 ? (
                <div className="notice notice-warn" role="note">
                  <p className="strong">Still open as you leave (you can end the shift anyway):</p>
                  <ul>
                    {ending.warnings.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p className="muted">Nothing is left open.</p>
              )}
              <TextField
                label="Note on ending (optional)"
                value={note}
                onChange={setNote}
                maxLength={500}
                error={submit.fieldError('note')}
              />
              <div className="form-actions">
                <Button type="submit" variant="primary" disabled={submit.pending}>
                  End my shift now
                </Button>
                <Button onClick={() => setEnding(null)}>Keep working</Button>
              </div>
            </form>
          )}
        </>
      ) : (
        <form
          className="shift-start"
          aria-labelledby="shift-bar-title"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <h3 id="shift-bar-title" className="shift-title">
            You are not on shift
          </h3>
          <div className="shift-start-fields">
            <SelectField
              label="Where"
              value={where}
              options={[
                ...branches.map((b) => ({ value: b.id, label: b.name })),
                { value: '', label: `${ALL_BRANCHES} (central desk)` },
              ]}
              onChange={setWhere}
            />
            <Button type="submit" variant="primary" disabled={submit.pending}>
              Start shift
            </Button>
          </div>
        </form>
      )}
      <p className="muted small">
        {others.length > 0
          ? `Also on shift: ${others
              .map(
                (s) =>
                  `${s.staff.name} (${s.branchName}, since ${formatClock(new Date(s.startedAt), zoneOf(branches, s.branchId))})`,
              )
              .join('; ')}.`
          : 'Nobody else is on shift.'}
        {now.previous &&
          ` Last shift ended: ${now.previous.staff.name} at ${now.previous.branchName}, ${formatDay(
            new Date(now.previous.endedAt!),
            zoneOf(branches, now.previous.branchId),
          )} ${formatClock(new Date(now.previous.endedAt!), zoneOf(branches, now.previous.branchId))}.`}
      </p>
    </section>
  );
}
