import type { DeskKernel } from '../kernel';
import type { SettingsService } from '../settings/settings.service';
import type { StaffService } from '../staff/staff.service';
import { authHandlers } from './auth.handlers';
import { AuthService } from './auth.service';
import { SignInGuard, signInBucket, unlockBucket } from './sign-in-guard';
import { SignInGuardRepo } from './sign-in-guard.repo';

/**
 * Sign-in, lock and the console sessions. Follows the staff and settings domains
 * through their events: a deactivated person's consoles sign out at once, a new
 * idle limit reaches every console, a new passphrase starts the guesses afresh.
 */
export function createAuth(k: DeskKernel, ports: { staff: StaffService; settings: SettingsService }) {
  const guard = new SignInGuard(new SignInGuardRepo(k.db), k.clock);
  const service = new AuthService(ports.staff, ports.settings, k.audit, guard, k.clock);

  k.events.on('staff.deactivated', ({ staffId }) => {
    for (const s of k.consoles.of(staffId)) {
      s.staffId = null;
      s.locked = false;
      s.push('session.changed', { state: 'signedOut' });
    }
  });
  k.events.on('settings.changed', () => {
    for (const s of k.consoles.all()) if (s.staffId) s.push('session.changed', service.state(s));
  });
  k.events.on('staff.passphraseReset', ({ staffId, username }) => {
    guard.clear(signInBucket(username));
    guard.clear(unlockBucket(staffId));
  });

  return { service, handlers: authHandlers(service, guard, ports.staff, k.audit) };
}
