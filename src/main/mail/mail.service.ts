import { createTransport } from 'nodemailer';
import type { SecretStore } from '../cameras/secrets';
import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { DomainEvents } from '../events';
import { invalid } from '../errors';
import type { Log } from '../log';
import { emailProblem, hostProblem } from '../../shared/contract/contact-fields';
import type { MailSecurity, MailSettings, SendFailure } from '../../shared/contract/mail';
import type { MailRepo, MailRow } from './mail.repo';
import { describeFailure, refused, scrub } from './send-failure';

export interface SettingsInput {
  host: string;
  port: number;
  security: MailSecurity;
  username: string;
  password?: string | null | undefined;
  from: string;
  recipients: string[];
  autoSendAtShiftEnd: boolean;
}

export interface Message {
  subject: string;
  text: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** What came of one send: always an answer, never a throw. */
export interface SendResult {
  recipients: string[];
  ok: boolean;
  failure: SendFailure | null;
  message: string;
  serverAnswer: string;
}

/**
 * How long the desk waits on a mail server, so a dead or silent one never hangs it:
 * each step has its own limit, and the whole send another.
 */
export interface MailTimeouts {
  connectionMs: number;
  greetingMs: number;
  socketMs: number;
  totalMs: number;
}

export const DEFAULT_TIMEOUTS: MailTimeouts = {
  connectionMs: 10_000,
  greetingMs: 10_000,
  socketMs: 30_000,
  totalMs: 60_000,
};

/** Subject text on one line: nothing typed anywhere can add a header. */
const headerSafe = (s: string) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

/**
 * The desk's mail: the server an administrator set (its password kept in main like
 * camera passwords, sealed by the secret store, never returned or logged), and sending
 * to the recipients set there and nobody else. Main connects to that one server only.
 */
export class MailService {
  constructor(
    private readonly db: Db,
    private readonly repo: MailRepo,
    private readonly secrets: SecretStore,
    private readonly journal: Journal,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly log: Log,
    private readonly timeouts: MailTimeouts = DEFAULT_TIMEOUTS,
  ) {}

  settings(): MailSettings {
    const row = this.repo.get();
    if (!row) {
      return {
        host: '',
        port: 587,
        security: 'starttls',
        username: '',
        passwordSet: false,
        from: '',
        recipients: [],
        autoSendAtShiftEnd: false,
        configured: false,
        updatedAt: null,
      };
    }
    return {
      host: row.host,
      port: row.port,
      security: row.security,
      username: row.username,
      passwordSet: row.passwordEnc !== null,
      from: row.from,
      recipients: row.recipients,
      autoSendAtShiftEnd: row.autoSend,
      configured: configured(row),
      updatedAt: row.updatedAt,
    };
  }

  status(): { configured: boolean; recipients: string[]; autoSendAtShiftEnd: boolean } {
    const s = this.settings();
    return { configured: s.configured, recipients: s.recipients, autoSendAtShiftEnd: s.autoSendAtShiftEnd };
  }

  save(input: SettingsInput, staffId: string): MailSettings {
    this.db
      .transaction(() => {
        const before = this.repo.get();
        const server = (r: Pick<MailRow, 'host' | 'port' | 'security' | 'username'>) =>
          `${r.host.toLowerCase()}|${r.port}|${r.security}|${r.username}`;
        // A stored password goes only to the server it was typed for: a new server or user
        // needs it typed again, so nobody can redirect it by changing the host.
        if (input.password === undefined && before?.passwordEnc && server(before) !== server(input)) {
          throw invalid('Type the password again: the server or user name changed.', {
            password: 'Type the password again for the new server',
          });
        }
        const passwordEnc =
          input.password === undefined
            ? (before?.passwordEnc ?? null)
            : input.password === null || input.password === ''
              ? null
              : this.secrets.encrypt(input.password);
        const row: MailRow = {
          host: input.host.trim(),
          port: input.port,
          security: input.security,
          username: input.username,
          passwordEnc,
          from: input.from,
          recipients: [...new Map(input.recipients.map((r) => [r.toLowerCase(), r])).values()],
          autoSend: input.autoSendAtShiftEnd,
          updatedAt: this.clock.now().toISOString(),
          updatedBy: staffId,
        };
        this.repo.put(row);
        const { passwordEnc: _sealed, ...shown } = row;
        this.journal.append({
          kind: 'mail.settingsUpdated',
          recordId: 'mail-settings',
          actor: staffId,
          payload: { ...shown, passwordSet: passwordEnc !== null },
        });
      })
      .immediate();
    this.events.emit('mail.changed', {});
    return this.settings();
  }

