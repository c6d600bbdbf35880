import type { MailTimeouts } from './mail/mail.service';
import { fail, ok } from '../shared/result';
import type { Refusal } from './audit/refusals';
import { findFfmpeg } from './cameras/ffmpeg';
import type { MediaResponse } from './cameras/media-response';
import { keyFileSecretStore, type SecretStore } from './cameras/secrets';
import { ShiftedClock, systemClock, type Clock } from './clock';
import { openDatabase, StartupError, type Db } from './db/connection';
import { claimForTestClock } from './db/desk';
import { claimDataFolder } from './db/data-lock';
import { startTrainingDesk } from './demo';
import { buildDesk, type DeskOptions } from './desk';
import type { ChooseFolder } from './reports/evidence.service';
import { applyPendingRestore } from './maintenance';
import { consoleLog, type Log } from './log';
import { createDispatch, type Dispatch } from './rpc/dispatch';
import type { FullHandlerTable } from './rpc/handler';
import { Sessions } from './rpc/sessions';
import { systemHandlers } from './system/system.handlers';

export interface ServicesOptions {
  dataDir: string;
  demo: boolean;
  shell: 'electron' | 'web';
  version: string;
  log?: Log;
  /** Encrypts camera passwords at rest: Electron passes safeStorage; by default a key file in dataDir. */
  secrets?: SecretStore;
  /** ffmpeg as set by the administrator; otherwise VIGIL_FFMPEG, the bundled one, then PATH. */
  ffmpegPath?: string | null;
  /** Main's clock: the system's, unless a test sets one. */
  clock?: Clock;
  /**
   * The web shell's --test-clock: main's clock can be moved through system.setTestClock.
   * Refused for a data folder that holds a real desk's records (db/desk.ts).
   */
  testClock?: boolean;
  /** Parse every answer against its contract output (tests): a drift fails the call. */
  checkOutputs?: boolean;
  /** Electron's folder chooser, for evidence exports; a browser types the folder instead. */
  chooseFolder?: ChooseFolder;
  /** Tests pretend the replay buffer's disk is nearly full. */
  diskSpace?: DeskOptions['diskSpace'];
  /** How long to wait on the mail server (tests shorten it). */
  mailTimeouts?: MailTimeouts;
}

export interface Services {
  dispatch: Dispatch;
  sessions: Sessions;
  /** Resolves once start-up work (the demo seed) is done; calls wait for it anyway. */
  ready: Promise<void>;
  /** Leaves an audit trace for a refusal the shell makes itself (a connection without the token). */
  auditRefused(refusal: Omit<Refusal, 'staffId'>): void;
  /** Writes the counted repeats of refusals now, instead of at the end of their window. */
  flushAudit(): void;
  /** The one media path: `path` is what follows /media/ (key, camera, stream, file); `range` the Range header. */
  media(path: string, method: string, range?: string | null): Promise<MediaResponse>;
  /**
   * Whether the window's content is kept out of screen capture (Electron's
   * setContentProtection): called now and on every change. Returns the unsubscribe.
   */
  watchScreenCapture(listener: (blocked: boolean) => void): () => void;
  /** Resolves once every camera's ffmpeg has exited and the database is closed. */
  close(): Promise<void>;
}

const IDLE_SWEEP_MS = 15_000;

/**
 * The composition root both shells use: opens the database, builds the desk (every
 * domain, desk.ts), starts camera supervision and the training seed, and puts one
 * dispatch in front of it all. Never throws: when the data cannot be opened, every
 * call answers with the reason, so the window shows it instead of going blank.
 */
