import { useState } from 'react';
import { call } from '../../../lib/api';
import { useSubmit } from '../../../lib/useSubmit';
import { TextField } from '../../../components/Field';
import { InlineForm } from '../../../components/InlineForm';
import type { Staff } from '../../../../shared/contract';

interface ResetPassphraseFormProps {
  member: Staff;
  onSaved: (staff: Staff) => void;
  onCancel: () => void;
}

export function ResetPassphraseForm({ member, onSaved, onCancel }: ResetPassphraseFormProps) {
  const [passphrase, setPassphrase] = useState('');
  const submit = useSubmit();

  async function save() {
    const saved = await submit.run(() => call('staff.resetPassphrase', { id: member.id, passphrase }));
    if (saved) onSaved(saved);
  }

  return (
    <InlineForm
      title={`Reset passphrase for ${member.name}`}
      submitLabel="Save passphrase"
      pending={submit.pending}
      error={submit.error}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      <TextField
        label={`New passphrase for ${member.name}`}
        type="password"
        value={passphrase}
        onChange={setPassphrase}
        autoComplete="new-password"
        hint="At least 10 characters. This also clears a sign-in lockout."
        error={submit.fieldError('passphrase')}
      />
    </InlineForm>
  );
}
