import { z } from 'zod';
import { signedIn, supervisors } from '../roles';
import { method, patronData } from './define';
import { CalendarDate, Id, IsoTime, line, multiline } from './common';

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
export const Person = patronData(
  z.object({
    id: Id,
    name: z.string(),
    sex: z.enum(SEXES),
    ageEstimate: z.string(),
    height: z.string(),
    build: z.string(),
    hair: z.string(),
    marks: z.string(),
    createdAt: IsoTime,
  }),
  'a person',
);
export type Person = z.infer<typeof Person>;

/** A picture of a person: an attachment (a camera snapshot or a photo from a file). */
export const PersonPhoto = patronData(
  z.object({
    attachmentId: Id,
    sha256: z.string(),
    mediaType: z.string(),
    /** Under the console's mediaBase: `snapshots/<sha>.png` or `attachments/<sha>.<ext>`. */
    path: z.string(),
    addedAt: IsoTime,
  }),
  'a person’s photo',
);
export type PersonPhoto = z.infer<typeof PersonPhoto>;

/** Library card numbers: letters, digits, spaces and dashes. */
const CardNumber = z
  .string()
  .trim()
  .max(40, 'A card number has at most 40 characters')
  .regex(/^[A-Za-z0-9 -]*$/, 'A card number has letters, digits, spaces and dashes only');

/**
 * What a person record holds besides how they look. A person is named, or "unknown"
 * with a description (their name is then what the desk calls them, e.g. "Man in red cap").
 */
export const PersonFields = {
  unknown: z.boolean().default(false),
  name: line('Name', 120),
  aliases: z.array(line('Alias', 120)).max(10, 'At most 10 aliases').default([]),
  /** Free description (clothing habits, where usually seen): searched by the desk check too. */
  description: multiline('Description', 1000).default(''),
  // How they look: optional on a person record (what was not observed is left empty).
  sex: PersonDescriptionFields.sex.default('unknown'),
  ageEstimate: PersonDescriptionFields.ageEstimate.default(''),
  height: PersonDescriptionFields.height.default(''),
  build: PersonDescriptionFields.build.default(''),
  hair: PersonDescriptionFields.hair.default(''),
  marks: PersonDescriptionFields.marks.default(''),
  birthDate: CalendarDate.nullable().default(null),
  /** Supervisors and administrators only: refused in main for anyone else. */
  cardNumber: CardNumber.nullable().default(null),
  guardianName: descriptive('Guardian name', 120).default(''),
  guardianContact: descriptive('Guardian contact', 200).default(''),
  notes: multiline('Notes', 2000).default(''),
};

/**
 * A person's whole record, as the reader's role may see it: the card number is
 * null for officers (`cardOnFile` says whether there is one).
 */
export const PersonDetail = patronData(
  Person.extend({
    unknown: z.boolean(),
    aliases: z.array(z.string()),
    description: z.string(),
    birthDate: CalendarDate.nullable(),
    /** From the birth date, else from a numeric age estimate; null when neither tells. */
    minor: z.boolean().nullable(),
    cardNumber: z.string().nullable(),
    cardOnFile: z.boolean(),
    guardianName: z.string(),
    guardianContact: z.string(),
    notes: z.string(),
    photos: z.array(PersonPhoto),
    /** Another record this one was merged into (then it is shown only as history). */
    mergedInto: Id.nullable(),
    /** Records merged into this one: their incidents and bans are this person's. */
    mergedFrom: z.array(Id),
    updatedAt: IsoTime,
    /** Pass back on update: two windows cannot overwrite each other. */
    version: z.number().int(),
  }),
  'a person’s record',
);
export type PersonDetail = z.infer<typeof PersonDetail>;

/** Another record that may be the same person, and why it looks so. */
export const PossibleDuplicate = z.object({
  person: PersonDetail,
  why: z.array(z.string()),
});
export type PossibleDuplicate = z.infer<typeof PossibleDuplicate>;

export const peopleContract = {
  'persons.search': method({
    summary: 'Find known persons by name (an audited read). Empty text lists the most recently added.',
    input: z.strictObject({
      text: z.string().max(200).default(''),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    output: z.array(Person),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'persons.add': method({
    summary: 'Record a person, so later reports and bans can pick them. A card number needs a supervisor.',
    input: z.strictObject(PersonFields),
    output: PersonDetail,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'persons.get': method({
    summary: 'A person’s record with photos (an audited read; the card number for supervisors and admins only).',
    input: z.strictObject({ id: Id }),
    output: z.object({ person: PersonDetail, mediaBase: z.string() }),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'persons.update': method({
    summary: 'Change a person’s record (journaled). A card number needs a supervisor.',
    input: z.strictObject({ id: Id, version: z.number().int().min(1), ...PersonFields }),
    output: PersonDetail,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'persons.findDuplicates': method({
    summary: 'Records that may be this person (same or similar name, birth date or card), as a new one is typed.',
    input: z.strictObject({
      name: z.string().max(120).default(''),
      aliases: z.array(z.string().max(120)).max(10).default([]),
      birthDate: CalendarDate.nullable().default(null),
      cardNumber: z.string().max(40).nullable().default(null),
      exceptId: Id.optional(),
    }),
    output: z.object({ duplicates: z.array(PossibleDuplicate), mediaBase: z.string() }),
    patron: 'reads',
    writes: false,
    access: signedIn,
  }),
  'persons.addPhoto': method({
    summary: 'Add a picture to a person: a camera snapshot or a photo already attached (its id).',
    input: z.strictObject({ personId: Id, attachmentId: Id }),
    output: PersonDetail,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'persons.removePhoto': method({
    summary: 'Take a picture off a person’s record (the attachment itself stays, as evidence).',
    input: z.strictObject({ personId: Id, attachmentId: Id }),
    output: PersonDetail,
    patron: 'reads',
    writes: true,
    access: signedIn,
  }),
  'persons.merge': method({
    summary: 'Supervisors: one person recorded twice becomes one record; the history of both is kept.',
    input: z.strictObject({ keepId: Id, mergeId: Id, reason: line('Reason', 500) }),
    output: PersonDetail,
    patron: 'reads',
    writes: true,
    access: supervisors,
  }),
} as const;
