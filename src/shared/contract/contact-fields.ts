import { z } from 'zod';

/**
 * Phone numbers and email addresses as the desk types them, refused at the field when
 * they are not one. Pure checks: the form and main apply the same words.
 */

/** The digits of a number as typed, an extension ("x12", "ext. 12") left aside. */
function phoneDigits(text: string): { digits: string; ok: boolean } {
  const m = /^(\+?[\d\s().-]+?)(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i.exec(text);
  if (!m) return { digits: '', ok: false };
  return { digits: m[1]!.replace(/\D/g, ''), ok: true };
}

/** Why this is not a number to call back (7 to 15 digits, as E.164 allows), or null when it is one. */
export function callbackNumberProblem(text: string): string | null {
  const { digits, ok } = phoneDigits(text.trim());
  if (!ok) return 'A phone number uses digits, spaces, ( ) - . and + only, like 608-555-0134';
  if (digits.length < 7) return 'Too few digits for a phone number: give the whole number';
  if (digits.length > 15) return 'Too many digits for a phone number';
  return null;
}

/**
 * A service's number: an ordinary number, or a short one people really dial for help
 * (211, 311, 988, a 5- or 6-digit text line).
 */
export function servicePhoneProblem(text: string): string | null {
  const { digits, ok } = phoneDigits(text.trim());
  if (ok && digits.length >= 3 && digits.length <= 6 && /^\d+$/.test(text.trim())) return null;
  return callbackNumberProblem(text);
}

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const EMAIL = new RegExp(
  `^[A-Za-z0-9!#$%&'*+/=?^_\`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_\`{|}~-]+)*@${LABEL}(?:\\.${LABEL})+$`,
);

/** Why this is not one plain email address (no name, no list, no spaces), or null. */
export function emailProblem(text: string): string | null {
  const s = text.trim();
  if (s.length === 0) return 'Enter an email address';
  if (s.length > 254) return 'An email address is at most 254 characters';
  if (/[\s,;<>"]/.test(s)) return 'One address only, like manager@library.org (no names, spaces or commas)';
  if (!EMAIL.test(s)) return 'Not an email address: it looks like name@library.org';
  return null;
}

const HOST = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*$`);
const IPV6 = /^[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}$/;

/** Why this is not a server name or address (no scheme, path, port or spaces), or null. */
export function hostProblem(text: string): string | null {
  const s = text.trim();
  if (s.length === 0) return 'Enter the mail server’s name, like smtp.library.org';
  if (/^[a-z]+:\/\//i.test(s)) return 'The server’s name only, without smtp:// or https://';
  if (HOST.test(s) || IPV6.test(s)) return null;
  return 'Not a server name: it looks like smtp.library.org or 10.0.0.25';
}

const withProblem = (problem: (s: string) => string | null) =>
  z
    .string()
    .trim()
    .superRefine((s, ctx) => {
      const p = problem(s);
      if (p) ctx.addIssue({ code: 'custom', message: p });
    });

export const CallbackNumber = z.string().trim().max(40, 'A phone number is at most 40 characters');
export const EmailAddress = withProblem(emailProblem);
export const HostName = withProblem(hostProblem);
export const ServicePhone = z
  .string()
  .trim()
  .max(40, 'A phone number is at most 40 characters')
  .superRefine((s, ctx) => {
    const p = s ? servicePhoneProblem(s) : null;
    if (p) ctx.addIssue({ code: 'custom', message: p });
  });
