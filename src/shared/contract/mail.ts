import { z } from 'zod';
import { admins, signedIn } from '../roles';
import { method } from './define';
import { Id, IsoTime, NoInput } from './common';
import { EmailAddress, HostName } from './contact-fields';

/**
 * How the desk reaches its mail server: 'starttls' (port 587, encryption required),
 * 'tls' (port 465, encrypted from the start), or 'none' (a relay inside the library's
 * network that offers no encryption: the password would cross the wire readable).
 */
export const MAIL_SECURITY = ['starttls', 'tls', 'none'] as const;
export type MailSecurity = (typeof MAIL_SECURITY)[number];

/** Why a send failed, named so the desk knows whom to ask. */
export const SEND_FAILURES = ['not-configured', 'connection', 'timeout', 'tls', 'auth', 'recipient', 'other'] as const;
export type SendFailure = (typeof SEND_FAILURES)[number];

export const MAIL_LIMITS = { recipients: 10 } as const;

/** What an administrator sees and edits: never the password, only whether one is kept. */
export const MailSettings = z.object({
  host: z.string(),
  port: z.number().int(),
  security: z.enum(MAIL_SECURITY),
  username: z.string(),
  passwordSet: z.boolean(),
  from: z.string(),
  recipients: z.array(z.string()),
  autoSendAtShiftEnd: z.boolean(),
  /** Host, sender and at least one recipient are set. */
  configured: z.boolean(),
  updatedAt: IsoTime.nullable(),
});
export type MailSettings = z.infer<typeof MailSettings>;

/** One try at sending: what went out, and the server's answer in words. */
export const SendAttempt = z.object({
  id: Id,
  at: IsoTime,
  /** null: sent by the desk itself at a shift's end. */
  by: z.object({ id: Id, name: z.string() }).nullable(),
  recipients: z.array(z.string()),
  ok: z.boolean(),
  failure: z.enum(SEND_FAILURES).nullable(),
  /** In words: "Sent to manager@library.org", "The mail server refused the login for vigil". */
  message: z.string(),
  /** What the server said, as it said it (never a password). */
  serverAnswer: z.string(),
});
export type SendAttempt = z.infer<typeof SendAttempt>;

export const mailContract = {
  'mail.settings': method({
    summary: 'The mail server, sender and recipients of the daily report (the password is never returned).',
    input: NoInput,
    output: MailSettings,
    patron: 'none',
    writes: false,
    access: admins,
  }),
  'mail.status': method({
    summary: 'Whether reports can be emailed, and to whom (the recipients an administrator set).',
    input: NoInput,
    output: z.object({ configured: z.boolean(), recipients: z.array(z.string()), autoSendAtShiftEnd: z.boolean() }),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
  'mail.saveSettings': method({
    summary: 'Save the mail server and recipients. password: undefined keeps the stored one, null removes it.',
    input: z.strictObject({
      host: HostName,
      port: z
        .number()
        .int('A port is a whole number')
        .min(1, 'A port is 1 to 65535')
        .max(65_535, 'A port is 1 to 65535'),
      security: z.enum(MAIL_SECURITY),
      username: z
        .string()
        .trim()
        .max(200, 'At most 200 characters')
        .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'The user name must be a single line'),
      password: z.string().max(200, 'At most 200 characters').nullable().optional(),
      from: EmailAddress,
      recipients: z
        .array(EmailAddress)
        .min(1, 'Give at least one address to send reports to')
        .max(MAIL_LIMITS.recipients, `At most ${MAIL_LIMITS.recipients} addresses`),
      autoSendAtShiftEnd: z.boolean(),
    }),
    output: MailSettings,
    patron: 'none',
    writes: true,
    access: admins,
  }),
  'mail.sendTest': method({
    summary: 'Send a short test message to the recipients, to check the settings: answers what the server said.',
    input: NoInput,
    output: SendAttempt,
    patron: 'none',
    writes: false,
    access: admins,
  }),
} as const;
