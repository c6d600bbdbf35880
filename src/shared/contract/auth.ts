import { z } from 'zod';
import { ROLES, admins } from '../roles';
import { method } from './define';
import { Id, IsoTime, NoInput, Passphrase, Username, line } from './common';

export const StaffSummary = z.object({
  id: Id,
  name: z.string(),
  username: z.string(),
  role: z.enum(ROLES),
});
export type StaffSummary = z.infer<typeof StaffSummary>;

export const SessionState = z.discriminatedUnion('state', [
  /** Empty database: the first administrator must be created. */
  z.object({ state: z.literal('setup') }),
  z.object({ state: z.literal('signedOut') }),
  z.object({ state: z.literal('locked'), staff: StaffSummary, idleMinutes: z.number() }),
  z.object({ state: z.literal('signedIn'), staff: StaffSummary, idleMinutes: z.number() }),
]);
export type SessionState = z.infer<typeof SessionState>;

export const authContract = {
  'auth.state': method({
    summary: 'Where this console stands: setup needed, signed out, locked or signed in.',
    input: NoInput,
    output: SessionState,
    patron: 'none',
    writes: false,
    access: 'public',
  }),
  'auth.createAdministrator': method({
    summary: 'First run only: create the first administrator and sign them in.',
    input: z
      .strictObject({
        name: line('Name', 120),
        username: Username,
        passphrase: Passphrase,
        confirmPassphrase: z.string().max(256),
      })
      .refine((v) => v.passphrase === v.confirmPassphrase, {
        message: 'The two passphrases do not match',
        path: ['confirmPassphrase'],
      }),
    output: SessionState,
    patron: 'none',
    writes: true,
    access: 'public',
  }),
  'auth.signIn': method({
    summary: 'Sign in (also from the lock screen, as another staff member).',
    input: z.strictObject({ username: z.string().max(80), passphrase: z.string().max(256) }),
    output: SessionState,
    patron: 'none',
    writes: true,
    access: 'public',
  }),
  'auth.unlock': method({
    summary: 'Unlock the console with the signed-in staff member’s passphrase.',
    input: z.strictObject({ passphrase: z.string().max(256) }),
    output: SessionState,
    patron: 'none',
    writes: true,
    access: 'session',
  }),
  'auth.lock': method({
    summary: 'Lock the console (idle timeout or the Lock button).',
    input: NoInput,
    output: SessionState,
    patron: 'none',
    writes: true,
    access: 'session',
  }),
  'auth.signOut': method({
    summary: 'Sign out.',
    input: NoInput,
    output: SessionState,
    patron: 'none',
    writes: true,
    access: 'session',
  }),
  'auth.lockouts': method({
    summary: 'Staff whose sign-in (or their own console’s unlock) is locked out now, and until when.',
    input: NoInput,
    output: z.array(z.object({ staffId: Id, lockedUntil: IsoTime })),
    patron: 'none',
    writes: false,
    access: admins,
  }),
  'auth.clearLockout': method({
    summary: 'End a staff member’s sign-in lockout at once (audited).',
    input: z.strictObject({ staffId: Id }),
    output: z.object({ staffId: Id, wasLockedUntil: IsoTime.nullable() }),
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'auth.activity': method({
    summary: 'The person is still at the desk: postpones the idle lock.',
    input: NoInput,
    output: z.object({ idleMinutes: z.number() }),
    patron: 'none',
    writes: false,
    access: 'session',
  }),
} as const;
