import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { useFocusFirstInvalid } from '../../lib/useFocusInvalid';
import { TextField } from '../../components/Field';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/Notice';
import { useSession } from '../../app/session';
import { AuthLayout } from './AuthLayout';

/** First run: the empty database needs its first administrator. */
export function SetupScreen() {
  const { setSession } = useSession();
  const [name, setName] = useState('');
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmPassphrase, setConfirmPassphrase] = useState('');
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, submit.error);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const next = await submit.run(() =>
      call('auth.createAdministrator', { name, username, passphrase, confirmPassphrase }),
    );
    if (next) setSession(next);
  }

  return (
    <AuthLayout>
      <form ref={formRef} className="card auth-card" onSubmit={onSubmit} noValidate aria-labelledby="setup-heading">
        <h1 id="setup-heading">Set up Vigil</h1>
        <p className="lead">
          This console has no staff yet. Create the first administrator: the person who will add branches, cameras and
          the rest of the staff.
        </p>
        <ErrorNotice error={submit.error} />
        <TextField
          label="Name"
          value={name}
          onChange={setName}
          autoComplete="name"
          autoFocus
          error={submit.fieldError('name')}
        />
        <TextField
          label="Username"
          value={username}
          onChange={setUsername}
          autoComplete="username"
          autoCapitalize="none"
          hint="Letters, digits, dot, dash or underscore. Used to sign in."
          error={submit.fieldError('username')}
        />
        <TextField
          label="Passphrase"
          type="password"
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="new-password"
          hint="At least 10 characters. A few ordinary words work well, for example “river lamp quiet seven”."
          error={submit.fieldError('passphrase')}
        />
        <TextField
          label="Confirm passphrase"
          type="password"
          value={confirmPassphrase}
          onChange={setConfirmPassphrase}
          autoComplete="new-password"
          hint="Type the same passphrase again."
          error={submit.fieldError('confirmPassphrase')}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={submit.pending}>
            {submit.pending ? 'Creating…' : 'Create administrator'}
          </Button>
        </div>
      </form>
    </AuthLayout>
  );
}
