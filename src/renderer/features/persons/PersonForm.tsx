import { useEffect, useState } from 'react';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { useMainNow } from '../../lib/mainClock';
import { Button } from '../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import type { Option } from '../../components/Field';
import { InlineForm } from '../../components/InlineForm';
import { Unseen } from '../../components/Unseen';
import type { InputOf, PersonDetail, PossibleDuplicate, StaffSummary } from '../../../shared/contract';
import { SEX_LIST, SEX_WORD } from '../incidents/words';
import type { Sex } from '../incidents/words';
import { Checkbox } from '../bans/formBits';
import { PersonPicture } from './PersonPicture';
import { guessMinor, splitAliases } from './personWords';

type Fields = InputOf<'persons.add'>;

const SEX_OPTIONS: Option<Sex | ''>[] = [
  { value: '', label: 'Choose…' },
  ...SEX_LIST.map((s) => ({ value: s, label: SEX_WORD[s] })),
];

/** Typing pauses this long before the duplicates are looked for. */
const SETTLE_MS = 350;

interface PersonFormProps {
  staff: StaffSummary;
  /** Editing this record; a new one when absent. */
  person?: PersonDetail;
  /** A new person's name (or description) as typed in the desk check. */
  initialName?: string;
  onSaved: (person: PersonDetail) => void;
  onCancel: () => void;
  /** "That is them": open a possible duplicate instead of adding a second record. */
  onOpenPerson: (id: string) => void;
}

interface State {
  unknown: boolean;
  name: string;
  aliases: string;
  description: string;
  sex: Sex | '';
  ageEstimate: string;
  height: string;
  build: string;
  hair: string;
  marks: string;
  birthDate: string;
  cardNumber: string;
  guardianName: string;
  guardianContact: string;
  notes: string;
}

function initial(person: PersonDetail | undefined, name: string): State {
  // Several words typed that do not look like a name ("man in red cap") start an unknown person.
  const looksDescribed = !person && /\b(in|with|wearing|man|woman|boy|girl)\b/i.test(name);
  return {
    unknown: person?.unknown ?? looksDescribed,
    name: person?.name ?? name,
    aliases: person?.aliases.join(', ') ?? '',
    description: person?.description ?? '',
    sex: person?.sex ?? '',
    ageEstimate: person?.ageEstimate ?? '',
    height: person?.height ?? '',
    build: person?.build ?? '',
    hair: person?.hair ?? '',
    marks: person?.marks ?? '',
    birthDate: person?.birthDate ?? '',
    cardNumber: person?.cardNumber ?? '',
    guardianName: person?.guardianName ?? '',
    guardianContact: person?.guardianContact ?? '',
    notes: person?.notes ?? '',
  };
}

/**
 * A person's record, new or edited: named, or unknown with a description. While a
 * new one is typed, records that may be the same person are shown beside it, so the
 * desk opens the one on file instead of making a second.
 */
