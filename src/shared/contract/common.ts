import { z } from 'zod';

/** Ids are UUIDv7 text. */
export const Id = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'Not a valid id');
export const IsoTime = z.iso.datetime({ error: 'Enter a date and time' });
/** Inputs with no fields still must be an empty object, so extra keys are refused. */
export const NoInput = z.strictObject({});

/** Trimmed, non-empty single-line text with a length cap; control characters refused. */
export const line = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), `${label} must be a single line of text`);

export const Passphrase = z
  .string()
  .min(10, 'Passphrase must be at least 10 characters')
  .max(256, 'Passphrase must be at most 256 characters');

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'Username must be at least 2 characters')
  .max(40, 'Username must be at most 40 characters')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'Username may use letters, digits, dot, dash and underscore');

/** Multi-line text: newlines and tabs allowed, other control characters refused (they never come from a keyboard). */
export const multiline = (label: string, max: number) =>
  z
    .string()
    .max(max, `${label} must be at most ${max.toLocaleString('en-US')} characters`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), `${label} contains a control character`);

/** A calendar date, YYYY-MM-DD (a birth date, a posting date): no time, no zone. */
export const CalendarDate = z.iso.date({ error: 'Enter a date as YYYY-MM-DD' });
