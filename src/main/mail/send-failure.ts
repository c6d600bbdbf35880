import type { SendFailure } from '../../shared/contract/mail';

/** What nodemailer's errors carry that says what went wrong. */
interface MailError {
  message?: unknown;
  code?: unknown;
  originalCode?: unknown;
  response?: unknown;
  responseCode?: unknown;
  command?: unknown;
  rejected?: unknown;
}

export interface Outcome {
  failure: SendFailure;
  message: string;
  serverAnswer: string;
}

export interface Server {
  host: string;
  port: number;
  username: string;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
/** One line, bounded: a server's answer is shown, never allowed to fill the screen or the log. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 500);

/**
 * A failed send in the desk's words, naming which part failed (the connection, the
 * time it took, encryption, the login, a recipient), and the server's own answer beside
 * it. The password is never part of either: see scrub().
 */
export function describeFailure(error: unknown, server: Server, waitedSeconds: number): Outcome {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as MailError;
  const code = text(e.code);
  const original = text(e.originalCode);
  const message = text(e.message);
  const answer = oneLine(text(e.response) || message);
  const at = `${server.host}:${server.port}`;
  const sys = `${original} ${message}`;

  if (code === 'ETIMEDOUT' || /\btimed? ?out\b/i.test(message)) {
    return {
      failure: 'timeout',
      message: `The mail server at ${at} did not answer within ${waitedSeconds} seconds. The report is kept: try again later.`,
      serverAnswer: answer,
    };
  }
  if (code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(sys)) {
    return {
      failure: 'connection',
      message: `The mail server “${server.host}” was not found. Check its name in Settings → Email.`,
      serverAnswer: answer,
    };
  }
  if (/ECONNREFUSED/.test(sys)) {
    return {
      failure: 'connection',
      message: `Could not connect to the mail server at ${at}: the connection was refused. Is the server running, and is the port right?`,
      serverAnswer: answer,
    };
  }
  if (
    /EHOSTUNREACH|ENETUNREACH|ECONNRESET|EPIPE/.test(sys) ||
    (code === 'ESOCKET' && !/SSL|TLS|certificate/i.test(message))
  ) {
    return {
      failure: 'connection',
      message: `The connection to the mail server at ${at} failed. The report is kept: try again later.`,
      serverAnswer: answer,
    };
  }
  if (code === 'ETLS' || /SSL|TLS|certificate|wrong version number/i.test(message)) {
    return {
      failure: 'tls',
      message: `A secure connection to the mail server at ${at} could not be made. Check the security setting in Settings → Email (STARTTLS on port 587, TLS on port 465).`,
      serverAnswer: answer,
    };
  }
  if (code === 'EAUTH' || code === 'ENOAUTH') {
    return {
      failure: 'auth',
      message: server.username
        ? `The mail server refused the login for “${server.username}”. Check the user name and password in Settings → Email.`
        : 'The mail server asks for a login: set a user name and password in Settings → Email.',
      serverAnswer: answer,
    };
  }
  if (code === 'EENVELOPE' && text(e.command) === 'MAIL FROM') {
    return {
      failure: 'other',
      message: 'The mail server refused the sender address. Check “Send from” in Settings → Email.',
      serverAnswer: answer,
    };
  }
  if (code === 'EENVELOPE' && Array.isArray(e.rejected) && e.rejected.length > 0) {
    return refused(e.rejected.map(String), [], answer);
  }
  if (code === 'ECONNECTION') {
    return {
      failure: 'connection',
      message: `The mail server at ${at} closed the connection. The report is kept: try again later.`,
      serverAnswer: answer,
    };
  }
  return {
    failure: 'other',
    message: `The mail server at ${at} did not take the message. The report is kept: try again.`,
    serverAnswer: answer,
  };
}

/** Some or all recipients refused: named, with whoever did receive it. */
export function refused(rejected: readonly string[], accepted: readonly string[], answer: string): Outcome {
  const who = rejected.join(', ');
  const sent = accepted.length ? `It was sent to ${accepted.join(', ')}, but the` : 'The';
  return {
    failure: 'recipient',
    message: `${sent} mail server refused the recipient ${who}. Check the address in Settings → Email.`,
    serverAnswer: oneLine(answer),
  };
}

/**
 * Takes every form of the password out of a text (as typed, and as AUTH PLAIN and AUTH
 * LOGIN carry it in base64) before it is kept, shown or logged. Nodemailer does not put
 * credentials in its errors today; this keeps it so if that ever changes.
 */
export function scrub(value: string, username: string, password: string | null): string {
  if (!password) return value;
  const forms = new Set([
    password,
    Buffer.from(password, 'utf8').toString('base64'),
    Buffer.from(`\u0000${username}\u0000${password}`, 'utf8').toString('base64'),
    Buffer.from(`${username}\u0000${username}\u0000${password}`, 'utf8').toString('base64'),
  ]);
  let out = value;
  for (const f of forms) if (f.length >= 3) out = out.split(f).join('•••');
  return out;
}
