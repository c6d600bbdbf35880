import { z } from 'zod';
import { admins, signedIn } from '../roles';
import { method } from './define';
import { Id, IsoTime, line } from './common';
import { LocalDate } from './branches';
import { ServicePhone } from './contact-fields';
import { CARD_MAX } from '../shift-words';

/** What a community resource offers: the words a desk and a patron both understand. */
export const RESOURCE_KINDS = [
  'shelter',
  'crisis-line',
  'meals',
  'mental-health',
  'substance-use',
  'youth',
  'domestic-violence',
  'legal-aid',
  'medical',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), `${label} contains a control character`);

const Language = z
  .string()
  .trim()
  .min(1, 'A language has a name')
  .max(40, 'A language’s name is at most 40 characters')
  .refine((s) => !/[\u0000-\u001f\u007f,]/.test(s), 'One language per entry');

export const Resource = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(RESOURCE_KINDS),
  phone: z.string(),
  address: z.string(),
  hours: z.string(),
  notes: z.string(),
  languages: z.array(z.string()),
  retired: z.boolean(),
  version: z.number().int(),
  updatedAt: IsoTime,
});
export type Resource = z.infer<typeof Resource>;

const ResourceFields = {
  name: line('Name', 120),
  kind: z.enum(RESOURCE_KINDS, { error: 'Choose what the service offers' }),
  phone: ServicePhone,
  address: text('The address', 200).default(''),
  hours: text('The hours', 200).default(''),
  notes: text('The notes', 1_000).default(''),
  languages: z.array(Language).max(12, 'At most 12 languages').default([]),
};

const Pdf = z.object({ fileName: z.string(), pdfBase64: z.string(), sha256: z.string() });

const Referral = {
  resourceIds: z
    .array(Id)
    .min(1, 'Choose at least one service')
    .max(CARD_MAX, `A card holds at most ${CARD_MAX} services`),
  /** Where the desk is (null: a central desk for every branch). */
  branchId: Id.nullable(),
};

export const ReferralCounts = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  byKind: z.array(z.object({ kind: z.enum(RESOURCE_KINDS), count: z.number().int() })),
  /** One row per day, branch and kind that had any. */
  rows: z.array(
    z.object({ date: z.string(), branchId: Id.nullable(), kind: z.enum(RESOURCE_KINDS), count: z.number().int() }),
  ),
});
export type ReferralCounts = z.infer<typeof ReferralCounts>;

export const resourcesContract = {
  'resources.list': method({
    summary: 'The community resource directory by kind and name (retired ones for administrators only).',
    input: z.strictObject({ includeRetired: z.boolean().default(false) }),
    output: z.array(Resource),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'resources.search': method({
    summary: 'Services in use whose name, kind, notes, languages or address hold every word typed.',
    input: z.strictObject({ text: z.string().max(200), limit: z.number().int().min(1).max(50).default(8) }),
    output: z.array(Resource),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'resources.save': method({
    summary: 'Add a service to the directory, or change one (version: the one the form was opened on).',
    input: z.strictObject({ id: Id.optional(), version: z.number().int().optional(), ...ResourceFields }),
    output: Resource,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'resources.setRetired': method({
    summary: 'Take a service out of use (it stays in past counts), or bring it back.',
    input: z.strictObject({ id: Id, retired: z.boolean() }),
    output: Resource,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'resources.referralCard': method({
    summary:
      'A half-page card in large type with the chosen services for a patron (no patron data); counts a referral.',
    input: z.strictObject(Referral),
    output: Pdf,
    patron: 'none',
    writes: true,
    access: signedIn,
  }),
  'resources.countReferral': method({
    summary: 'Count a referral given by word of mouth, without a card.',
    input: z.strictObject(Referral),
    output: z.object({ counted: z.number().int() }),
    patron: 'none',
    writes: true,
    access: signedIn,
  }),
  'resources.referralCounts': method({
    summary: 'How often the desk referred patrons, by kind, branch and date (no names are kept).',
    input: z
      .strictObject({ from: LocalDate, to: LocalDate, branchId: Id.optional() })
      .refine((v) => v.from <= v.to, { message: 'The last date is before the first', path: ['to'] }),
    output: ReferralCounts,
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
} as const;
