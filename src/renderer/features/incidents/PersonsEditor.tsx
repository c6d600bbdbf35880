import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import type { Option } from '../../components/Field';
import { Unseen } from '../../components/Unseen';
import type { DraftContent } from '../../../shared/contract';
import { EMPTY_PERSON } from './draftContent';
import type { DraftPerson } from './draftContent';
import { FormSection } from './formParts';
import { PersonPicker } from './PersonPicker';
import { PERSON_ROLE_LIST, ROLE_WORD, SEX_LIST, SEX_WORD } from './words';
import type { PersonRole, Sex } from './words';

const ROLE_OPTIONS: Option<PersonRole | ''>[] = [
  { value: '', label: 'Choose a role…' },
  ...PERSON_ROLE_LIST.map((r) => ({ value: r, label: ROLE_WORD[r] })),
];
const SEX_OPTIONS: Option<Sex | ''>[] = [
  { value: '', label: 'Choose…' },
  ...SEX_LIST.map((s) => ({ value: s, label: SEX_WORD[s] })),
];

interface PersonsEditorProps {
  persons: DraftContent['persons'];
  onChange: (persons: DraftContent['persons']) => void;
  errors: Record<string, string>;
}

/** Everyone involved: each with a role, picked from known persons or described here. */
export function PersonsEditor({ persons, onChange, errors }: PersonsEditorProps) {
  const update = (index: number, patch: Partial<DraftPerson>) =>
    onChange(persons.map((p, i) => (i === index ? { ...p, ...patch } : p)));

  return (
    <FormSection title={`Persons involved (${persons.length})`}>
      {persons.length === 0 && <p className="muted field-wide">Nobody added yet.</p>}
      {persons.map((person, index) => (
        <PersonCard
          key={index}
          index={index}
          person={person}
          errors={errors}
          onChange={(patch) => update(index, patch)}
          onRemove={() => onChange(persons.filter((_, i) => i !== index))}
        />
      ))}
      <div className="field-wide form-actions">
        <Button onClick={() => onChange([...persons, { ...EMPTY_PERSON }])}>Add person</Button>
      </div>
    </FormSection>
  );
}

interface PersonCardProps {
  index: number;
  person: DraftPerson;
  errors: Record<string, string>;
  onChange: (patch: Partial<DraftPerson>) => void;
  onRemove: () => void;
}

function PersonCard({ index, person, errors, onChange, onRemove }: PersonCardProps) {
  const n = index + 1;
  const e = (field: string) => errors[`persons.${index}.${field}`];
  const text = (field: 'name' | 'ageEstimate' | 'height' | 'build' | 'hair' | 'clothing' | 'marks', label: string) => (
    <TextField
      label={label}
      value={person[field]}
      onChange={(v) => onChange({ [field]: v })}
      error={e(field)}
      aria-label={`Person ${n}: ${label}`}
    />
  );
  return (
    <div className="person-card field-wide" role="group" aria-label={`Person ${n}`}>
      <div className="person-head">
        <h4>Person {n}</h4>
        {person.personId && <span className="badge badge-ok">Known person</span>}
        <Button small variant="quiet" onClick={onRemove}>
          Remove<Unseen> person {n}</Unseen>
        </Button>
      </div>
      <div className="person-fields">
        <SelectField
          label="Role"
          value={person.role ?? ''}
          options={ROLE_OPTIONS}
          onChange={(v) => onChange({ role: v || null })}
          error={e('role')}
        />
        {person.personId ? (
          <div className="field">
            <span className="filter-label">On file</span>
            <span>{person.name}</span>
            <Button small variant="quiet" onClick={() => onChange({ personId: null })}>
              Describe instead<Unseen> of person {n}</Unseen>
            </Button>
          </div>
        ) : (
          <PersonPicker
            label={`Pick a known person for person ${n}`}
            onPick={(p) =>
              onChange({
                personId: p.id,
                name: p.name,
                sex: p.sex,
                ageEstimate: p.ageEstimate,
                height: p.height,
                build: p.build,
                hair: p.hair,
                marks: p.marks,
              })
            }
          />
        )}
        {text('name', 'Name (or “unknown”)')}
        <SelectField
          label="Sex"
          value={person.sex ?? ''}
          options={SEX_OPTIONS}
          onChange={(v) => onChange({ sex: v || null })}
          error={e('sex')}
        />
        {text('ageEstimate', 'Age estimate')}
        {text('height', 'Height')}
        {text('build', 'Build')}
        {text('hair', 'Hair')}
        {text('clothing', 'Clothing')}
        {text('marks', 'Distinguishing marks')}
      </div>
    </div>
  );
}
