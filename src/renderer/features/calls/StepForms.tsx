import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { readStored, writeStored } from '../../lib/storage';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import type { CallOutcome, NamedPerson } from '../../../shared/contract';
import { CALL_OUTCOMES } from '../../../shared/contract/calls';
import { OUTCOME_WORDS } from '../../../shared/call-words';

const OTHER = 'other';
const lastResponderKey = 'vigil.lastResponder';

interface StepShellProps {
  title: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** A one-line form under the call's steps: the cursor starts in it, Enter records, Esc leaves. */
function StepShell({ title, submitLabel, pending, onSubmit, onCancel, children }: StepShellProps) {
  const titleId = useId();
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, []);
  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Enter' && e.target instanceof HTMLSelectElement) {
      e.preventDefault();
      onSubmit();
    }
  }
  return (
    <form
      ref={ref}
      className="step-form"
      aria-labelledby={titleId}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h4 id={titleId} className="step-form-title">
        {title}
      </h4>
      <div className="step-form-fields">{children}</div>
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={pending}>
          {submitLabel}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

interface RespondingFormProps {
  staff: readonly { id: string; name: string }[];
  selfId: string;
  pending: boolean;
  error?: string | undefined;
  onSubmit: (responders: NamedPerson[]) => void;
  onCancel: () => void;
}

/** Who is going: a staff member (the last one sent, at first) or someone named; Enter sends. */
export function RespondingForm({ staff, selfId, pending, error, onSubmit, onCancel }: RespondingFormProps) {
  const last = readStored(lastResponderKey);
  const [choice, setChoice] = useState(() => (staff.some((s) => s.id === last) ? last! : selfId));
  const [other, setOther] = useState('');
  const [also, setAlso] = useState('');
  function submit() {
    const people: NamedPerson[] = [];
    if (choice === OTHER) people.push({ staffId: null, name: other.trim() });
    else {
      writeStored(lastResponderKey, choice);
      people.push({ staffId: choice, name: staff.find((s) => s.id === choice)?.name ?? '' });
    }
    for (const name of also
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean))
      people.push({ staffId: null, name });
    onSubmit(people);
  }
  return (
    <StepShell title="Who is responding" submitLabel="Send" pending={pending} onSubmit={submit} onCancel={onCancel}>
      <SelectField
        label="Responding"
        value={choice}
        options={[
          ...staff.map((s) => ({ value: s.id, label: s.id === selfId ? `${s.name} (me)` : s.name })),
          { value: OTHER, label: 'Someone else…' },
        ]}
        onChange={setChoice}
        error={choice === OTHER ? undefined : error}
      />
      {choice === OTHER && (
        <TextField label="Name" value={other} onChange={setOther} error={error} placeholder="Who is going" />
      )}
      <TextField
        label="Also going (optional)"
        value={also}
        onChange={setAlso}
        placeholder="Names, separated by commas"
      />
    </StepShell>
  );
}

interface ClearFormProps {
  pending: boolean;
  error?: string | undefined;
  onSubmit: (outcome: CallOutcome, note: string) => void;
  onCancel: () => void;
}

/** How it ended, and a note: Enter clears the call. */
export function ClearForm({ pending, error, onSubmit, onCancel }: ClearFormProps) {
  const [outcome, setOutcome] = useState<CallOutcome>('resolved');
  const [note, setNote] = useState('');
  return (
    <StepShell
      title="Clear the call"
      submitLabel="Clear call"
      pending={pending}
      onSubmit={() => onSubmit(outcome, note)}
      onCancel={onCancel}
    >
      <SelectField
        label="Outcome"
        value={outcome}
        options={CALL_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_WORDS[o] }))}
        onChange={setOutcome}
        error={error}
      />
      <TextField label="Note (optional)" value={note} onChange={setNote} maxLength={2000} fieldClassName="field-grow" />
    </StepShell>
  );
}
