import { useState } from 'react';
import { call } from '../../lib/api';
import { mainNow } from '../../lib/mainClock';
import { readStored, writeStored } from '../../lib/storage';
import { useSubmit } from '../../lib/useSubmit';
import { Button } from '../../components/Button';
import { InlineForm } from '../../components/InlineForm';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { Unseen } from '../../components/Unseen';
import type { Agency, AgencyKind, CallRecord } from '../../../shared/contract';
import { AGENCY_KINDS } from '../../../shared/contract/calls';
import { AGENCY_WORDS } from '../../../shared/call-words';
import { DateTimeField } from '../incidents/formParts';
import { RadioGroup } from './RadioGroup';
import { clockAt } from './time';

const nameKey = (kind: AgencyKind) => `vigil.agencyName.${kind}`;
const DEFAULT_NAMES: Record<AgencyKind, string> = { police: 'Police', ems: 'EMS', fire: 'Fire department' };

interface AgenciesProps {
  call: CallRecord;
  timeZone: string | undefined;
  onChanged: (call: CallRecord, message: string) => void;
}

/** Police, EMS or fire called from the call: who, when called, when they arrived, their case number. */
export function Agencies({ call: c, timeZone, onChanged }: AgenciesProps) {
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  const arrive = useSubmit();

  async function arrivedNow(a: Agency) {
    const done = await arrive.run(() =>
      call('calls.recordAgency', {
        id: c.id,
        agencyId: a.id,
        kind: a.kind,
        name: a.name,
        calledAt: a.calledAt,
        arrivedAt: mainNow().toISOString(),
        caseNumber: a.caseNumber,
      }),
    );
    if (done) onChanged(done, `${a.name} arrived.`);
  }

  return (
    <section className="call-section" aria-labelledby={`agencies-${c.id}`}>
      <div className="call-section-head">
        <h4 id={`agencies-${c.id}`}>Police, EMS, fire</h4>
        {editing === null && (
          <Button small onClick={() => setEditing('new')}>
            Outside help called…
          </Button>
        )}
      </div>
      <ErrorNotice error={arrive.error} />
      {c.agencies.length === 0 && editing === null && <p className="muted">None called from this call.</p>}
      {c.agencies.length > 0 && (
        <ul className="agency-list">
          {c.agencies.map((a) => (
            <li key={a.id}>
              <strong>{AGENCY_WORDS[a.kind]}</strong> {a.name !== AGENCY_WORDS[a.kind] && a.name} · called{' '}
              {clockAt(a.calledAt, timeZone)}
              {a.arrivedAt ? ` · arrived ${clockAt(a.arrivedAt, timeZone)}` : ' · not arrived yet'}
              {a.caseNumber && ` · case ${a.caseNumber}`}
              <span className="agency-actions">
                {!a.arrivedAt && (
                  <Button small variant="secondary" disabled={arrive.pending} onClick={() => void arrivedNow(a)}>
                    Arrived now<Unseen> — {a.name}</Unseen>
                  </Button>
                )}
                <Button small variant="quiet" onClick={() => setEditing(a)}>
                  Edit<Unseen> {a.name}</Unseen>
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {editing !== null && (
        <AgencyForm
          key={editing === 'new' ? 'new' : editing.id}
          call={c}
          agency={editing === 'new' ? null : editing}
          timeZone={timeZone}
          onSaved={(saved, message) => {
            setEditing(null);
            onChanged(saved, message);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </section>
  );
}

interface AgencyFormProps {
  call: CallRecord;
  agency: Agency | null;
  timeZone: string | undefined;
  onSaved: (call: CallRecord, message: string) => void;
  onCancel: () => void;
}

function AgencyForm({ call: c, agency, timeZone, onSaved, onCancel }: AgencyFormProps) {
  const [kind, setKind] = useState<AgencyKind>(agency?.kind ?? 'police');
  const [name, setName] = useState(agency?.name ?? readStored(nameKey('police')) ?? DEFAULT_NAMES.police);
  // Outside help for a call still open is usually being called now; for a cleared one the time is asked for.
  const [calledAt, setCalledAt] = useState<string | null>(
    agency?.calledAt ?? (c.status === 'cleared' ? null : mainNow().toISOString()),
  );
  const [calledError, setCalledError] = useState<string | undefined>(undefined);
  const [arrivedAt, setArrivedAt] = useState<string | null>(agency?.arrivedAt ?? null);
  const [caseNumber, setCaseNumber] = useState(agency?.caseNumber ?? '');
  const submit = useSubmit();

  function pickKind(next: AgencyKind) {
    // The usual name for each service is remembered; a name typed over is kept.
    const usual = (k: AgencyKind) => readStored(nameKey(k)) ?? DEFAULT_NAMES[k];
    if (!agency && name === usual(kind)) setName(usual(next));
    setKind(next);
  }

  async function save() {
    if (!calledAt) return setCalledError('Enter when they were called');
    setCalledError(undefined);
    const done = await submit.run(() =>
      call('calls.recordAgency', {
        id: c.id,
        ...(agency ? { agencyId: agency.id } : {}),
        kind,
        name,
        calledAt,
        arrivedAt,
        caseNumber,
      }),
    );
    if (!done) return;
    writeStored(nameKey(kind), name.trim());
    onSaved(done, agency ? `${name} updated.` : `${AGENCY_WORDS[kind]} recorded as called.`);
  }

  return (
    <InlineForm
      title={agency ? `Edit ${agency.name}` : 'Outside help called'}
      submitLabel={agency ? 'Save' : 'Record'}
      pending={submit.pending}
      error={submit.error}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      <RadioGroup
        label="Service"
        value={kind}
        options={AGENCY_KINDS.map((k) => ({ value: k, label: AGENCY_WORDS[k] }))}
        onChange={pickKind}
      />
      <TextField label="Agency" value={name} onChange={setName} maxLength={120} error={submit.fieldError('name')} />
      <DateTimeField
        label="Called at"
        value={calledAt}
        timeZone={timeZone}
        onChange={setCalledAt}
        error={calledError ?? submit.fieldError('calledAt')}
      />
      <DateTimeField
        label="Arrived at"
        value={arrivedAt}
        timeZone={timeZone}
        onChange={setArrivedAt}
        error={submit.fieldError('arrivedAt')}
        hint="Leave empty until they arrive"
      />
      <TextField
        label="Case number"
        value={caseNumber}
        onChange={setCaseNumber}
        maxLength={60}
        error={submit.fieldError('caseNumber')}
      />
    </InlineForm>
  );
}
