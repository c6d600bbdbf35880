import { useState } from 'react';
import { call } from '../../../lib/api';
import { useSubmit } from '../../../lib/useSubmit';
import { InlineForm } from '../../../components/InlineForm';
import { TextField } from '../../../components/Field';
import type { Branch } from '../../../../shared/contract';

interface SpecialDayFormProps {
  branch: Branch;
  onSaved: (branch: Branch) => void;
  onCancel: () => void;
}

/** A date with its own hours, or closed all day (a holiday); it replaces the weekday's hours that day. */
export function SpecialDayForm({ branch, onSaved, onCancel }: SpecialDayFormProps) {
  const [date, setDate] = useState('');
  const [closed, setClosed] = useState(true);
  const [opens, setOpens] = useState('09:00');
  const [closes, setCloses] = useState('17:00');
  const [note, setNote] = useState('');
  const submit = useSubmit();

  async function save() {
    const saved = await submit.run(() =>
      call('branches.setSpecialDay', {
        branchId: branch.id,
        date,
        closed,
        note,
        ...(closed ? {} : { opens, closes }),
      }),
    );
    if (saved) onSaved(saved);
  }

  return (
    <InlineForm
      title={`A special day at ${branch.name}`}
      submitLabel="Save special day"
      pending={submit.pending}
      error={submit.error}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      <TextField label="Date" type="date" value={date} onChange={setDate} error={submit.fieldError('date')} />
      <TextField
        label="What day it is"
        value={note}
        onChange={setNote}
        hint="For example Thanksgiving, or Book sale."
        error={submit.fieldError('note')}
      />
      <label className="check-line">
        <input type="checkbox" checked={closed} onChange={(e) => setClosed(e.target.checked)} />
        Closed all day
      </label>
      {!closed && (
        <>
          <TextField label="Opens" type="time" value={opens} onChange={setOpens} error={submit.fieldError('opens')} />
          <TextField
            label="Closes"
            type="time"
            value={closes}
            onChange={setCloses}
            error={submit.fieldError('closes')}
          />
        </>
      )}
    </InlineForm>
  );
}
