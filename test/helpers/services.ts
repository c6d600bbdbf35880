import { createServices, type Services, type ServicesOptions } from '../../src/main/services';
import type { Session } from '../../src/main/rpc/sessions';
import type { EventName } from '../../src/shared/contract';
import type { InputOf, MethodName, OutputOf } from '../../src/shared/contract';
import type { Result } from '../../src/shared/result';
import { tempDir } from './temp-dir';
import type { Clock } from '../../src/main/clock';
import type { Log } from '../../src/main/log';
import type { MailTimeouts } from '../../src/main/mail/mail.service';

export interface TestDesk {
  services: Services;
  dataDir: string;
  /** A console: a session with its received events. */
  console(): TestConsole;
  /** Stops camera supervisors (and their ffmpeg), closes the database, removes the folder. */
  close(): Promise<void>;
}

export interface TestConsole {
  session: Session;
  events: { event: EventName; payload: unknown }[];
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>>;
  /** Calls and expects success; throws the error message otherwise. */
  must<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
}

export interface DeskOpts {
  demo?: boolean;
  dataDir?: string;
  clock?: Clock;
  /** Where main's log goes (nowhere by default). */
  log?: Log;
  mailTimeouts?: MailTimeouts;
  /** Tests pretend the replay buffer's disk is nearly full. */
  diskSpace?: ServicesOptions['diskSpace'];
}

export const ADMIN = { name: 'Ada Admin', username: 'ada', passphrase: 'correct horse battery' };

/**
 * Real services on a real SQLite file in a temp folder. Every answer is checked
 * against its contract output: a drift between main and the contract fails the call.
 */
export function testDesk(opts: DeskOpts = {}): TestDesk {
  const dir = opts.dataDir ? undefined : tempDir();
  const dataDir = opts.dataDir ?? dir!.path;
  const services = createServices({
    dataDir,
    demo: opts.demo ?? false,
    shell: 'web',
    version: 'test',
    log: opts.log ?? (() => {}),
    checkOutputs: true,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.diskSpace ? { diskSpace: opts.diskSpace } : {}),
    ...(opts.mailTimeouts ? { mailTimeouts: opts.mailTimeouts } : {}),
  });
  return {
    services,
    dataDir,
    console() {
      const events: TestConsole['events'] = [];
      const session = services.sessions.open((event, payload) => events.push({ event, payload }));
      const call = <M extends MethodName>(method: M, input: InputOf<M>) =>
        services.dispatch(session, method, input) as Promise<Result<OutputOf<M>>>;
      return {
        session,
        events,
        call,
        async must(method, input) {
          const r = await call(method, input);
          if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
          return r.value;
        },
      };
    },
    async close() {
      await services.close();
      dir?.remove();
    },
  };
}

/** A desk with its first administrator created and signed in on the returned console. */
export async function deskWithAdmin(
  opts: Omit<DeskOpts, 'demo' | 'dataDir'> = {},
): Promise<{ desk: TestDesk; admin: TestConsole }> {
  const desk = testDesk(opts);
  const admin = desk.console();
  await admin.must('auth.createAdministrator', { ...ADMIN, confirmPassphrase: ADMIN.passphrase });
  return { desk, admin };
}
