import { z } from 'zod';
import { ROLES } from '../roles';
import { method } from './define';
import { Id, IsoTime, NoInput, Passphrase, Username, line } from './common';

export const Staff = z.object({
  id: Id,
  name: z.string(),
  username: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  createdAt: IsoTime,
  lastSignInAt: IsoTime.nullable(),
});
export type Staff = z.infer<typeof Staff>;

/** A staff member as Settings → Staff lists them: with the end of a sign-in lockout, if one runs now. */
export const StaffListing = Staff.extend({ lockedUntil: IsoTime.nullable() });
export type StaffListing = z.infer<typeof StaffListing>;

const Role = z.enum(ROLES);

export const staffContract = {
  'staff.list': method({
    summary: 'Every staff member, active and deactivated.',
    input: NoInput,
    output: z.array(StaffListing),
    access: ['admin'],
  }),
  'staff.add': method({
    summary: 'Add a staff member with a role and a first passphrase.',
    input: z.strictObject({ name: line('Name', 120), username: Username, role: Role, passphrase: Passphrase }),
    output: StaffListing,
    access: ['admin'],
  }),
  'staff.setRole': method({
    summary: 'Change a staff member’s role.',
    input: z.strictObject({ id: Id, role: Role }),
    output: StaffListing,
    access: ['admin'],
  }),
  'staff.resetPassphrase': method({
    summary: 'Set a new passphrase for a staff member (and clear a sign-in lockout).',
    input: z.strictObject({ id: Id, passphrase: Passphrase }),
    output: StaffListing,
    access: ['admin'],
  }),
  'staff.clearLockout': method({
    summary: 'End a sign-in lockout at once (failed attempts by anyone, or at the staff member’s own locked console).',
    input: z.strictObject({ id: Id }),
    output: StaffListing,
    access: ['admin'],
  }),
  'staff.setActive': method({
    summary: 'Deactivate or reactivate a staff member. Staff are never deleted: their records stay attributed.',
    input: z.strictObject({ id: Id, active: z.boolean() }),
    output: StaffListing,
    access: ['admin'],
  }),
} as const;
