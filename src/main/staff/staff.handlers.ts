import type { Staff, StaffListing } from '../../shared/contract/staff';
import type { AuditService } from '../audit/audit.service';
import { signInBucket, unlockBucket, type SignInGuard } from '../auth/sign-in-guard';
import type { HandlerTable } from '../rpc/handler';
import type { StaffService } from './staff.service';

type StaffMethods =
  'staff.list' | 'staff.add' | 'staff.setRole' | 'staff.resetPassphrase' | 'staff.clearLockout' | 'staff.setActive';

export const staffHandlers = (
  staff: StaffService,
  guard: SignInGuard,
  audit: AuditService,
): HandlerTable<StaffMethods> => {
  const buckets = (s: Staff) => [signInBucket(s.username), unlockBucket(s.id)];
  // The later of the two locks: sign-ins under the username, or unlocks at their own console.
  const listing = (s: Staff): StaffListing => ({
    ...s,
    lockedUntil:
      buckets(s)
        .map((b) => guard.lockedUntil(b))
        .filter((u): u is string => u !== null)
        .sort()
        .at(-1) ?? null,
  });
  const clear = (s: Staff) => buckets(s).forEach((b) => guard.clear(b));

  return {
    'staff.list': () => staff.list().map(listing),
    'staff.add': async (input, ctx) => listing(await staff.add(input, ctx.staffId)),
    'staff.setRole': (input, ctx) => listing(staff.setRole(input.id, input.role, ctx.staffId!)),
    'staff.resetPassphrase': async (input, ctx) => {
      const s = await staff.resetPassphrase(input.id, input.passphrase, ctx.staffId!);
      // A new passphrase is a fresh start: the old one's failed guesses no longer matter.
      clear(s);
      return listing(s);
    },
    'staff.clearLockout': ({ id }, ctx) => {
      const s = staff.publicGet(id);
      const was = listing(s).lockedUntil;
      clear(s);
      audit.record({
        staffId: ctx.staffId,
        action: 'lockoutCleared',
        subject: 'staff',
        recordId: s.id,
        detail: was ? `${s.username}, locked until ${was}` : `${s.username}, not locked`,
      });
      return listing(s);
    },
    'staff.setActive': (input, ctx) => listing(staff.setActive(input.id, input.active, ctx.staffId!)),
  };
};
