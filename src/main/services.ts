import { hostname } from 'node:os';
import { fail, ok } from '../shared/result';
import { AuditRepo } from './audit/audit.repo';
import { AuditService } from './audit/audit.service';
import type { Refusal } from './audit/refusals';
import { auditHandlers } from './audit/audit.handlers';
import { AuthService } from './auth/auth.service';
import { authHandlers } from './auth/auth.handlers';
import { SignInGuard } from './auth/sign-in-guard';
import { SignInGuardRepo } from './auth/sign-in-guard.repo';
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
import { CamerasService } from './cameras/cameras.service';
import { camerasHandlers } from './cameras/cameras.handlers';
import { connectingHealth } from './cameras/cameras.repo';
import { keyFileSecretStore, type SecretStore } from './cameras/secrets';
import { ViewsService } from './wall/views.service';
import { viewsHandlers } from './wall/views.handlers';
import { SnapshotsService } from './snapshots/snapshots.service';
import { snapshotsHandlers } from './snapshots/snapshots.handlers';
import type { StreamHealth } from '../shared/contract/cameras';
import { findFfmpeg } from './cameras/ffmpeg';
import { createMediaHandler } from './cameras/media';
import type { MediaResponse } from './cameras/media-response';
import { CameraSupervision } from './cameras/supervision';
import { attachmentPath } from './snapshots/attachments';
import { startDemoCameras } from './demo/demo-cameras';
import { GuidelinesRepo } from './guidelines/guidelines.repo';
import { GuidelinesService } from './guidelines/guidelines.service';
import { guidelinesHandlers } from './guidelines/guidelines.handlers';
import { PersonsRepo } from './people/persons.repo';
import { PersonsService } from './people/persons.service';
import { peopleHandlers } from './people/persons.handlers';
import { IncidentsService } from './incidents/incidents.service';
import { incidentsHandlers } from './incidents/incidents.handlers';
import { seedDemoIncidents } from './demo/incidents';
import { IncidentPdfService } from './reports/incident-pdf.service';
import { AttachmentsService } from './attachments/attachments.service';
import { attachmentsHandlers } from './attachments/attachments.handlers';

export interface ServicesOptions {
  dataDir: string;
  demo: boolean;
  shell: 'electron' | 'web';
  version: string;
  log?: (message: string, error?: unknown) => void;
  /** Encrypts camera passwords at rest: Electron passes safeStorage; by default a key file in dataDir. */
  secrets?: SecretStore;
  /** ffmpeg as set by the administrator; otherwise VIGIL_FFMPEG, the bundled one, then PATH. */
  ffmpegPath?: string | null;
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
  /** The one media path: `path` is what follows /media/ (key, camera, stream, file). */
  media(path: string, method: string): Promise<MediaResponse>;
  /** Resolves once every camera's ffmpeg has exited and the database is closed. */
  close(): Promise<void>;
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
  const guard = new SignInGuard(new SignInGuardRepo(db), Date.now);
  const auth = new AuthService(staff, staffRepo, settings, audit, guard);

  // Set by close(): health pushes read staff roles from the database, which is then gone.
  let closing = false;
  const ffmpegPath = findFfmpeg({ setting: opts.ffmpegPath });
  const supervision = new CameraSupervision({
    dataDir: opts.dataDir,
    ffmpegPath,
    onHealth: (h) => {
      if (!closing) sessions.broadcast('camera.health', h, roleOf);
    },
    log,
  });
  // Until supervisors report, every stream is 'connecting' since its camera was added.
  const cameraHealth = (cameraId: string): StreamHealth[] => {
    const reported = supervision.health(cameraId);
    return reported.length > 0 ? reported : connectingHealth(db, cameraId);
  };
  const onCamerasChanged = () => {
    supervision.sync(cameras.sources());
    sessions.broadcast('cameras.changed', {}, roleOf);
  };
  const cameras = new CamerasService(
    db,
    journal,
    branches,
    opts.secrets ?? keyFileSecretStore(opts.dataDir),
    (cameraId) => cameraHealth(cameraId),
    () => onCamerasChanged(),
  );
  supervision.sync(cameras.sources());
  const media = createMediaHandler({ sessions, roleOf, supervision, dataDir: opts.dataDir, audit, attachmentPath });
  const views = new ViewsService(db);
  const snapshots = new SnapshotsService(db, journal, audit, opts.dataDir, () =>
    sessions.broadcast('snapshots.changed', {}, roleOf),
  );

  const guidelines = new GuidelinesService(db, new GuidelinesRepo(db), journal);
  guidelines.seedDefaults();
  const persons = new PersonsService(db, new PersonsRepo(db), journal, audit);
  const incidents = new IncidentsService(db, journal, audit, roleOf);
  const attachments = new AttachmentsService(db, journal, audit, opts.dataDir);
  const incidentPdf = new IncidentPdfService(db, audit, opts.dataDir, (id, staffId) => incidents.filed(id, staffId));

  const handlers: FullHandlerTable = {
    'system.info': (_input, { session }) => ({
      state: 'ready',
      version: opts.version,
      shell: opts.shell,
      demo: opts.demo,
      demoAccounts: opts.demo ? demoAccounts : [],
      // Where the records live on disk is an administrator's business, not a signed-out page's.
      dataDir: session.staffId && !session.locked && roleOf(session.staffId) === 'admin' ? opts.dataDir : null,
    }),
    ...authHandlers(auth),
    ...staffHandlers(staff, guard, audit),
    ...branchesHandlers(branches),
    ...settingsHandlers(settings),
    ...auditHandlers(audit),
    ...journalHandlers(journal),
    ...camerasHandlers(cameras, supervision),
    ...viewsHandlers(views),
    ...snapshotsHandlers(snapshots),
    ...guidelinesHandlers(guidelines),
    ...peopleHandlers(persons),
    ...incidentsHandlers(incidents, incidentPdf),
    ...attachmentsHandlers(attachments),
  };

  const ready = opts.demo
    ? seedDemo(staff, branches).then(
        (seeded) => {
          if (seeded) seedDemoIncidents({ db, journal, audit, roleOf, staff, branches, guidelines });
        },
        (e: unknown) => log('demo seed failed', e),
      )
    : Promise.resolve();

  // A training desk gets synthetic cameras once its branches exist, when there is an ffmpeg to draw them.
  const demoCameras =
    opts.demo && ffmpegPath
      ? ready
          .then(() =>
            closing
              ? null
              : startDemoCameras({ dataDir: opts.dataDir, ffmpegPath, branches: branches.list(), cameras, log }),
          )
          .catch((e: unknown) => {
            log('demo cameras failed', e);
            return null;
          })
      : Promise.resolve(null);

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
    auditRefused: (refusal) => audit.refused({ ...refusal, staffId: null }),
    flushAudit: () => audit.flush(),
    dispatch: async (session, method, input) => {
      await ready;
      return dispatchNow(session, method, input);
    },
    media,
    // The database closes at once (callers may open it next); the returned promise waits for ffmpeg.
    close: () => {
      clearInterval(sweep);
      closing = true;
      if (db.open) audit.flush();
      const stopped = Promise.all([supervision.close(), demoCameras.then((demo) => demo?.close())]);
      if (db.open) db.close();
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
    close: () => Promise.resolve(),
  };
}
