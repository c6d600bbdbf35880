import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Unseen } from '../../components/Unseen';
import type { EvacuationRecord } from '../../../shared/contract';
import { clockAt } from '../calls/time';
import type { RecordEntry } from './useEvacuation';

interface SectionProps {
  record: EvacuationRecord;
  pending: boolean;
  onRecord: RecordEntry;
}

/** Where, which zone, how many, and one more line: the shape of both "could not leave" and "refused". */
function PlaceForm(props: {
  title: string;
  record: EvacuationRecord;
  pending: boolean;
  lineLabel: string;
  submitLabel: string;
  onSubmit: (p: { location: string; zoneId: string | null; count: number; line: string }) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [location, setLocation] = useState('');
  const [zoneId, setZoneId] = useState('');
  const [count, setCount] = useState('1');
  const [line, setLine] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const zone = props.record.zones.find((z) => z.zoneId === zoneId);
    const done = await props.onSubmit({
      location: location.trim() || zone?.name || '',
      zoneId: zoneId || null,
      count: Number(count),
      line,
    });
    if (done) props.onCancel();
  }
  return (
    <form
      className="step-form"
      aria-label={props.title}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        props.onCancel();
      }}
    >
      <div className="step-form-fields">
        <SelectField
          label="Zone"
          value={zoneId}
          options={[
            { value: '', label: 'Not a zone on the list' },
            ...props.record.zones.map((z) => ({ value: z.zoneId, label: z.name })),
          ]}
          onChange={setZoneId}
        />
        <TextField label="Where exactly" value={location} onChange={setLocation} maxLength={200} autoFocus />
        <TextField
          label="How many"
          type="number"
          min={1}
          value={count}
          onChange={setCount}
          fieldClassName="field-count"
        />
        <TextField
          label={props.lineLabel}
          value={line}
          onChange={setLine}
          maxLength={500}
          fieldClassName="field-grow"
        />
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={props.pending}>
          {props.submitLabel}
        </Button>
        <Button variant="quiet" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function Section(props: { id: string; title: string; action?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`coord-section ${props.className ?? ''}`} aria-labelledby={props.id}>
      <div className="coord-section-head">
        <h3 id={props.id}>{props.title}</h3>
        {props.action}
      </div>
      {props.children}
    </section>
  );
}

/** People who could not leave (at an area of refuge, needing help): the list the fire department asks for first. */
export function RefugeSection({ record: r, pending, onRecord }: SectionProps) {
  const [adding, setAdding] = useState(false);
  const waiting = r.refuge.filter((p) => p.status === 'waiting').reduce((n, p) => n + p.count, 0);
  return (
    <Section
      id="refuge-title"
      className={waiting > 0 ? 'has-waiting' : ''}
      title={waiting > 0 ? `Could not leave: ${waiting} still waiting` : 'People who could not leave'}
      action={
        r.running && !adding ? (
          <Button small onClick={() => setAdding(true)}>
            Add people who could not leave
          </Button>
        ) : undefined
      }
    >
      {adding && (
        <PlaceForm
          title="People who could not leave"
          record={r}
          pending={pending}
          lineLabel="Condition, help needed"
          submitLabel="Add to the list"
          onSubmit={(p) =>
            onRecord({ kind: 'refuge', zoneId: p.zoneId, location: p.location, count: p.count, condition: p.line })
          }
          onCancel={() => setAdding(false)}
        />
      )}
      {r.refuge.length === 0 ? (
        <p className="muted">Nobody reported.</p>
      ) : (
        <ul className="coord-list">
          {r.refuge.map((p) => (
            <li key={p.id} className={p.status === 'waiting' ? 'is-waiting' : ''}>
              <strong className="status-word">{p.status === 'waiting' ? 'WAITING' : 'Brought out'}</strong>{' '}
              <strong>{p.count}</strong> at {p.location}
              {p.condition && ` — ${p.condition}`}{' '}
              <span className="muted">
                reported {clockAt(p.reportedAt, r.branch.timeZone)}
                {p.status !== 'waiting' && `, out ${clockAt(p.updatedAt, r.branch.timeZone)}`}
              </span>
              {r.running && p.status === 'waiting' && (
                <Button
                  small
                  disabled={pending}
                  onClick={() => void onRecord({ kind: 'refugeUpdate', refugeId: p.id, status: 'brought-out' })}
                >
                  Brought out<Unseen> from {p.location}</Unseen>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** Patrons who refused to leave: where, how many, who. */
export function RefusalsSection({ record: r, pending, onRecord }: SectionProps) {
  const [adding, setAdding] = useState(false);
  return (
    <Section
      id="refusals-title"
      title="Refused to leave"
      action={
        r.running && !adding ? (
          <Button small onClick={() => setAdding(true)}>
            Add a refusal
          </Button>
        ) : undefined
      }
    >
      {adding && (
        <PlaceForm
          title="Refused to leave"
          record={r}
          pending={pending}
          lineLabel="Who (a description)"
          submitLabel="Record the refusal"
          onSubmit={(p) =>
            onRecord({ kind: 'refusal', zoneId: p.zoneId, location: p.location, count: p.count, description: p.line })
          }
          onCancel={() => setAdding(false)}
        />
      )}
      {r.refusals.length === 0 ? (
        <p className="muted">None recorded.</p>
      ) : (
        <ul className="coord-list">
          {r.refusals.map((x) => (
            <li key={x.id}>
              {clockAt(x.at, r.branch.timeZone)}: <strong>{x.count}</strong> at {x.location}
              {x.description && ` — ${x.description}`}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
