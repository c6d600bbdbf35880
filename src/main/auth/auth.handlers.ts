import type { SessionState } from '../../shared/contract/auth';
import type { CallContext, HandlerTable } from '../rpc/handler';
import type { AuthService } from './auth.service';

type AuthMethods =
  | 'auth.state'
  | 'auth.createAdministrator'
  | 'auth.signIn'
  | 'auth.unlock'
  | 'auth.lock'
  | 'auth.signOut'
  | 'auth.activity';

/** Every change of a console's session is also pushed to it, so each part of its UI follows. */
const announce = (ctx: CallContext, state: SessionState): SessionState => {
  ctx.session.push('session.changed', state);
  return state;
};

export const authHandlers = (auth: AuthService): HandlerTable<AuthMethods> => ({
  'auth.state': (_input, ctx) => auth.state(ctx.session),
  'auth.createAdministrator': async (input, ctx) => announce(ctx, await auth.createAdministrator(ctx.session, input)),
  'auth.signIn': async (input, ctx) => announce(ctx, await auth.signIn(ctx.session, input)),
  'auth.unlock': async (input, ctx) => announce(ctx, await auth.unlock(ctx.session, input.passphrase)),
  'auth.lock': (_input, ctx) => announce(ctx, auth.lock(ctx.session, 'button')),
  'auth.signOut': (_input, ctx) => announce(ctx, auth.signOut(ctx.session)),
  'auth.activity': (_input, ctx) => auth.activity(ctx.session),
});
