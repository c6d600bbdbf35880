import { useState } from 'react';
import { call } from '../../../lib/api';
import { useSubmit } from '../../../lib/useSubmit';
import { InlineForm } from '../../../components/InlineForm';
import type { Branch } from '../../../../shared/contract';
import { WEEKDAY_NAMES } from '../../../../shared/opening-hours';

interface Day {
  open: boolean;
  opens: string;
  closes: string;
}

interface HoursFormProps {
  branch: Branch;
  onSaved: (branch: Branch) => void;
  onCancel: () => void;
}

/** A week of opening hours: each weekday open or closed, and its opening and closing time. */
export function HoursForm({ branch, onSaved, onCancel }: HoursFormProps) {
  const [days, setDays] = useState<Day[]>(() =>
    WEEKDAY_NAMES.map((_, i) => {
      const d = branch.hours.weekly.find((w) => w.weekday === i + 1);
      return d ? { open: true, opens: d.opens, closes: d.closes } : { open: false, opens: '09:00', closes: '20:00' };
    }),
  );
  const submit = useSubmit();
  // Main answers by the position in what was sent: remember which weekday each position was.
  const sent = days.flatMap((d, i) => (d.open ? [i] : []));
  const errorOf = (weekdayIndex: number, field: 'opens' | 'closes') => {
    const at = sent.indexOf(weekdayIndex);
    return at < 0 ? undefined : submit.fieldError(`weekly.${at}.${field}`);
  };

  async function save() {
    const weekly = days.flatMap((d, i) => (d.open ? [{ weekday: i + 1, opens: d.opens, closes: d.closes }] : []));
    const saved = await submit.run(() => call('branches.setWeeklyHours', { branchId: branch.id, weekly }));
    if (saved) onSaved(saved);
  }

  const set = (i: number, patch: Partial<Day>) => setDays(days.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <InlineForm
      title={`Opening hours of ${branch.name}`}
      submitLabel="Save hours"
      pending={submit.pending}
      error={submit.error}
      onSubmit={() => void save()}
      onCancel={onCancel}
      className="hours-form"
    >
      <table className="table hours-table">
        <caption className="visually-hidden">Hours per weekday, in {branch.timeZone}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Open</th>
            <th scope="col">Opens</th>
            <th scope="col">Closes</th>
          </tr>
        </thead>
        <tbody>
          {WEEKDAY_NAMES.map((name, i) => {
            const d = days[i]!;
            const opensError = errorOf(i, 'opens');
            const closesError = errorOf(i, 'closes');
            return (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>
                  <input
                    type="checkbox"
                    checked={d.open}
                    aria-label={`Open on ${name}`}
                    onChange={(e) => set(i, { open: e.target.checked })}
                  />
                </td>
                <td>
                  <input
                    type="time"
                    value={d.opens}
                    disabled={!d.open}
                    aria-label={`${name} opens`}
                    aria-invalid={opensError ? true : undefined}
                    onChange={(e) => set(i, { opens: e.target.value })}
                  />
                  {opensError && <p className="field-error">{opensError}</p>}
                </td>
                <td>
                  <input
                    type="time"
                    value={d.closes}
                    disabled={!d.open}
                    aria-label={`${name} closes`}
                    aria-invalid={closesError ? true : undefined}
                    onChange={(e) => set(i, { closes: e.target.value })}
                  />
                  {closesError && <p className="field-error">{closesError}</p>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="field-hint">
        Times are the branch’s own ({branch.timeZone}). A branch closes the same day it opens.
      </p>
    </InlineForm>
  );
}
