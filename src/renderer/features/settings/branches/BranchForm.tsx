import { useId, useMemo, useState } from 'react';
import { call } from '../../../lib/api';
import { useSubmit } from '../../../lib/useSubmit';
import { TextField } from '../../../components/Field';
import { InlineForm } from '../../../components/InlineForm';
import type { Branch } from '../../../../shared/contract';

const DEFAULT_TIME_ZONE = 'America/Chicago';

interface BranchFormProps {
  /** The branch being edited; a new branch when absent. */
  branch?: Branch;
  onSaved: (branch: Branch) => void;
  onCancel: () => void;
}

export function BranchForm({ branch, onSaved, onCancel }: BranchFormProps) {
  const [name, setName] = useState(branch?.name ?? '');
  const [code, setCode] = useState(branch?.code ?? '');
  const [address, setAddress] = useState(branch?.address ?? '');
  const [timeZone, setTimeZone] = useState(branch?.timeZone ?? DEFAULT_TIME_ZONE);
  const submit = useSubmit();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const zoneListId = useId();

  async function save() {
    const fields = { name, code, address, timeZone };
    const saved = await submit.run(() =>
      branch ? call('branches.update', { id: branch.id, ...fields }) : call('branches.add', fields),
    );
    if (saved) onSaved(saved);
  }

  return (
    <InlineForm
      title={branch ? `Edit ${branch.name}` : 'Add branch'}
      submitLabel="Save branch"
      pending={submit.pending}
      error={submit.error}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      <TextField label="Name" value={name} onChange={setName} error={submit.fieldError('name')} />
      <TextField
        label="Code"
        value={code}
        onChange={setCode}
        autoCapitalize="characters"
        hint="2 to 8 letters or digits, for example MAIN. Used in incident numbers."
        error={submit.fieldError('code')}
        fieldClassName="field-short"
      />
      <TextField label="Address" value={address} onChange={setAddress} error={submit.fieldError('address')} />
      <TextField
        label="Time zone"
        value={timeZone}
        onChange={setTimeZone}
        list={zoneListId}
        hint="Times at this branch are shown in this zone."
        error={submit.fieldError('timeZone')}
      />
      <datalist id={zoneListId}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    </InlineForm>
  );
}
