import { useState } from 'react';
import { readStored, writeStored } from '../../lib/storage';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Unseen } from '../../components/Unseen';
import type { EvacuationRecord, ServiceKind } from '../../../shared/contract';
import { SERVICE_KINDS } from '../../../shared/contract/evacuation';
import { SERVICE_WORDS } from '../../../shared/call-words';
import { clockAt, timer } from '../calls/time';
import type { RecordEntry } from './useEvacuation';

const nameKey = (kind: ServiceKind) => `vigil.serviceName.${kind}`;

interface ServicesSectionProps {
  record: EvacuationRecord;
  pending: boolean;
  onRecord: RecordEntry;
}

/** Emergency services: one button says who was called now; each gets "Arrived" when they do. */
export function ServicesSection({ record: r, pending, onRecord }: ServicesSectionProps) {
  const [naming, setNaming] = useState<ServiceKind | null>(null);
  const [name, setName] = useState('');

  function startNaming(kind: ServiceKind) {
    setName(readStored(nameKey(kind)) ?? (kind === 'other' ? '' : SERVICE_WORDS[kind]));
    setNaming(kind);
  }

  async function called() {
    if (!naming) return;
    const done = await onRecord({ kind: 'service', service: naming, name: name.trim() || SERVICE_WORDS[naming] });
    if (!done) return;
    writeStored(nameKey(naming), name.trim());
    setNaming(null);
  }

  return (
    <section className="coord-section" aria-labelledby="services-title">
      <div className="coord-section-head">
        <h3 id="services-title">Emergency services</h3>
      </div>
      {r.running && !naming && (
        <div className="service-buttons">
          {SERVICE_KINDS.map((k) => (
            <Button key={k} small onClick={() => startNaming(k)}>
              {k === 'other' ? 'Other service called…' : `${SERVICE_WORDS[k]} called…`}
            </Button>
          ))}
        </div>
      )}
      {naming && (
        <form
          className="step-form"
          aria-label={`${SERVICE_WORDS[naming]} called`}
          onSubmit={(e) => {
            e.preventDefault();
            void called();
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            e.stopPropagation();
            setNaming(null);
          }}
        >
          <TextField label="Which service" value={name} onChange={setName} autoFocus maxLength={120} />
          <div className="form-actions">
            <Button type="submit" variant="primary" disabled={pending}>
              Called now
            </Button>
            <Button variant="quiet" onClick={() => setNaming(null)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {r.services.length === 0 ? (
        <p className="muted">None called yet.</p>
      ) : (
        <ul className="coord-list">
          {r.services.map((s) => (
            <li key={s.id}>
              <strong>{s.name}</strong> called {clockAt(s.calledAt, r.branch.timeZone)}
              {s.arrivedAt ? (
                <span>
                  , arrived {clockAt(s.arrivedAt, r.branch.timeZone)}{' '}
                  <span className="muted">({timer(Date.parse(s.arrivedAt) - Date.parse(s.calledAt))} later)</span>
                </span>
              ) : (
                <strong className="status-word waiting-word"> — on the way</strong>
              )}
              {r.running && !s.arrivedAt && (
                <Button
                  small
                  disabled={pending}
                  onClick={() => void onRecord({ kind: 'serviceArrived', serviceId: s.id })}
                >
                  Arrived<Unseen> — {s.name}</Unseen>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
