import { useState } from 'react';
import { useQuery } from '../../../lib/useQuery';
import { ErrorNotice } from '../../../components/Notice';
import { Button } from '../../../components/Button';
import { formatDateTime } from '../../../lib/time';
import { holdReasonLabel, type LegalHold } from '../../../../shared/contract';
import { ReleaseHoldDialog } from '../../retention/LegalHoldControl';

const KIND_WORDS: Record<LegalHold['kind'], string> = {
  person: 'Person',
  incident: 'Incident report',
  ban: 'Ban',
  call: 'Staff call',
};

/** Every legal hold, current first: what is held, why, since when and by whom; released ones below. */
export function HoldsList() {
  const holds = useQuery('retention.holds', {}, { refetchOn: ['retention.changed'] });
  const [releasing, setReleasing] = useState<LegalHold | undefined>(undefined);
  if (holds.error) return <ErrorNotice error={holds.error} />;
  if (!holds.value) return <p className="muted">Loading the legal holds…</p>;
  const current = holds.value.filter((h) => h.releasedAt === null);
  const released = holds.value.filter((h) => h.releasedAt !== null);
  return (
    <div className="pref-group">
      <h4 className="pref-title" id="holds-title">
        Legal holds
      </h4>
      <p className="muted">
        A supervisor puts a record on hold from the record itself (a report, a person, a ban): it is then kept whatever
        the settings above say, until released here or there.
      </p>
      {current.length === 0 ? (
        <p className="muted">No record is on hold.</p>
      ) : (
        <table className="table" aria-labelledby="holds-title">
          <thead>
            <tr>
              <th scope="col">Record</th>
              <th scope="col">Why</th>
              <th scope="col">Case</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {current.map((h) => (
              <tr key={h.id}>
                <th scope="row">
                  {KIND_WORDS[h.kind]}: {h.label}
                </th>
                <td>
                  {holdReasonLabel[h.reason]}
                  {h.note && <span className="muted"> — {h.note}</span>}
                </td>
                <td>{h.caseNumber || '—'}</td>
                <td>
                  {formatDateTime(new Date(h.setAt))}, {h.setByName}
                </td>
                <td className="row-actions">
                  <Button onClick={() => setReleasing(h)} aria-label={`Release the hold on ${h.label}`}>
                    Release…
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {released.length > 0 && (
        <details>
          <summary>Released holds ({released.length})</summary>
          <ul>
            {released.map((h) => (
              <li key={h.id}>
                {KIND_WORDS[h.kind]}: {h.label} — {holdReasonLabel[h.reason]}, released{' '}
                {formatDateTime(new Date(h.releasedAt!))} by {h.releasedByName}: {h.releaseNote}
              </li>
            ))}
          </ul>
        </details>
      )}
      {releasing && (
        <ReleaseHoldDialog
          hold={releasing}
          onCancel={() => setReleasing(undefined)}
          onDone={() => {
            setReleasing(undefined);
            holds.reload();
          }}
        />
      )}
    </div>
  );
}
