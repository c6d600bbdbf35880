import { z } from 'zod';
import { signedIn, admins } from '../roles';
import { method } from './define';
import { Id, NoInput, line } from './common';
import { minutesOf } from '../opening-hours';

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

/** "20:00": a time of day on the 24-hour clock, local to the branch. */
export const TimeOfDay = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'Enter a time as HH:MM on the 24-hour clock, for example 20:00')
  .transform((t) => t.padStart(5, '0'));

/** "2026-12-24": a calendar date. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD, for example 2026-12-24')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().startsWith(d);
  }, 'That date does not exist');

export const WeekdayHours = z.object({
  weekday: z.number().int().min(1).max(7),
  opens: z.string(),
  closes: z.string(),
});
export const SpecialDay = z.object({
  date: z.string(),
  opens: z.string().nullable(),
  closes: z.string().nullable(),
  note: z.string(),
});
export type SpecialDay = z.infer<typeof SpecialDay>;

/** A branch's opening hours: weekdays without an entry are closed; a special day overrides its weekday. */
export const OpeningHours = z.object({ weekly: z.array(WeekdayHours), special: z.array(SpecialDay) });
export type OpeningHours = z.infer<typeof OpeningHours>;

export const Branch = z.object({
  id: Id,
  name: z.string(),
  code: z.string(),
  address: z.string(),
  timeZone: z.string(),
  retired: z.boolean(),
  zones: z.array(Zone),
  hours: OpeningHours,
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
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'branches.add': method({
    summary: 'Add a branch.',
    input: z.strictObject(BranchFields),
    output: Branch,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'branches.update': method({
    summary: 'Edit a branch’s name, code, address or time zone.',
    input: z.strictObject({ id: Id, ...BranchFields }),
    output: Branch,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'branches.setRetired': method({
    summary: 'Retire a branch (kept for its records) or bring it back.',
    input: z.strictObject({ id: Id, retired: z.boolean() }),
    output: Branch,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'branches.setWeeklyHours': method({
    summary: 'Set a branch’s opening hours for each weekday (days left out are closed).',
    input: z
      .strictObject({
        branchId: Id,
        weekly: z
          .array(
            z
              .strictObject({ weekday: z.number().int().min(1).max(7), opens: TimeOfDay, closes: TimeOfDay })
              .refine((d) => minutesOf(d.closes) > minutesOf(d.opens), {
                message: 'Closing must be later than opening on the same day',
                path: ['closes'],
              }),
          )
          .max(7),
      })
      .refine((v) => new Set(v.weekly.map((d) => d.weekday)).size === v.weekly.length, {
        message: 'Each weekday once',
        path: ['weekly'],
      }),
    output: Branch,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'branches.setSpecialDay': method({
    summary: 'Set a date’s own hours, or close the branch that day (a holiday); replaces that date’s entry.',
    input: z
      .strictObject({
        branchId: Id,
        date: LocalDate,
        closed: z.boolean(),
        opens: TimeOfDay.nullable().default(null),
        closes: TimeOfDay.nullable().default(null),
        note: z.string().trim().max(80, 'At most 80 characters').default(''),
      })
      .superRefine((v, ctx) => {
        if (v.closed) return;
        if (!v.opens)
          ctx.addIssue({ code: 'custom', message: 'Enter the opening time, or mark the day closed', path: ['opens'] });
        if (!v.closes)
          ctx.addIssue({ code: 'custom', message: 'Enter the closing time, or mark the day closed', path: ['closes'] });
        if (v.opens && v.closes && minutesOf(v.closes) <= minutesOf(v.opens)) {
          ctx.addIssue({
            code: 'custom',
            message: 'Closing must be later than opening on the same day',
            path: ['closes'],
          });
        }
      }),
    output: Branch,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'branches.removeSpecialDay': method({
    summary: 'Remove a date’s special hours: the weekday’s hours apply again.',
    input: z.strictObject({ branchId: Id, date: LocalDate }),
    output: Branch,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'zones.add': method({
    summary: 'Add a zone to a branch.',
    input: z.strictObject({ branchId: Id, ...ZoneFields }),
    output: Branch,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'zones.update': method({
    summary: 'Edit a zone.',
    input: z.strictObject({ id: Id, ...ZoneFields }),
    output: Branch,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'zones.setRetired': method({
    summary: 'Retire a zone (kept for its records) or bring it back.',
    input: z.strictObject({ id: Id, retired: z.boolean() }),
    output: Branch,
    patron: 'none',
    writes: true,
    access: admins,
  }),
} as const;
