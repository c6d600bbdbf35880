import { useEffect, useMemo, useState } from 'react';
import { call } from '../lib/api';
import { useEvent } from '../lib/useCall';
import type { SessionState } from '../../shared/contract';
import { SessionContext } from './session';
import type { ReadyInfo } from './session';
import { FailedScreen } from './FailedScreen';
import { SetupScreen } from '../features/auth/SetupScreen';
import { SignInScreen } from '../features/auth/SignInScreen';
import { LockScreen } from '../features/auth/LockScreen';
import { Desk } from '../features/desk/Desk';

/**
 * Picks the screen from the session: setup, sign-in, lock or the desk. While
 * locked, the desk of the same person stays mounted but hidden and inert, so a
 * half-typed form survives the lock; it is never shown to whoever unlocks as
 * someone else.
 */
export function SessionRouter({ info }: { info: ReadyInfo }) {
  const [session, setSession] = useState<SessionState | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void call('auth.state', {}).then((r) => {
      if (!live) return;
      if (r.ok) setSession(r.value);
      else setFailure(r.error.message);
    });
    return () => {
      live = false;
    };
  }, []);

  useEvent('session.changed', setSession);

  const value = useMemo(() => (session ? { info, session, setSession } : null), [info, session]);

  if (failure && !session) return <FailedScreen heading="Vigil cannot read the session" message={failure} />;
  if (!value || !session) return null;

  const withStaff = session.state === 'signedIn' || session.state === 'locked' ? session : undefined;
  return (
    <SessionContext value={value}>
      {session.state === 'setup' && <SetupScreen />}
      {session.state === 'signedOut' && <SignInScreen />}
      {session.state === 'locked' && <LockScreen staff={session.staff} />}
      {withStaff && (
        <Desk
          key={withStaff.staff.id}
          staff={withStaff.staff}
          idleMinutes={withStaff.idleMinutes}
          active={withStaff.state === 'signedIn'}
        />
      )}
    </SessionContext>
  );
}