export function createServices(opts: ServicesOptions): Services {
  const log = opts.log ?? consoleLog;
  const testClock = opts.testClock ? new ShiftedClock() : null;
  const clock = testClock ?? opts.clock ?? systemClock;
  const sessions = new Sessions(clock);
  let db: Db;
  let restored: ReturnType<typeof applyPendingRestore> = null;
  let release = () => {};
  try {
    // One desk per data folder, claimed before a pending restore swaps anything in it.
    try {
      release = claimDataFolder(opts.dataDir);
    } catch (e) {
      // A folder Vigil cannot write: openDatabase says so in its own words below.
      if (e instanceof StartupError) throw e;
    }
    // A restore an administrator asked for is done now, before anything opens the database.
    restored = applyPendingRestore(opts.dataDir, clock.now());
    if (restored) log(`restored backup ${restored.restored}; the previous data is in ${restored.movedAsideTo}`);
    db = openDatabase(opts.dataDir);
  } catch (e) {
    release();
    const message = e instanceof StartupError ? e.message : `Vigil could not start: ${(e as Error).message}`;
    log('startup failed', e);
    return failedServices(opts, sessions, message);
  }

  const ffmpegPath = findFfmpeg({ setting: opts.ffmpegPath });
  const desk = buildDesk({
    db,
    dataDir: opts.dataDir,
    clock,
    log,
    sessions,
    secrets: opts.secrets ?? keyFileSecretStore(opts.dataDir),
    ffmpegPath,
    chooseFolder: opts.chooseFolder,
    diskSpace: opts.diskSpace,
    ...(opts.mailTimeouts ? { mailTimeouts: opts.mailTimeouts } : {}),
  });
  if (testClock) {
    try {
      claimForTestClock(db, desk.staff.service.count() > 0);
    } catch (e) {
      db.close();
      release();
      log('startup refused', e);
      return failedServices(opts, sessions, (e as Error).message);
    }
  }
  if (restored) {
    // The request's own entry went aside with the old data: the restored log says it happened.
    desk.kernel.audit.record({
      staffId: null,
      action: 'read',
      subject: 'restore',
      recordId: restored.restored,
      detail:
        `backup ${restored.restored} restored at start, as staff ${restored.requestedBy} asked at ${restored.requestedAt}; ` +
        `the previous data is in ${restored.movedAsideTo}`,
    });
  }
  // What earlier runs recorded is listed before the cameras hand over new segments.
  desk.replay.start();
  const swept = desk.attachments.service.sweepFiles();
  if (swept > 0) log(`removed ${swept} attachment files left without a record by an interrupted save`);
  desk.cameras.start();
  // Every console follows main's clock (the test clock moves it), signed in or not.
  desk.kernel.events.on('clock.changed', (p) => desk.kernel.consoles.all().forEach((s) => s.push('clock.changed', p)));
  desk.alerts.scheduler.refresh();
  const training = opts.demo ? startTrainingDesk(desk, { ffmpegPath, dataDir: opts.dataDir }) : null;
  const ready = (training?.ready ?? Promise.resolve()).then(() => desk.alerts.scheduler.refresh());
  // The journal is walked once the training seed (if any) has written: the check covers what the desk opens with.
  void ready.then(() => desk.maintenance.start());
  desk.retention.start();
  const { auth } = desk;

  const handlers: FullHandlerTable = {
    ...systemHandlers(opts, { roleOf: desk.roleOf, clock, testClock, events: desk.kernel.events, sessions }),
    ...desk.handlers,
  };
  const dispatchNow = createDispatch({
    handlers,
    audit: desk.kernel.audit,
    roleOf: desk.roleOf,
    enforceIdle: (session) => {
      if (auth.service.enforceIdle(session)) session.push('session.changed', auth.service.state(session));
    },
    log,
    checkOutputs: opts.checkOutputs ?? false,
    testMethods: testClock !== null,
  });

  // Main locks idle consoles itself: a renderer that stops reporting cannot keep one open.
  const sweep = setInterval(() => {
    for (const s of sessions.list()) {
      if (auth.service.enforceIdle(s)) s.push('session.changed', auth.service.state(s));
    }
  }, IDLE_SWEEP_MS);
  sweep.unref();

  return {
    sessions,
    ready,
    auditRefused: (refusal) => desk.kernel.audit.refused({ ...refusal, staffId: null }),
    flushAudit: () => desk.kernel.audit.flush(),
    dispatch: async (session, method, input) => {
      await ready;
      return dispatchNow(session, method, input);
    },
    media: desk.media,
    watchScreenCapture: (listener) => {
      const current = () => listener(desk.settings.service.get().blockScreenCapture);
      current();
      return desk.kernel.events.on('settings.changed', current);
    },
    // The database closes at once (callers may open it next); the returned promise waits for ffmpeg.
    close: () => {
      clearInterval(sweep);
      desk.alerts.close();
      desk.replay.close();
      desk.maintenance.close();
      desk.retention.close();
      const stopped = Promise.all([desk.cameras.close(), training?.close(), desk.replay.postersMade()]);
      if (db.open) {
        desk.kernel.audit.flush();
        db.close();
        release();
      }
      return stopped.then(() => undefined);
    },
  };
}

function failedServices(opts: ServicesOptions, sessions: Sessions, message: string): Services {
  return {
    sessions,
    ready: Promise.resolve(),
    auditRefused: () => undefined,
    flushAudit: () => undefined,
    dispatch: (_session, method) =>
      Promise.resolve(
        method === 'system.info'
          ? ok({ state: 'failed' as const, version: opts.version, message, dataDir: opts.dataDir })
          : fail('UNAVAILABLE', message),
      ),
    media: () =>
      Promise.resolve({ status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: message }),
    // Nothing to protect but the message; protected anyway, as by default.
    watchScreenCapture: (listener) => {
      listener(true);
      return () => undefined;
    },
    close: () => Promise.resolve(),
  };
}
