import { useState } from 'react';
import type { CallError } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { SelectField } from '../../components/Field';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import { Unseen } from '../../components/Unseen';
import type { Branch, EvacuationSummary } from '../../../shared/contract';
import { EVACUATION_WORDS } from '../../../shared/call-words';
import { shortDuration, whenAt } from '../calls/time';
import { CoordinatorScreen } from './CoordinatorScreen';
import { downloadAfterAction } from './downloadPdf';
import { useDisclose } from '../disclose/DiscloseProvider';

interface EvacuationHistoryProps {
  branches: readonly Branch[];
  headerBranchId: string;
}

/** Past evacuations and drills with their times, the drills' trend, and each one's after-action report. */
export function EvacuationHistory({ branches, headerBranchId }: EvacuationHistoryProps) {
  const [branchId, setBranchId] = useState(headerBranchId);
  const [open, setOpen] = useState<string | null>(null);
  const [said, setSaid] = useState<string | undefined>(undefined);
  const [error, setError] = useState<CallError | undefined>(undefined);
  const askDisclose = useDisclose();
  const list = useQuery('evacuations.list', branchId ? { branchId } : {}, { refetchOn: ['evacuation.changed'] });
  const branchOf = (id: string) => branches.find((b) => b.id === id);

  if (open) return <CoordinatorScreen id={open} onClose={() => setOpen(null)} closeLabel="Back to the list" />;

  async function pdf(e: EvacuationSummary) {
    const disclose = await askDisclose({
      what: 'The after-action report',
      action: 'Export PDF',
      basis: 'library-administration',
    });
    if (!disclose) return;
    const done = await downloadAfterAction(e.id, disclose);
    if (done.ok) {
      setError(undefined);
      setSaid(`After-action report saved as ${done.value.fileName}.`);
    } else setError(done.error);
  }

  const items = list.value ?? [];
  const drills = items.filter((e) => e.drill && e.allClearAfter !== null).reverse();
  const longest = Math.max(1, ...drills.map((d) => d.allClearAfter!));
  return (
    <section className="evac-history" aria-label="Evacuations and drills">
      <div className="figures-controls">
        <SelectField
          label="Branch"
          value={branchId}
          options={[{ value: '', label: 'All branches' }, ...branches.map((b) => ({ value: b.id, label: b.name }))]}
          onChange={setBranchId}
        />
      </div>
      <StatusNotice message={said} />
      <ErrorNotice error={error ?? list.error} />
      {list.value && items.length === 0 && (
        <EmptyState title="No evacuations or drills yet">
          <p>Start one with “Start evacuation…”; a drill is recorded the same way and marked as a drill.</p>
        </EmptyState>
      )}
      {drills.length > 1 && (
        <figure className="drill-trend">
          <figcaption>Drills: time to all clear, oldest to newest</figcaption>
          <ol>
            {drills.map((d) => (
              <li key={d.id}>
                <span className="trend-date">{whenAt(d.startedAt, branchOf(d.branchId)?.timeZone)}</span>
                <span className="trend-bar" style={{ width: `${(d.allClearAfter! / longest) * 100}%` }} />
                <span className="trend-value">{shortDuration(d.allClearAfter!)}</span>
              </li>
            ))}
          </ol>
        </figure>
      )}
      {items.length > 0 && (
        <table className="table evac-table">
          <caption className="visually-hidden">Evacuations and drills, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Branch</th>
              <th scope="col">What</th>
              <th scope="col">All clear after</th>
              <th scope="col">Every zone swept after</th>
              <th scope="col">
                <Unseen>Actions</Unseen>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => {
              const b = branchOf(e.branchId);
              const label = `${e.drill ? 'drill' : 'evacuation'} of ${whenAt(e.startedAt, b?.timeZone)}`;
              return (
                <tr key={e.id}>
                  <td className="nowrap">{whenAt(e.startedAt, b?.timeZone)}</td>
                  <td>{b?.code ?? '?'}</td>
                  <td>
                    {e.drill ? <span className="badge badge-drill">DRILL</span> : EVACUATION_WORDS[e.kind]}
                    {e.description && <div className="muted small">{e.description}</div>}
                  </td>
                  <td>{e.allClearAfter === null ? <strong>Running</strong> : shortDuration(e.allClearAfter)}</td>
                  <td>
                    {e.sweptAfter === null ? `${e.zonesSwept} of ${e.zones} zones clear` : shortDuration(e.sweptAfter)}
                  </td>
                  <td className="cell-actions">
                    <Button small variant="quiet" onClick={() => setOpen(e.id)}>
                      Open<Unseen> the {label}</Unseen>
                    </Button>
                    <Button small onClick={() => void pdf(e)}>
                      PDF<Unseen> of the after-action report of the {label}</Unseen>
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
