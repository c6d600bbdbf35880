import { useState } from 'react';
import { useQuery } from '../../lib/useQuery';
import { SelectField, TextField } from '../../components/Field';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/Notice';
import type { Branch, FigureRow, Spread } from '../../../shared/contract';
import { FiguresChart, MEASURE_WORDS, type Measure } from './FiguresChart';
import { RadioGroup } from './RadioGroup';
import { shortDuration } from './time';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const monthWords = (m: string) => `${MONTHS[Number(m.slice(5)) - 1]} ${m.slice(0, 4)}`;

const spreadWords = (s: Spread | null) => (s ? `${shortDuration(s.median)} / ${shortDuration(s.p90)}` : '—');

interface ResponseFiguresProps {
  branches: readonly Branch[];
  headerBranchId: string;
}

/**
 * How fast the desk answers, per branch and month: time to dispatch (received →
 * responding), to arrive (→ on scene) and to clear, as median and 90th percentile.
 * A small chart of one measure, and the table of all three.
 */
export function ResponseFigures({ branches, headerBranchId }: ResponseFiguresProps) {
  const [branchId, setBranchId] = useState(headerBranchId);
  const [measure, setMeasure] = useState<Measure>('arrive');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const figures = useQuery(
    'calls.figures',
    { ...(branchId ? { branchId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) },
    { refetchOn: ['calls.changed'] },
  );
  const f = figures.value;
  const nameOf = (id: string) => branches.find((b) => b.id === id)?.name ?? 'Branch';

  return (
    <section className="figures" aria-label="Response times">
      <div className="figures-controls">
        <SelectField
          label="Branch"
          value={branchId}
          options={[{ value: '', label: 'All branches' }, ...branches.map((b) => ({ value: b.id, label: b.name }))]}
          onChange={setBranchId}
        />
        <TextField label="From month" type="month" value={from || (f?.from ?? '')} onChange={setFrom} />
        <TextField label="To month" type="month" value={to || (f?.to ?? '')} onChange={setTo} />
        <RadioGroup
          label="Chart"
          value={measure}
          options={(['dispatch', 'arrive', 'clear'] as const).map((m) => ({ value: m, label: MEASURE_WORDS[m] }))}
          onChange={setMeasure}
        />
      </div>
      <ErrorNotice error={figures.error} />
      <p className="muted small">
        Median / 90th percentile. To dispatch: received until someone is responding. To arrive: received until on scene.
        To clear: received until cleared. Corrected times count as corrected.
      </p>
      {figures.loading && <p className="muted">Working out the figures…</p>}
      {f && f.branches.length === 0 && (
        <EmptyState title="No calls in these months">
          <p>Choose other months or another branch.</p>
        </EmptyState>
      )}
      {f?.branches.map((b) => (
        <div key={b.branchId} className="figures-branch">
          <h4>
            {nameOf(b.branchId)}{' '}
            <span className="muted small">
              {b.total.calls} {b.total.calls === 1 ? 'call' : 'calls'}, {monthWords(f.from)} to {monthWords(f.to)}
            </span>
          </h4>
          <FiguresChart months={b.months} measure={measure} branchName={nameOf(b.branchId)} />
          <table className="table figures-table">
            <caption className="visually-hidden">Response times at {nameOf(b.branchId)} by month</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Calls</th>
                <th scope="col">To dispatch</th>
                <th scope="col">To arrive</th>
                <th scope="col">To clear</th>
              </tr>
            </thead>
            <tbody>
              {b.months.map((m) => (
                <Row key={m.month} label={monthWords(m.month)} row={m} />
              ))}
            </tbody>
            <tfoot>
              <Row label="All months" row={b.total} />
            </tfoot>
          </table>
        </div>
      ))}
    </section>
  );
}

function Row({ label, row }: { label: string; row: FigureRow }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{row.calls}</td>
      <td>{spreadWords(row.dispatch)}</td>
      <td>{spreadWords(row.arrive)}</td>
      <td>{spreadWords(row.clear)}</td>
    </tr>
  );
}
