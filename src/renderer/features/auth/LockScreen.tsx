import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { TextField } from '../../components/Field';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/Notice';
import { useSession } from '../../app/session';
import type { StaffSummary } from '../../../shared/contract';
import { roleLabel } from '../../../shared/roles';
import { AuthLayout } from './AuthLayout';

/** The console is locked: the same person unlocks, or someone else signs in for the next shift. */
export function LockScreen({ staff }: { staff: StaffSummary }) {
  const { setSession } = useSession();
  const [passphrase, setPassphrase] = useState('');
  const [otherUsername, setOtherUsername] = useState('');
  const [otherPassphrase, setOtherPassphrase] = useState('');
  const unlock = useSubmit();
  const other = useSubmit();
  const signOut = useSubmit();
  const passphraseRef = useRef<HTMLInputElement>(null);
  const otherPassphraseRef = useRef<HTMLInputElement>(null);

  async function onUnlock(e: FormEvent) {
    e.preventDefault();
    const next = await unlock.run(() => call('auth.unlock', { passphrase }));
    setPassphrase('');
    if (next) setSession(next);
    else passphraseRef.current?.focus();
  }

  async function onSignInOther(e: FormEvent) {
    e.preventDefault();
    const next = await other.run(() => call('auth.signIn', { username: otherUsername, passphrase: otherPassphrase }));
    setOtherPassphrase('');
    if (next) setSession(next);
    else otherPassphraseRef.current?.focus();
  }

  async function onSignOut() {
    const next = await signOut.run(() => call('auth.signOut', {}));
    if (next) setSession(next);
  }

  return (
    <AuthLayout wide>
      <form className="card auth-card" onSubmit={onUnlock} noValidate aria-labelledby="lock-heading">
        <h1 id="lock-heading">Console locked</h1>
        <p className="lock-who">
          Signed in: <strong>{staff.name}</strong>
          <span className="muted">{roleLabel[staff.role]}</span>
        </p>
        <ErrorNotice error={unlock.error} />
        <TextField
          label="Passphrase"
          type="password"
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="current-password"
          autoFocus
          inputRef={passphraseRef}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={unlock.pending}>
            Unlock
          </Button>
          <Button onClick={() => void onSignOut()} disabled={signOut.pending}>
            Sign out
          </Button>
        </div>
        <ErrorNotice error={signOut.error} />
      </form>

      <form className="card auth-card" onSubmit={onSignInOther} noValidate aria-labelledby="other-heading">
        <h2 id="other-heading">Sign in as someone else</h2>
        <p className="muted small">Starting a shift? Sign in with your own account.</p>
        <ErrorNotice error={other.error} />
        <TextField
          label="Username"
          value={otherUsername}
          onChange={setOtherUsername}
          autoComplete="username"
          autoCapitalize="none"
        />
        <TextField
          label="Their passphrase"
          type="password"
          value={otherPassphrase}
          onChange={setOtherPassphrase}
          autoComplete="current-password"
          inputRef={otherPassphraseRef}
        />
        <div className="form-actions">
          <Button type="submit" disabled={other.pending}>
            Sign in
          </Button>
        </div>
      </form>
    </AuthLayout>
  );
}