  /**
   * Sends a message to the configured recipients through the configured server, and
   * answers what came of it in words. Never throws; never waits longer than totalMs.
   */
  async send(message: Message): Promise<SendResult> {
    const row = this.repo.get();
    if (!row || !configured(row)) {
      return {
        recipients: row?.recipients ?? [],
        ok: false,
        failure: 'not-configured',
        message: 'Email is not set up: an administrator sets the mail server and recipients in Settings → Email.',
        serverAnswer: '',
      };
    }
    let password: string | null = null;
    try {
      password = row.passwordEnc ? this.secrets.decrypt(row.passwordEnc) : null;
    } catch {
      return {
        recipients: row.recipients,
        ok: false,
        failure: 'auth',
        message:
          'The stored mail password cannot be read on this machine: an administrator types it again in Settings → Email.',
        serverAnswer: '',
      };
    }
    const clean = (s: string) => scrub(s, row.username, password);
    const transport = createTransport({
      host: row.host,
      port: row.port,
      secure: row.security === 'tls',
      requireTLS: row.security === 'starttls',
      ignoreTLS: row.security === 'none',
      ...(row.username ? { auth: { user: row.username, pass: password ?? '' } } : {}),
      connectionTimeout: this.timeouts.connectionMs,
      greetingTimeout: this.timeouts.greetingMs,
      socketTimeout: this.timeouts.socketMs,
      dnsTimeout: this.timeouts.connectionMs,
      // Never a logger: with one, nodemailer would write the SMTP dialogue, login included.
      logger: false,
      debug: false,
      // What goes out is built here; nothing in a message may make main read a file or fetch a URL.
      disableFileAccess: true,
      disableUrlAccess: true,
      tls: { minVersion: 'TLSv1.2' },
    });
    const server = { host: row.host, port: row.port, username: row.username };
    let timer: NodeJS.Timeout | undefined;
    const started = performance.now();
    try {
      const deadline = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(
          () => reject(Object.assign(new Error('Timeout'), { code: 'ETIMEDOUT' })),
          this.timeouts.totalMs,
        );
      });
      const sending = transport.sendMail({
        from: row.from,
        to: row.recipients,
        subject: headerSafe(message.subject),
        text: message.text,
        attachments: message.attachments ?? [],
      });
      // Past the deadline the transport is closed, and its late refusal has nobody to tell.
      sending.catch(() => undefined);
      const info = await Promise.race([sending, deadline]);
      const rejected = (info.rejected ?? []).map(String);
      const accepted = (info.accepted ?? []).map(String);
      if (rejected.length > 0) {
        const outcome = refused(rejected, accepted, clean(String(info.response ?? '')));
        return { recipients: row.recipients, ok: false, ...outcome, message: clean(outcome.message) };
      }
      return {
        recipients: row.recipients,
        ok: true,
        failure: null,
        message: `Sent to ${accepted.join(', ')}`,
        serverAnswer: clean(String(info.response ?? '')).slice(0, 500),
      };
    } catch (e) {
      const waited = Math.max(1, Math.round((performance.now() - started) / 1000));
      const outcome = describeFailure(e, server, waited);
      this.log(`sending mail through ${row.host}:${row.port} failed: ${clean(outcome.serverAnswer)}`);
      return {
        recipients: row.recipients,
        ok: false,
        failure: outcome.failure,
        message: clean(outcome.message),
        serverAnswer: clean(outcome.serverAnswer),
      };
    } finally {
      clearTimeout(timer);
      transport.close();
    }
  }
}

/** Host, sender and at least one recipient, each still well-formed. */
function configured(row: MailRow): boolean {
  return (
    hostProblem(row.host) === null &&
    emailProblem(row.from) === null &&
    row.recipients.length > 0 &&
    row.recipients.every((r) => emailProblem(r) === null)
  );
}
