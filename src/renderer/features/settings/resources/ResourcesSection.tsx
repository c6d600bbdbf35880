import { useState } from 'react';
import { call } from '../../../lib/api';
import { useQuery } from '../../../lib/useQuery';
import { useSubmit } from '../../../lib/useSubmit';
import { Button } from '../../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { RESOURCE_KINDS, type Resource, type ResourceKind } from '../../../../shared/contract';
import { servicePhoneProblem } from '../../../../shared/contract/contact-fields';
import { RESOURCE_KIND_WORDS } from '../../../../shared/shift-words';
import { SectionHeader } from '../SectionHeader';

const KIND_OPTIONS = RESOURCE_KINDS.map((k) => ({ value: k, label: RESOURCE_KIND_WORDS[k] }));

/** Settings → Community services: the directory the desk refers patrons to, kept by an administrator. */
export function ResourcesSection() {
  const list = useQuery('resources.list', { includeRetired: true }, { refetchOn: ['resources.changed'] });
  const [editing, setEditing] = useState<Resource | 'new' | null>(null);
  const retire = useSubmit();
  return (
    <section aria-labelledby="resources-title">
      <SectionHeader
        id="resources-title"
        title="Community services"
        action={
          <Button variant="primary" onClick={() => setEditing('new')}>
            Add a service
          </Button>
        }
      >
        Shelters, crisis lines, meals and other services the desk refers patrons to. The desk finds them by what a
        patron needs and prints them on a referral card; referrals are counted by kind, never by name.
      </SectionHeader>
      {editing && (
        <ResourceForm
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
          current={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      <ErrorNotice error={list.error ?? retire.error} />
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">Community services</caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Kind</th>
              <th scope="col">Phone</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(list.value ?? []).map((r) => (
              <tr key={r.id} className={r.retired ? 'is-retired' : undefined}>
                <td>
                  <strong>{r.name}</strong>
                  {r.retired && <span className="badge badge-retired"> Out of use</span>}
                  <div className="muted small">
                    {[r.address, r.hours, r.languages.join(', ')].filter(Boolean).join(' · ')}
                  </div>
                </td>
                <td>{RESOURCE_KIND_WORDS[r.kind]}</td>
                <td className="nowrap">{r.phone}</td>
                <td className="cell-actions">
                  <div className="resource-actions">
                    <Button small onClick={() => setEditing(r)} aria-label={`Edit ${r.name}`}>
                      Edit
                    </Button>
                    <Button
                      small
                      variant="quiet"
                      aria-label={`${r.retired ? 'Bring back' : 'Take out of use'}: ${r.name}`}
                      onClick={() =>
                        void retire.run(() => call('resources.setRetired', { id: r.id, retired: !r.retired }))
                      }
                    >
                      {r.retired ? 'Bring back' : 'Take out of use'}
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ResourceForm({ current, onDone }: { current: Resource | null; onDone: () => void }) {
  const [name, setName] = useState(current?.name ?? '');
  const [kind, setKind] = useState<ResourceKind>(current?.kind ?? 'shelter');
  const [phone, setPhone] = useState(current?.phone ?? '');
  const [address, setAddress] = useState(current?.address ?? '');
  const [hours, setHours] = useState(current?.hours ?? '');
  const [notes, setNotes] = useState(current?.notes ?? '');
  const [languages, setLanguages] = useState(current?.languages.join(', ') ?? '');
  const [phoneProblem, setPhoneProblem] = useState<string | undefined>(undefined);
  const [said, setSaid] = useState<string | undefined>(undefined);
  const submit = useSubmit();

  async function save() {
    const done = await submit.run(() =>
      call('resources.save', {
        ...(current ? { id: current.id, version: current.version } : {}),
        name,
        kind,
        phone,
        address,
        hours,
        notes,
        languages: languages
          .split(',')
          .map((l) => l.trim())
          .filter(Boolean),
      }),
    );
    if (done) {
      setSaid(`${done.name} saved.`);
      onDone();
    }
  }
  return (
    <form
      className="card resource-form"
      aria-label={current ? `Edit ${current.name}` : 'New service'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <h4>{current ? `Edit ${current.name}` : 'New service'}</h4>
      <StatusNotice message={said} />
      <ErrorNotice error={submit.error} summarize />
      <div className="settings-grid">
        <TextField label="Name" value={name} onChange={setName} maxLength={120} error={submit.fieldError('name')} />
        <SelectField label="Kind" value={kind} options={KIND_OPTIONS} onChange={setKind} />
        <TextField
          label="Phone"
          type="tel"
          value={phone}
          onChange={(v) => {
            setPhone(v);
            setPhoneProblem(undefined);
          }}
          onBlur={() => setPhoneProblem(phone.trim() ? (servicePhoneProblem(phone) ?? undefined) : undefined)}
          hint="Like 608-555-0100, or 988"
          error={phoneProblem ?? submit.fieldError('phone')}
        />
        <TextField label="Address" value={address} onChange={setAddress} error={submit.fieldError('address')} />
        <TextField label="Hours" value={hours} onChange={setHours} error={submit.fieldError('hours')} />
        <TextField
          label="Languages"
          value={languages}
          onChange={setLanguages}
          hint="Separated by commas"
          error={submit.fieldError('languages')}
        />
      </div>
      <TextAreaField
        label="Notes for the desk and the card"
        value={notes}
        onChange={setNotes}
        rows={2}
        error={submit.fieldError('notes')}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={submit.pending}>
          Save service
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
