import { useMemo } from 'react';
import { useEvent } from '../lib/useEvent';
import { useQuery } from '../lib/useQuery';
import { SessionContext } from './session';
import type { ReadyInfo } from './session';
import { FailedScreen } from './FailedScreen';
import { SetupScreen } from '../features/auth/SetupScreen';
import { SignInScreen } from '../features/auth/SignInScreen';
import { LockScreen } from '../features/auth/LockScreen';
import { Desk } from '../features/desk/Desk';
import { EvacuationBanner } from '../features/evacuation/EvacuationBanner';
import { useCopyAudit } from '../features/audit/useCopyAudit';
import { DiscloseProvider } from '../features/disclose/DiscloseProvider';

/**
 * Picks the screen from the session: setup, sign-in, lock or the desk. While
 * locked, the desk of the same person stays mounted but hidden and inert, so a
 * half-typed form survives the lock; it is never shown to whoever unlocks as
 * someone else.
 */
export function SessionRouter({ info }: { info: ReadyInfo }) {
  // Asked once; after that every auth call's answer and main's session.changed set it.
  const state = useQuery('auth.state', {});
  const { value: session, setValue: setSession } = state;
  useEvent('session.changed', setSession);

  const value = useMemo(() => (session ? { info, session, setSession } : null), [info, session, setSession]);
  // An evacuation running shows on every screen, so it is on screen at once after a restart (the desk shows its own).
  const running = useQuery('evacuations.running', {}, { refetchOn: ['evacuation.changed'] });
  useCopyAudit(session?.state === 'signedIn');

  if (state.error) return <FailedScreen heading="Vigil cannot read the session" message={state.error.message} />;
  if (!value || !session) return null;

  const withStaff = session.state === 'signedIn' || session.state === 'locked' ? session : undefined;
  return (
    <SessionContext value={value}>
      {session.state !== 'signedIn' && <EvacuationBanner running={running.value ?? []} />}
      {session.state === 'setup' && <SetupScreen />}
      {session.state === 'signedOut' && <SignInScreen />}
      {session.state === 'locked' && <LockScreen staff={session.staff} />}
      {withStaff && (
        <DiscloseProvider key={withStaff.staff.id} active={withStaff.state === 'signedIn'}>
          <Desk staff={withStaff.staff} idleMinutes={withStaff.idleMinutes} active={withStaff.state === 'signedIn'} />
        </DiscloseProvider>
      )}
    </SessionContext>
  );
}
