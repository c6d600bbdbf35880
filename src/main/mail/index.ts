import type { SecretStore } from '../cameras/secrets';
import type { DeskKernel, Kernel } from '../kernel';
import { mailHandlers } from './mail.handlers';
import { MailRepo } from './mail.repo';
import { DEFAULT_TIMEOUTS, MailService, type MailTimeouts } from './mail.service';

export interface MailOptions {
  /** Seals the password at rest: the same store as camera passwords. */
  secrets: SecretStore;
  timeouts?: MailTimeouts;
}

/** The service alone, on any kernel (tests give it short timeouts). */
export function mailService(k: Kernel, opts: MailOptions): MailService {
  return new MailService(
    k.db,
    new MailRepo(k.db),
    opts.secrets,
    k.journal,
    k.events,
    k.clock,
    k.log,
    opts.timeouts ?? DEFAULT_TIMEOUTS,
  );
}

/**
 * Email: the desk's mail server and the recipients of its reports (Settings → Email,
 * administrators only), and sending through nodemailer from main. The password never
 * leaves main: no method returns it, and nothing logs it.
 */
export function createMail(
  k: DeskKernel,
  ports: { staff: { names(ids: readonly string[]): Map<string, string> } },
  opts: MailOptions,
) {
  const service = mailService(k, opts);
  k.events.on('mail.changed', () => k.consoles.broadcast('mail.changed', {}));
  const nameOf = (id: string) => ports.staff.names([id]).get(id) ?? '(unknown)';
  return { service, handlers: mailHandlers(service, k.clock, nameOf) };
}

export type { MailService, Message, SendResult } from './mail.service';
