import { hostname } from 'node:os';
import { fail, ok } from '../shared/result';
import { AuditRepo } from './audit/audit.repo';
import { AuditService } from './audit/audit.service';
import { auditHandlers } from './audit/audit.handlers';
import { AuthService } from './auth/auth.service';
import { authHandlers } from './auth/auth.handlers';
import { BranchesRepo } from './branches/branches.repo';
import { BranchesService } from './branches/branches.service';
import { branchesHandlers } from './branches/branches.handlers';
import { openDatabase, StartupError, type Db } from './db/connection';
import { Journal } from './db/journal';
import { demoAccounts, seedDemo } from './demo/seed';
import { uuidv7 } from './ids';
import { journalHandlers } from './journal/journal.handlers';
import { createDispatch, type Dispatch } from './rpc/dispatch';
import type { FullHandlerTable } from './rpc/handler';
import { Sessions } from './rpc/sessions';
import { SettingsService } from './settings/settings.service';
import { settingsHandlers } from './settings/settings.handlers';
import { StaffRepo } from './staff/staff.repo';
import { StaffService } from './staff/staff.service';
import { staffHandlers } from './staff/staff.handlers';

export interface ServicesOptions {
  dataDir: string;
  demo: boolean;
  shell: 'electron' | 'web';
  version: string;
  log?: (message: string, error?: unknown) => void;
}

export interface Services {
  dispatch: Dispatch;
  sessions: Sessions;
  /** Resolves once start-up work (the demo seed) is done; calls wait for it anyway. */
  ready: Promise<void>;
  /** Leaves an audit trace for a refusal the shell makes itself (a connection without the token). */
  auditRefused(subject: string, detail: string): void;
  close(): void;
}

const IDLE_SWEEP_MS = 15_000;

const defaultLog = (message: string, error?: unknown) =>
  console.error(`[vigil] ${message}`, error instanceof Error ? error.stack : (error ?? ''));

/** This desk's lasting name in the journal: created once, kept in the database. */
function originDesk(db: Db): string {
  const row = db.prepare<[], { value: string }>("SELECT value FROM desk WHERE key = 'desk_id'").get();
  if (row) return row.value;
  const value = `${hostname()}/${uuidv7()}`;
  db.prepare("INSERT INTO desk (key, value) VALUES ('desk_id', ?)").run(value);
  return value;
}

/**
 * The composition root: opens the database and builds every service, shared by
 * both shells. Never throws: when the data cannot be opened, every call answers
 * with the reason, so the window shows it instead of going blank.
 */
export function createServices(opts: ServicesOptions): Services {
  const log = opts.log ?? defaultLog;
  const sessions = new Sessions();
  let db: Db;
  try {
    db = openDatabase(opts.dataDir);
  } catch (e) {
    const message = e instanceof StartupError ? e.message : `Vigil could not start: ${(e as Error).message}`;
    log('startup failed', e);
    return failedServices(opts, sessions, message);
  }

  const journal = new Journal(db, originDesk(db));
  const audit = new AuditService(new AuditRepo(db));
  const staffRepo = new StaffRepo(db);
  const settings = new SettingsService(db, journal, () => {
    for (const s of sessions.list()) if (s.staffId) s.push('session.changed', auth.state(s));
  });

  const staff = new StaffService(db, staffRepo, journal, (staffId) => {
    for (const s of sessions.list()) {
      if (s.staffId !== staffId) continue;
      s.staffId = null;
      s.locked = false;
      s.push('session.changed', { state: 'signedOut' });
    }
  });
  const roleOf = (id: string) => staff.roleOf(id);
  const branches = new BranchesService(db, new BranchesRepo(db), journal, () =>
    sessions.broadcast('branches.changed', {}, roleOf),
  );
  const auth = new AuthService(staff, staffRepo, settings, audit);

  const handlers: FullHandlerTable = {
    'system.info': () => ({
      state: 'ready',
      version: opts.version,
      shell: opts.shell,
      demo: opts.demo,
      demoAccounts: opts.demo ? demoAccounts : [],
      dataDir: opts.dataDir,
    }),
    ...authHandlers(auth),
    ...staffHandlers(staff),
    ...branchesHandlers(branches),
    ...settingsHandlers(settings),
    ...auditHandlers(audit),
    ...journalHandlers(journal),
  };

  const ready = opts.demo
    ? seedDemo(staff, branches).then(
        () => undefined,
        (e: unknown) => log('demo seed failed', e),
      )
    : Promise.resolve();

  const dispatchNow = createDispatch({
    handlers,
    audit,
    roleOf,
    enforceIdle: (session) => {
      if (auth.enforceIdle(session)) session.push('session.changed', auth.state(session));
    },
    log,
  });

  // Main locks idle consoles itself: a renderer that stops reporting cannot keep one open.
  const sweep = setInterval(() => {
    for (const s of sessions.list()) {
      if (auth.enforceIdle(s)) s.push('session.changed', auth.state(s));
    }
  }, IDLE_SWEEP_MS);
  sweep.unref();

  return {
    sessions,
    ready,
    auditRefused: (subject, detail) => audit.record({ staffId: null, action: 'refused', subject, detail }),
    dispatch: async (session, method, input) => {
      await ready;
      return dispatchNow(session, method, input);
    },
    close: () => {
      clearInterval(sweep);
      if (db.open) db.close();
    },
  };
}

function failedServices(opts: ServicesOptions, sessions: Sessions, message: string): Services {
  return {
    sessions,
    ready: Promise.resolve(),
    auditRefused: () => undefined,
    dispatch: (_session, method) =>
      Promise.resolve(
        method === 'system.info'
          ? ok({ state: 'failed' as const, version: opts.version, message, dataDir: opts.dataDir })
          : fail('UNAVAILABLE', message),
      ),
    close: () => undefined,
  };
}
