import type { SessionState } from '../../shared/contract/auth';
import type { AuditService } from '../audit/audit.service';
import { AppError } from '../errors';
import type { Session } from '../rpc/sessions';
import type { SettingsService } from '../settings/settings.service';
import { DECOY_HASH, verifyPassphrase } from '../staff/passphrase';
import type { StaffRepo } from '../staff/staff.repo';
import type { StaffService } from '../staff/staff.service';

export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 5 * 60_000;

const WRONG = 'That username and passphrase do not match. Check them and try again.';

/**
 * Sign-in, lock and unlock for one console's session. Failed attempts are counted
 * per username (known or not): five lock that username for five minutes.
 */
export class AuthService {
  constructor(
    private readonly staff: StaffService,
    private readonly repo: StaffRepo,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly now: () => number = Date.now,
  ) {}

  state(session: Session): SessionState {
    if (this.repo.count() === 0) return { state: 'setup' };
    if (!session.staffId) return { state: 'signedOut' };
    const s = this.repo.get(session.staffId);
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
    this.refuseIfLockedOut(username);
    const account = this.repo.byUsername(username);
    // Always run scrypt, so a missing account takes as long as a wrong passphrase.
    const matches = await verifyPassphrase(input.passphrase, account?.passphraseHash ?? DECOY_HASH);
    if (!account || !account.active || !matches) {
      this.recordFailure(username, account?.id ?? null);
      throw new AppError('VALIDATION', WRONG);
    }
    this.repo.clearFailures(username);
    this.signInAs(session, account.id);
    return this.state(session);
  }

  async unlock(session: Session, passphrase: string): Promise<SessionState> {
    const account = session.staffId ? this.repo.get(session.staffId) : undefined;
    if (!account) return this.state(session);
    this.refuseIfLockedOut(account.username);
    if (!(await verifyPassphrase(passphrase, account.passphraseHash))) {
      this.recordFailure(account.username, account.id);
      throw new AppError('VALIDATION', 'That passphrase is not right. Try again.', { passphrase: 'Not right' });
    }
    this.repo.clearFailures(account.username);
    session.locked = false;
    session.lastActivity = this.now();
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
    if (!session.locked) session.lastActivity = this.now();
    return { idleMinutes: this.settings.get().idleLockMinutes };
  }

  /** Locks the session when it has been idle past the desk's limit; true when it just locked. */
  enforceIdle(session: Session): boolean {
    if (!session.staffId || session.locked) return false;
    const limit = this.settings.get().idleLockMinutes * 60_000;
    if (this.now() - session.lastActivity < limit) return false;
    this.lock(session, 'idle');
    return true;
  }

  private signInAs(session: Session, staffId: string): void {
    session.staffId = staffId;
    session.locked = false;
    session.lastActivity = this.now();
    this.repo.touchSignIn(staffId, new Date(this.now()).toISOString());
    this.audit.record({ staffId, action: 'signIn', subject: 'console' });
  }

  private refuseIfLockedOut(username: string): void {
    const { lockedUntil } = this.repo.failures(username);
    if (lockedUntil && Date.parse(lockedUntil) > this.now()) {
      const minutes = Math.ceil((Date.parse(lockedUntil) - this.now()) / 60_000);
      throw new AppError(
        'FORBIDDEN',
        `Too many failed attempts for “${username}”. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask an administrator to reset the passphrase.`,
      );
    }
  }

  private recordFailure(username: string, staffId: string | null): void {
    const { failures, lockedUntil } = this.repo.failures(username);
    // A lock that has run out starts the count again.
    const count = lockedUntil && Date.parse(lockedUntil) <= this.now() ? 1 : failures + 1;
    const locks = count >= MAX_FAILURES;
    this.repo.setFailures(username, count, locks ? new Date(this.now() + LOCKOUT_MS).toISOString() : null);
    this.audit.record({
      staffId,
      action: 'signInFailed',
      subject: 'console',
      detail: `username “${username}”, attempt ${count}${locks ? ': locked for 5 minutes' : ''}`,
    });
  }
}
