import { z } from 'zod';
import { ROLES, admins } from '../roles';
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

const Role = z.enum(ROLES);

export const staffContract = {
  'staff.list': method({
    summary: 'Every staff member, active and deactivated.',
    input: NoInput,
    output: z.array(Staff),
    patron: 'none',
    writes: false,
    access: admins,
  }),
  'staff.add': method({
    summary: 'Add a staff member with a role and a first passphrase.',
    input: z.strictObject({ name: line('Name', 120), username: Username, role: Role, passphrase: Passphrase }),
    output: Staff,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'staff.setRole': method({
    summary: 'Change a staff member’s role.',
    input: z.strictObject({ id: Id, role: Role }),
    output: Staff,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'staff.resetPassphrase': method({
    summary: 'Set a new passphrase for a staff member (and clear a sign-in lockout).',
    input: z.strictObject({ id: Id, passphrase: Passphrase }),
    output: Staff,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'staff.setActive': method({
    summary: 'Deactivate or reactivate a staff member. Staff are never deleted: their records stay attributed.',
    input: z.strictObject({ id: Id, active: z.boolean() }),
    output: Staff,
    patron: 'none',
    writes: true,
    access: admins,
  }),
} as const;
