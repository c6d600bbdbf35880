import { useState } from 'react';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import type { EvacuationRecord, HeadcountStatus } from '../../../shared/contract';
import { HEADCOUNT_STATUSES } from '../../../shared/contract/evacuation';
import { HEADCOUNT_WORDS } from '../../../shared/call-words';
import { useCallStaff } from '../calls/useCallStaff';
import { clockAt } from '../calls/time';
import type { RecordEntry } from './useEvacuation';

interface HeadcountSectionProps {
  record: EvacuationRecord;
  pending: boolean;
  onRecord: RecordEntry;
}

const SHORT: Record<HeadcountStatus, string> = { accounted: 'Here', missing: 'Missing', 'off-site': 'Not on site' };

/**
 * The headcount at the assembly point: each active staff member accounted for, missing,
 * or not on site (Vigil has no shift roster yet, so the desk marks who was in), and the
 * patrons and visitors counted. Each count is kept with its time; the latest is on top.
 */
export function HeadcountSection({ record: r, pending, onRecord }: HeadcountSectionProps) {
  const staff = useCallStaff();
  const latest = r.headcounts.at(-1);
  const [marks, setMarks] = useState<Record<string, HeadcountStatus>>(() =>
    Object.fromEntries((latest?.staff ?? []).map((s) => [s.staffId, s.status])),
  );
  const [patrons, setPatrons] = useState(String(latest?.patrons ?? ''));
  const [visitors, setVisitors] = useState(String(latest?.visitors ?? ''));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  async function save() {
    const marked = Object.entries(marks).map(([staffId, status]) => ({ staffId, status }));
    if (marked.length === 0 && patrons === '' && visitors === '') {
      return setError('Mark the staff or count the patrons first.');
    }
    setError(undefined);
    const done = await onRecord({
      kind: 'headcount',
      staff: marked,
      patrons: Number(patrons || 0),
      visitors: Number(visitors || 0),
      note,
    });
    if (done) setNote('');
  }

  const missing = latest?.staff.filter((s) => s.status === 'missing') ?? [];
  return (
    <section className="coord-section headcount" aria-labelledby="headcount-title">
      <div className="coord-section-head">
        <h3 id="headcount-title">Headcount</h3>
        {latest && (
          <span className={missing.length ? 'headcount-missing' : 'muted'}>
            Latest {clockAt(latest.at, r.branch.timeZone)}:{' '}
            {latest.staff.filter((s) => s.status === 'accounted').length} staff here
            {missing.length > 0 && `, MISSING: ${missing.map((s) => s.name).join(', ')}`}; {latest.patrons} patrons,{' '}
            {latest.visitors} visitors
          </span>
        )}
      </div>
      {r.running && (
        <form
          className="headcount-form"
          aria-label="Record a headcount"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <p className="muted small">
            Staff from the active accounts: mark who was in the building (there is no shift roster yet).
          </p>
          <table className="table headcount-table">
            <caption className="visually-hidden">Staff at the assembly point</caption>
            <tbody>
              {staff.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td>
                    <fieldset className="radio-group inline">
                      <legend className="visually-hidden">{s.name}</legend>
                      <div className="radio-options">
                        {HEADCOUNT_STATUSES.map((h) => (
                          <label key={h} className={`radio-option hc-${h}${marks[s.id] === h ? ' is-checked' : ''}`}>
                            <input
                              type="radio"
                              name={`hc-${s.id}`}
                              checked={marks[s.id] === h}
                              onChange={() => setMarks({ ...marks, [s.id]: h })}
                              aria-label={`${s.name}: ${HEADCOUNT_WORDS[h]}`}
                            />
                            <span aria-hidden="true">{SHORT[h]}</span>
                          </label>
                        ))}
                      </div>
                    </fieldset>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="step-form-fields">
            <TextField
              label="Patrons counted"
              type="number"
              min={0}
              value={patrons}
              onChange={setPatrons}
              fieldClassName="field-count"
            />
            <TextField
              label="Visitors counted"
              type="number"
              min={0}
              value={visitors}
              onChange={setVisitors}
              fieldClassName="field-count"
            />
            <TextField
              label="Note (optional)"
              value={note}
              onChange={setNote}
              maxLength={500}
              fieldClassName="field-grow"
            />
          </div>
          {error && <p className="field-error">{error}</p>}
          <div className="form-actions">
            <Button type="submit" variant="primary" disabled={pending}>
              Record headcount
            </Button>
          </div>
        </form>
      )}
      {!r.running && !latest && <p className="muted">No headcount was recorded.</p>}
    </section>
  );
}
