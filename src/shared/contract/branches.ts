import { z } from 'zod';
import { signedIn, admins } from '../roles';
import { method } from './define';
import { Id, NoInput, line } from './common';

export const ZONE_KINDS = ['interior', 'exterior'] as const;

export const Zone = z.object({
  id: Id,
  branchId: Id,
  name: z.string(),
  kind: z.enum(ZONE_KINDS),
  floor: z.string(),
  retired: z.boolean(),
});
export type Zone = z.infer<typeof Zone>;

export const Branch = z.object({
  id: Id,
  name: z.string(),
  code: z.string(),
  address: z.string(),
  timeZone: z.string(),
  retired: z.boolean(),
  zones: z.array(Zone),
});
export type Branch = z.infer<typeof Branch>;

const Code = z
  .string()
  .trim()
  .toUpperCase()
  .min(2, 'Code must be 2 to 8 letters or digits')
  .max(8, 'Code must be 2 to 8 letters or digits')
  .regex(/^[A-Z0-9]+$/, 'Code must be 2 to 8 letters or digits');

const TimeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Not a known time zone (for example America/Chicago)');

const Address = z.string().trim().max(300, 'Address must be at most 300 characters');
const Floor = z.string().trim().max(40, 'Floor must be at most 40 characters');

const BranchFields = { name: line('Name', 120), code: Code, address: Address, timeZone: TimeZone };
const ZoneFields = { name: line('Zone name', 80), kind: z.enum(ZONE_KINDS), floor: Floor };

export const branchesContract = {
  'branches.list': method({
    summary: 'Branches with their zones (retired ones included, flagged).',
    input: NoInput,
    output: z.array(Branch),
    access: signedIn,
  }),
  'branches.add': method({
    summary: 'Add a branch.',
    input: z.strictObject(BranchFields),
    output: Branch,
    access: admins,
  }),
  'branches.update': method({
    summary: 'Edit a branch’s name, code, address or time zone.',
    input: z.strictObject({ id: Id, ...BranchFields }),
    output: Branch,
    access: admins,
  }),
  'branches.setRetired': method({
    summary: 'Retire a branch (kept for its records) or bring it back.',
    input: z.strictObject({ id: Id, retired: z.boolean() }),
    output: Branch,
    access: admins,
  }),
  'zones.add': method({
    summary: 'Add a zone to a branch.',
    input: z.strictObject({ branchId: Id, ...ZoneFields }),
    output: Branch,
    access: admins,
  }),
  'zones.update': method({
    summary: 'Edit a zone.',
    input: z.strictObject({ id: Id, ...ZoneFields }),
    output: Branch,
    access: admins,
  }),
  'zones.setRetired': method({
    summary: 'Retire a zone (kept for its records) or bring it back.',
    input: z.strictObject({ id: Id, retired: z.boolean() }),
    output: Branch,
    access: admins,
  }),
} as const;