export function PersonForm({ staff, person, initialName = '', onSaved, onCancel, onOpenPerson }: PersonFormProps) {
  const submit = useSubmit();
  const now = useMainNow(3_600_000);
  const [f, setF] = useState<State>(() => initial(person, initialName));
  const [duplicates, setDuplicates] = useState<{ list: PossibleDuplicate[]; mediaBase: string }>({
    list: [],
    mediaBase: '',
  });
  const set = (patch: Partial<State>) => setF((old) => ({ ...old, ...patch }));
  const mayCard = staff.role === 'supervisor' || staff.role === 'admin';
  const minor = guessMinor(f.birthDate || null, f.ageEstimate, now);
  const showGuardian = minor === true || f.guardianName !== '' || f.guardianContact !== '';

  const probe = JSON.stringify({
    name: f.unknown ? '' : f.name.trim(),
    aliases: splitAliases(f.aliases).slice(0, 10),
    birthDate: f.birthDate || null,
    cardNumber: mayCard && f.cardNumber.trim() ? f.cardNumber.trim() : null,
  });

  useEffect(() => {
    let current = true;
    const q = JSON.parse(probe) as {
      name: string;
      aliases: string[];
      birthDate: string | null;
      cardNumber: string | null;
    };
    const timer = setTimeout(() => {
      if (q.name.length < 3 && q.aliases.length === 0 && !q.birthDate && !q.cardNumber) {
        setDuplicates({ list: [], mediaBase: '' });
        return;
      }
      void call('persons.findDuplicates', person ? { ...q, exceptId: person.id } : q).then((r) => {
        if (current && r.ok) setDuplicates({ list: r.value.duplicates, mediaBase: r.value.mediaBase });
      });
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [probe, person]);

  function fields(): Fields {
    return {
      unknown: f.unknown,
      name: f.name,
      aliases: splitAliases(f.aliases),
      description: f.description,
      // Not chosen yet is sent as it is: main says at the field what is missing.
      sex: (f.sex || undefined) as Sex,
      ageEstimate: f.ageEstimate,
      height: f.height,
      build: f.build,
      hair: f.hair,
      marks: f.marks,
      birthDate: f.birthDate || null,
      // An officer never sees the card and sends none: main keeps the one on file.
      cardNumber: mayCard ? f.cardNumber.trim() || null : null,
      guardianName: f.guardianName,
      guardianContact: f.guardianContact,
      notes: f.notes,
    };
  }

  async function save() {
    const saved = await submit.run(() =>
      person
        ? call('persons.update', { id: person.id, version: person.version, ...fields() })
        : call('persons.add', fields()),
    );
    if (saved) onSaved(saved);
  }

  const e = submit.fieldError;
  const aliasError =
    e('aliases') ?? Object.entries(submit.error?.fields ?? {}).find(([k]) => k.startsWith('aliases.'))?.[1];

  return (
    <>
      <InlineForm
        title={person ? `Edit ${person.name}` : 'New person'}
        submitLabel={person ? 'Save changes' : 'Add person'}
        pending={submit.pending}
        error={submit.error}
        onSubmit={() => void save()}
        onCancel={onCancel}
        className="person-form"
      >
        <div className="field-wide">
          <Checkbox
            label="Name not known"
            checked={f.unknown}
            onChange={(unknown) => set({ unknown })}
            hint="Describe them instead: the desk check finds an unknown person by how they look."
          />
        </div>
        <TextField
          label={f.unknown ? 'What the desk calls them' : 'Name'}
          value={f.name}
          onChange={(name) => set({ name })}
          error={e('name')}
          hint={f.unknown ? 'For example “Man in red cap”.' : 'As they give it; any script, accents or not.'}
          autoComplete="off"
        />
        <TextField
          label="Aliases"
          value={f.aliases}
          onChange={(aliases) => set({ aliases })}
          error={aliasError}
          hint="Other names they use, separated by commas."
          autoComplete="off"
        />
        <p role="status" className="visually-hidden">
          {duplicates.list.length > 0 ? `${duplicates.list.length} possibly already on file: see below the name.` : ''}
        </p>
        {duplicates.list.length > 0 && (
          <section className="duplicates field-wide" aria-label="Possible duplicates">
            <h4>Possibly already on file ({duplicates.list.length})</h4>
            <p className="muted small">Open the record if it is the same person, instead of adding a second.</p>
            <ul>
              {duplicates.list.map((d) => (
                <li key={d.person.id} className="duplicate">
                  <PersonPicture
                    mediaBase={duplicates.mediaBase}
                    path={d.person.photos.at(-1)?.path}
                    name={d.person.name}
                    size="small"
                  />
                  <span className="duplicate-text">
                    <strong>{d.person.name}</strong>
                    {d.person.birthDate && <span className="muted"> · born {d.person.birthDate}</span>}
                    {d.person.aliases.length > 0 && (
                      <span className="muted"> · also {d.person.aliases.join(', ')}</span>
                    )}
                    <span className="duplicate-why">{d.why.join('; ')}</span>
                  </span>
                  <Button small onClick={() => onOpenPerson(d.person.id)}>
                    Open<Unseen> {d.person.name}</Unseen>
                  </Button>
                </li>
              ))}
            </ul>
          </section>
        )}
        <TextAreaField
          label="Description"
          value={f.description}
          onChange={(description) => set({ description })}
          rows={2}
          spellCheck
          fieldClassName="field-wide"
          error={e('description')}
          hint="How to recognise them, where they are usually seen. Searched by the desk check."
        />
        <SelectField
          label="Sex"
          value={f.sex}
          options={SEX_OPTIONS}
          onChange={(sex) => set({ sex })}
          error={e('sex')}
        />
        <TextField
          label="Birth date"
          type="date"
          value={f.birthDate}
          onChange={(birthDate) => set({ birthDate })}
          error={e('birthDate')}
          hint={minor === true ? 'A minor: the guardian gets the notices too.' : undefined}
        />
        <TextField
          label="Age estimate"
          value={f.ageEstimate}
          onChange={(ageEstimate) => set({ ageEstimate })}
          error={e('ageEstimate')}
          hint="When the birth date is not known: “about 15”, “40s”."
        />
        <TextField label="Height" value={f.height} onChange={(height) => set({ height })} error={e('height')} />
        <TextField label="Build" value={f.build} onChange={(build) => set({ build })} error={e('build')} />
        <TextField label="Hair" value={f.hair} onChange={(hair) => set({ hair })} error={e('hair')} />
        <TextField
          label="Distinguishing marks"
          value={f.marks}
          onChange={(marks) => set({ marks })}
          error={e('marks')}
          fieldClassName="field-wide"
        />
        {mayCard ? (
          <TextField
            label="Library card number"
            value={f.cardNumber}
            onChange={(cardNumber) => set({ cardNumber })}
            error={e('cardNumber')}
            hint="Supervisors and administrators only."
            autoComplete="off"
          />
        ) : (
          <div className="field">
            <span className="filter-label">Library card</span>
            <span>{person?.cardOnFile ? 'Card on file' : 'No card on file'}</span>
            <span className="field-hint">Card numbers are recorded by a supervisor.</span>
          </div>
        )}
        {showGuardian && (
          <>
            <TextField
              label="Guardian’s name"
              value={f.guardianName}
              onChange={(guardianName) => set({ guardianName })}
              error={e('guardianName')}
            />
            <TextField
              label="Guardian’s contact"
              value={f.guardianContact}
              onChange={(guardianContact) => set({ guardianContact })}
              error={e('guardianContact')}
              hint="Address or phone: where the guardian’s copy of a notice goes."
            />
          </>
        )}
        <TextAreaField
          label="Notes"
          value={f.notes}
          onChange={(notes) => set({ notes })}
          rows={2}
          spellCheck
          fieldClassName="field-wide"
          error={e('notes')}
        />
      </InlineForm>
    </>
  );
}
