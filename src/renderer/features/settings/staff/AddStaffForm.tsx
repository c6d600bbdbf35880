import { useState } from 'react';
import { call } from '../../../lib/api';
import { useSubmit } from '../../../lib/useSubmit';
import { SelectField, TextField } from '../../../components/Field';
import { InlineForm } from '../../../components/InlineForm';
import type { Role } from '../../../../shared/roles';
import type { Staff } from '../../../../shared/contract';
import { ROLE_OPTIONS } from './roles';

export function AddStaffForm({ onSaved, onCancel }: { onSaved: (staff: Staff) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('officer');
  const [passphrase, setPassphrase] = useState('');
  const submit = useSubmit();

  async function save() {
    const saved = await submit.run(() => call('staff.add', { name, username, role, passphrase }));
    if (saved) onSaved(saved);
  }

  return (
    <InlineForm
      title="Add staff"
      submitLabel="Add staff member"
      pending={submit.pending}
      error={submit.error}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      <TextField label="Name" value={name} onChange={setName} autoComplete="off" error={submit.fieldError('name')} />
      <TextField
        label="Username"
        value={username}
        onChange={setUsername}
        autoComplete="off"
        autoCapitalize="none"
        hint="Letters, digits, dot, dash or underscore."
        error={submit.fieldError('username')}
      />
      <SelectField
        label="Role"
        value={role}
        options={ROLE_OPTIONS}
        onChange={setRole}
        hint="Officers work the desk; supervisors also review; administrators manage Vigil."
        error={submit.fieldError('role')}
      />
      <TextField
        label="Passphrase"
        type="password"
        value={passphrase}
        onChange={setPassphrase}
        autoComplete="new-password"
        hint="At least 10 characters. Tell it to them in person."
        error={submit.fieldError('passphrase')}
      />
    </InlineForm>
  );
}
