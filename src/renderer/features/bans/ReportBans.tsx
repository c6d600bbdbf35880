import { useState } from 'react';
import { Button } from '../../components/Button';
import { StatusNotice } from '../../components/Notice';
import { Unseen } from '../../components/Unseen';
import type { BanDetail, Branch, IncidentRecord } from '../../../shared/contract';
import { useDeskActions } from '../desk/deskActions';
import { ROLE_WORD } from '../incidents/words';
import { IssueBanForm } from './IssueBanForm';

interface ReportBansProps {
  record: IncidentRecord;
  branches: readonly Branch[];
}

/**
 * On a filed report, the persons on file it names: open their record, and for each
 * subject issue a ban (or warning) from this report, as the policy proposes.
 */
export function ReportBans({ record, branches }: ReportBansProps) {
  const actions = useDeskActions();
  const [issuing, setIssuing] = useState<{ personId: string; name: string } | null>(null);
  const [issued, setIssued] = useState<BanDetail | null>(null);
  const known = record.content.persons.filter(
    (p, i, all): p is typeof p & { personId: string } =>
      p.personId !== null && all.findIndex((q) => q.personId === p.personId) === i,
  );
  if (known.length === 0) return null;

  return (
    <section className="report-block report-bans" aria-label="Persons on file">
      <h4>Persons on file</h4>
      {issued && (
        <div className="issued">
          <StatusNotice
            message={`Issued ${issued.number} for ${issued.personName}: ${
              issued.status === 'pendingApproval'
                ? 'waiting for a supervisor’s approval; not in force until then.'
                : `${issued.statusWords}.`
            }`}
          />
          <Button small onClick={() => actions.openWork('bans', issued.id)}>
            Open {issued.number}
          </Button>
        </div>
      )}
      <ul className="report-persons">
        {known.map((p) => (
          <li key={p.personId}>
            <span>
              <strong>{p.name}</strong> <span className="muted">({ROLE_WORD[p.role].toLowerCase()})</span>
            </span>
            <span className="report-person-actions">
              <Button small variant="quiet" onClick={() => actions.openPerson(p.personId)}>
                Open record<Unseen> of {p.name}</Unseen>
              </Button>
              {p.role === 'subject' && (
                <Button
                  small
                  aria-expanded={issuing?.personId === p.personId}
                  onClick={() => {
                    setIssued(null);
                    setIssuing({ personId: p.personId, name: p.name });
                  }}
                >
                  Issue ban<Unseen> for {p.name}</Unseen>
                </Button>
              )}
            </span>
          </li>
        ))}
      </ul>
      {issuing && (
        <IssueBanForm
          key={issuing.personId}
          record={record}
          person={issuing}
          branches={branches}
          onIssued={(ban) => {
            setIssuing(null);
            setIssued(ban);
          }}
          onCancel={() => setIssuing(null)}
        />
      )}
    </section>
  );
}
