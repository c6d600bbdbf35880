import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { TextField } from '../../components/Field';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/Notice';
import { useSession } from '../../app/session';
import { AuthLayout } from './AuthLayout';
import { TrainingAccounts } from './TrainingAccounts';

export function SignInScreen() {
  const { info, setSession } = useSession();
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const submit = useSubmit();
  const passphraseRef = useRef<HTMLInputElement>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const next = await submit.run(() => call('auth.signIn', { username, passphrase }));
    if (next) {
      setSession(next);
      return;
    }
    // Keep who they are; ask only for the passphrase again.
    setPassphrase('');
    passphraseRef.current?.focus();
  }

  return (
    <AuthLayout wide={info.demo}>
      <form className="card auth-card" onSubmit={onSubmit} noValidate aria-labelledby="signin-heading">
        <h1 id="signin-heading">Sign in to Vigil</h1>
        <ErrorNotice error={submit.error} />
        <TextField
          label="Username"
          value={username}
          onChange={setUsername}
          autoComplete="username"
          autoCapitalize="none"
          autoFocus
        />
        <TextField
          label="Passphrase"
          type="password"
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="current-password"
          inputRef={passphraseRef}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={submit.pending}>
            {submit.pending ? 'Signing in…' : 'Sign in'}
          </Button>
        </div>
        <p className="muted small">Forgot your passphrase? An administrator can set a new one in Settings → Staff.</p>
      </form>
      {info.demo && (
        <TrainingAccounts
          accounts={info.demoAccounts}
          onUse={(a) => {
            setUsername(a.username);
            setPassphrase(a.passphrase);
            passphraseRef.current?.focus();
          }}
        />
      )}
    </AuthLayout>
  );
}
