import type { SessionState } from '../../shared/contract/auth';
import type { AuditService } from '../audit/audit.service';
import type { CallContext, HandlerTable } from '../rpc/handler';
import type { StaffService } from '../staff/staff.service';
import type { AuthService } from './auth.service';
import { signInBucket, unlockBucket, type SignInGuard } from './sign-in-guard';

type AuthMethods =
  | 'auth.state'
  | 'auth.createAdministrator'
  | 'auth.signIn'
  | 'auth.unlock'
  | 'auth.lock'
  | 'auth.signOut'
  | 'auth.lockouts'
  | 'auth.clearLockout'
  | 'auth.activity';

/** Every change of a console's session is also pushed to it, so each part of its UI follows. */
const announce = (ctx: CallContext, state: SessionState): SessionState => {
  ctx.session.push('session.changed', state);
  return state;
};

export const authHandlers = (
  auth: AuthService,
  guard: SignInGuard,
  staff: StaffService,
  audit: AuditService,
): HandlerTable<AuthMethods> => {
  const buckets = (s: { id: string; username: string }) => [signInBucket(s.username), unlockBucket(s.id)];
  // The later of a person's two locks: sign-ins under their username, or unlocks at their own console.
  const lockedUntil = (s: { id: string; username: string }) =>
    buckets(s)
      .map((b) => guard.lockedUntil(b))
      .filter((u): u is string => u !== null)
      .sort()
      .at(-1) ?? null;

  return {
    'auth.state': (_input, ctx) => auth.state(ctx.session),
    'auth.createAdministrator': async (input, ctx) => announce(ctx, await auth.createAdministrator(ctx.session, input)),
    'auth.signIn': async (input, ctx) => announce(ctx, await auth.signIn(ctx.session, input)),
    'auth.unlock': async (input, ctx) => announce(ctx, await auth.unlock(ctx.session, input.passphrase)),
    'auth.lock': (_input, ctx) => announce(ctx, auth.lock(ctx.session, 'button')),
    'auth.signOut': (_input, ctx) => announce(ctx, auth.signOut(ctx.session)),
    'auth.lockouts': () =>
      staff.list().flatMap((s) => {
        const until = lockedUntil(s);
        return until ? [{ staffId: s.id, lockedUntil: until }] : [];
      }),
    'auth.clearLockout': ({ staffId }, ctx) => {
      const s = staff.get(staffId);
      const was = lockedUntil(s);
      buckets(s).forEach((b) => guard.clear(b));
      audit.record({
        staffId: ctx.staffId,
        action: 'lockoutCleared',
        subject: 'staff',
        recordId: s.id,
        detail: was ? `${s.username}, locked until ${was}` : `${s.username}, not locked`,
      });
      return { staffId: s.id, wasLockedUntil: was };
    },
    'auth.activity': (_input, ctx) => auth.activity(ctx.session),
  };
};
