import type { SessionState } from '../../shared/contract/auth';
import type { AuditService } from '../audit/audit.service';
import { AppError } from '../errors';
import type { Session } from '../rpc/sessions';
import type { SettingsService } from '../settings/settings.service';
import { DECOY_HASH, verifyPassphrase } from '../staff/passphrase';
import type { StaffService } from '../staff/staff.service';
import type { Clock } from '../clock';
import { signInBucket, unlockBucket, whenLockEnds, type Reservation, type SignInGuard } from './sign-in-guard';

const WRONG = 'That username and passphrase do not match. Check them and try again.';

/**
 * Sign-in, lock and unlock for one console's session. Every attempt is reserved
 * with the SignInGuard before scrypt runs (five per username per five minutes,
 * however they arrive); a console's own unlock has a bucket of its own.
 */
export class AuthService {
  constructor(
    private readonly staff: StaffService,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly guard: SignInGuard,
    private readonly clock: Clock,
  ) {}

  state(session: Session): SessionState {
    if (this.staff.count() === 0) return { state: 'setup' };
    if (!session.staffId) return { state: 'signedOut' };
    const s = this.staff.accountById(session.staffId);
    if (!s || !s.active) {
      session.staffId = null;
      return { state: 'signedOut' };
    }
    const staff = { id: s.id, name: s.name, username: s.username, role: s.role };
    const idleMinutes = this.settings.get().idleLockMinutes;
    return session.locked ? { state: 'locked', staff, idleMinutes } : { state: 'signedIn', staff, idleMinutes };
  }

  async createAdministrator(
    session: Session,
    input: { name: string; username: string; passphrase: string },
  ): Promise<SessionState> {
    const admin = await this.staff.createFirstAdministrator(input);
    this.signInAs(session, admin.id);
    return this.state(session);
  }

  async signIn(session: Session, input: { username: string; passphrase: string }): Promise<SessionState> {
    const username = input.username.trim().toLowerCase();
    if (!username || !input.passphrase) {
      throw new AppError('VALIDATION', 'Enter your username and passphrase.', {
        ...(username ? {} : { username: 'Enter your username' }),
        ...(input.passphrase ? {} : { passphrase: 'Enter your passphrase' }),
      });
    }
    const reservation = this.guard.reserve(
      signInBucket(username),
      (until) =>
        `Too many failed attempts for “${username}”. Try again ${whenLockEnds(until, this.clock.ms())}, or ask an administrator to clear the lockout in Settings → Staff.`,
    );
    const account = this.staff.account(username);
    // Always run scrypt, so a missing account takes as long as a wrong passphrase.
    const matches = await verifyPassphrase(input.passphrase, account?.passphraseHash ?? DECOY_HASH);
    if (!account || !account.active || !matches) {
      this.auditFailure(username, account?.id ?? null, reservation, 'signInFailed');
      throw new AppError('VALIDATION', WRONG);
    }
    this.guard.release(reservation);
    this.signInAs(session, account.id);
    return this.state(session);
  }

  async unlock(session: Session, passphrase: string): Promise<SessionState> {
    const account = session.staffId ? this.staff.accountById(session.staffId) : undefined;
    if (!account) return this.state(session);
    const reservation = this.guard.reserve(
      unlockBucket(account.id),
      (until) =>
        `Too many wrong passphrases on this console. Try again ${whenLockEnds(until, this.clock.ms())}, or sign in as someone else.`,
    );
    if (!(await verifyPassphrase(passphrase, account.passphraseHash))) {
      this.auditFailure(account.username, account.id, reservation, 'unlock');
      throw new AppError('VALIDATION', 'That passphrase is not right. Try again.', { passphrase: 'Not right' });
    }
    this.guard.release(reservation);
    session.locked = false;
    session.lastActivity = this.clock.ms();
    this.audit.record({ staffId: account.id, action: 'unlock', subject: 'console' });
    return this.state(session);
  }

  lock(session: Session, why: 'button' | 'idle'): SessionState {
    if (session.staffId && !session.locked) {
      session.locked = true;
      this.audit.record({ staffId: session.staffId, action: 'lock', subject: 'console', detail: why });
    }
    return this.state(session);
  }

  signOut(session: Session): SessionState {
    if (session.staffId) this.audit.record({ staffId: session.staffId, action: 'signOut', subject: 'console' });
    session.staffId = null;
    session.locked = false;
    return this.state(session);
  }

  activity(session: Session): { idleMinutes: number } {
    if (!session.locked) session.lastActivity = this.clock.ms();
    return { idleMinutes: this.settings.get().idleLockMinutes };
  }

  /** Locks the session when it has been idle past the desk's limit; true when it just locked. */
  enforceIdle(session: Session): boolean {
    if (!session.staffId || session.locked) return false;
    const limit = this.settings.get().idleLockMinutes * 60_000;
    if (this.clock.ms() - session.lastActivity < limit) return false;
    this.lock(session, 'idle');
    return true;
  }

  private signInAs(session: Session, staffId: string): void {
    session.staffId = staffId;
    session.locked = false;
    session.lastActivity = this.clock.ms();
    this.staff.touchSignIn(staffId, this.clock.now().toISOString());
    this.audit.record({ staffId, action: 'signIn', subject: 'console' });
  }

  private auditFailure(
    username: string,
    staffId: string | null,
    r: Reservation,
    what: 'signInFailed' | 'unlock',
  ): void {
    this.audit.record({
      staffId,
      action: 'signInFailed',
      subject: 'console',
      detail: `${what === 'unlock' ? 'unlock as' : 'username'} “${username}”${r.locked ? ': locked for 5 minutes' : ''}`,
    });
  }
}
