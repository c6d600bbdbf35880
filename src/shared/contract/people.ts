import { z } from 'zod';
import { signedIn } from '../roles';
import { method } from './define';
import { Id, IsoTime, line } from './common';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** Optional single-line description text ('' when not observed). */
export const descriptive = (label: string, max = 120) =>
  z
    .string()
    .max(max, `${label} must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), `${label} must be a single line of text`);

/** How a person looks: what a desk can describe without knowing who they are. */
export const PersonDescriptionFields = {
  sex: z.enum(SEXES, { error: 'Choose female, male, other or unknown' }),
  ageEstimate: descriptive('Age estimate', 40),
  height: descriptive('Height', 40),
  build: descriptive('Build', 80),
  hair: descriptive('Hair', 120),
  marks: descriptive('Distinguishing marks', 500),
};

/** A known person: picked on incident reports instead of describing them again. */
export const Person = z.object({
  id: Id,
  name: z.string(),
  sex: z.enum(SEXES),
  ageEstimate: z.string(),
  height: z.string(),
  build: z.string(),
  hair: z.string(),
  marks: z.string(),
  createdAt: IsoTime,
});
export type Person = z.infer<typeof Person>;

export const peopleContract = {
  'persons.search': method({
    summary: 'Find known persons by name (an audited read). Empty text lists the most recently added.',
    input: z.strictObject({
      text: z.string().max(200).default(''),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    output: z.array(Person),
    access: signedIn,
  }),
  'persons.add': method({
    summary: 'Record a known person, so later reports can pick them.',
    input: z.strictObject({ name: line('Name', 120), ...PersonDescriptionFields }),
    output: Person,
    access: signedIn,
  }),
} as const;
