import { z } from 'zod';
import { signedIn, admins } from '../roles';
import { method } from './define';
import { Id, IsoTime, line } from './common';

/** 1 = minor (a reminder usually resolves it), 2 = serious, 3 = severe: safety at risk. */
export const SEVERITIES = [1, 2, 3] as const;
export const Severity = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  error: 'Choose a severity: 1 minor, 2 serious or 3 severe',
});
export type Severity = z.infer<typeof Severity>;

/** A behavior guideline at its current version. Incidents keep the version they were filed under. */
export const GuidelineRule = z.object({
  /** The rule's lasting id: filters and incident forms use it. */
  id: Id,
  /** The id of this exact wording. */
  versionId: Id,
  version: z.number().int(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  severity: Severity,
  retired: z.boolean(),
  updatedAt: IsoTime,
});
export type GuidelineRule = z.infer<typeof GuidelineRule>;

export const GuidelineVersion = z.object({
  versionId: Id,
  version: z.number().int(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  severity: Severity,
  createdAt: IsoTime,
  createdByName: z.string().nullable(),
});
export type GuidelineVersion = z.infer<typeof GuidelineVersion>;

const RuleCode = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, 'Code is required')
  .max(16, 'Code must be at most 16 characters')
  .regex(/^[A-Z0-9][A-Z0-9.-]*$/, 'Code may use letters, digits, dot and dash (for example B-07)');

const RuleFields = {
  code: RuleCode,
  title: line('Title', 120),
  description: z
    .string()
    .trim()
    .min(1, 'Description is required')
    .max(2000, 'Description must be at most 2000 characters'),
  severity: Severity,
};

export const guidelinesContract = {
  'guidelines.list': method({
    summary: 'The behavior guidelines at their current version (retired ones included, flagged).',
    input: z.strictObject({}),
    output: z.array(GuidelineRule),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'guidelines.history': method({
    summary: 'Every version of one rule, oldest first.',
    input: z.strictObject({ id: Id }),
    output: z.array(GuidelineVersion),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'guidelines.add': method({
    summary: 'Add a rule.',
    input: z.strictObject(RuleFields),
    output: GuidelineRule,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'guidelines.update': method({
    summary: 'Edit a rule: saves a new version; incidents already filed keep the wording they were filed under.',
    input: z.strictObject({ id: Id, ...RuleFields }),
    output: GuidelineRule,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'guidelines.setRetired': method({
    summary: 'Retire a rule (no longer offered on new reports) or bring it back.',
    input: z.strictObject({ id: Id, retired: z.boolean() }),
    output: GuidelineRule,
    patron: 'none',
    writes: true,
    access: admins,
  }),
} as const;
