import { createActivity } from './activity';
import { createAlerts } from './alerts';
import { createAttachments } from './attachments';
import { createBans } from './bans';
import { attachmentPath } from './attachments/store';
import { DisclosuresRepo } from './audit/disclosures.repo';
import { AuditRepo } from './audit/audit.repo';
import { AuditService } from './audit/audit.service';
import { createAuditLog } from './audit';
import { createAuth } from './auth';
import { createBranches } from './branches';
import { createCalls } from './calls';
import { createCameras } from './cameras';
import { createClosing } from './closing';
import { createCommunity } from './community';
import { createMediaHandler } from './cameras/media';
import type { SecretStore } from './cameras/secrets';
import type { Clock } from './clock';
import type { Db } from './db/connection';
import { originDesk } from './db/desk';
import { Journal } from './db/journal';
import { DomainEvents } from './events';
import { createEvacuation } from './evacuation';
import { createGuidelines } from './guidelines';
import { createIncidents } from './incidents';
import { createMail } from './mail';
import type { MailTimeouts } from './mail/mail.service';
import { createJournalMethods } from './journal';
import { createMaintenance } from './maintenance';
import { VERSION } from './version';
import type { DeskKernel, Kernel } from './kernel';
import type { Log } from './log';
import { createPeople } from './people';
import { createReports } from './reports';
import { createRounds } from './rounds';
import type { ChooseFolder } from './reports/evidence.service';
import { createReplay, type ReplayOptions } from './replay';
import { createRetention } from './retention';
import { Consoles } from './rpc/consoles';
import type { Sessions } from './rpc/sessions';
import { createSettings } from './settings';
import { createShifts } from './shifts';
import { createStaff } from './staff';
import { createWall } from './wall';

export interface DeskOptions {
  db: Db;
  dataDir: string;
  clock: Clock;
  log: Log;
  sessions: Sessions;
  secrets: SecretStore;
  ffmpegPath: string | null;
  /** Tests pretend the replay buffer's disk is full. */
  diskSpace?: ReplayOptions['diskSpace'];
  /** The shell's folder chooser for evidence exports (Electron); absent in a browser. */
  chooseFolder?: ChooseFolder;
  mailTimeouts?: MailTimeouts;
}

/**
 * Every domain, built in dependency order from its factory (`<domain>/index.ts`),
 * each given the kernel and the services of the domains before it. Adding a domain
 * is one line here (and its handlers in the list below). Starts nothing: services.ts
 * starts camera supervision for a desk that serves consoles.
 */
export function buildDesk(o: DeskOptions) {
  const base: Kernel = {
    db: o.db,
    journal: new Journal(o.db, originDesk(o.db), o.clock),
    audit: new AuditService(new AuditRepo(o.db), new DisclosuresRepo(o.db), o.clock),
    clock: o.clock,
    events: new DomainEvents(o.log),
    dataDir: o.dataDir,
    log: o.log,
  };
  const staff = createStaff(base);
  const roleOf = (id: string) => staff.service.roleOf(id);
  const k: DeskKernel = { ...base, consoles: new Consoles(o.sessions, roleOf) };

  const alerts = createAlerts(k);
  const settings = createSettings(k);
  const auth = createAuth(k, { staff: staff.service, settings: settings.service });
  const auditLog = createAuditLog(k, { staff: staff.service });
  const journal = createJournalMethods(k);
  const branches = createBranches(k);
  const cameras = createCameras(k, { branches: branches.service }, { secrets: o.secrets, ffmpegPath: o.ffmpegPath });
  const attachments = createAttachments(k, { cameras: cameras.service, staff: staff.service });
  const wall = createWall(k, { cameras: cameras.service });
  const guidelines = createGuidelines(k, { staff: staff.service });
  const people = createPeople(k, { roleOf, pictures: attachments.service });
  const incidentPorts = {
    roleOf,
    branches: branches.service,
    staff: staff.service,
    guidelines: guidelines.service,
    people: people.service,
    cameras: cameras.service,
    attachments: attachments.service,
    journal: k.journal,
  };
  const incidents = createIncidents(k, incidentPorts);
  const banPorts = {
    roleOf,
    staff: staff.service,
    branches: branches.service,
    guidelines: guidelines.service,
    people: people.service,
    incidents: incidents.service,
    journal: k.journal,
  };
  const bans = createBans(k, banPorts, alerts);
  const calls = createCalls(
    k,
    { branches: branches.service, staff: staff.service, incidents: incidents.service },
    alerts,
  );
  const evacuation = createEvacuation(k, { branches: branches.service, staff: staff.service }, alerts);
  const closing = createClosing(k, { branches: branches.service, staff: staff.service, journal: k.journal }, alerts);
  const rounds = createRounds(k, { branches: branches.service, staff: staff.service, journal: k.journal }, alerts);
  const replay = createReplay(
    k,
    {
      roleOf,
      cameras: cameras.service,
      branches: branches.service,
      staff: staff.service,
      attachments: attachments.service,
    },
    { ffmpegPath: o.ffmpegPath, supervision: cameras.supervision, diskSpace: o.diskSpace },
  );
  const reports = createReports(
    k,
    {
      readFiled: (id, staffId) => incidents.service.filed(id, staffId),
      branches: branches.service,
      staff: staff.service,
      cameras: cameras.service,
      attachments: attachments.service,
    },
    { chooseFolder: o.chooseFolder ?? null },
  );
  const shiftDeps = {
    roleOf,
    branches: branches.service,
    staff: staff.service,
    people: people.service,
    incidents: incidents.service,
    calls: calls.service,
    closing: closing.service,
  };
  const shifts = createShifts(k, shiftDeps, alerts);
  const community = createCommunity(k, { roleOf, branches: branches.service });
  const mail = createMail(
    k,
    { staff: staff.service },
    { secrets: o.secrets, ...(o.mailTimeouts ? { timeouts: o.mailTimeouts } : {}) },
  );
  const activity = createActivity(k, {
    branches: branches.service,
    staff: staff.service,
    shifts: shifts.shifts,
    entries: shifts.entries,
    community: community.service,
    incidents: incidents.service,
    calls: calls.service,
    rounds: rounds.status,
    closing: closing.service,
    evacuation: evacuation.service,
    mail: mail.service,
    journal: k.journal,
  });
  const maintenance = createMaintenance(k, { settings: settings.service, appVersion: VERSION }, alerts);
  const retention = createRetention(k, {
    settings: settings.service,
    staffNames: (ids) => staff.service.names(ids),
    video: replay.purge,
    domains: {
      incidents: incidents.purge,
      bans: bans.purge,
      people: people.purge,
      attachments: attachments.purge,
      calls: calls.purge,
      shifts: shifts.purge,
      activity: activity.purge,
      closing: closing.purge,
      rounds: rounds.purge,
      audit: auditLog.purge,
    },
  });
  const reportsWith = (attachmentId: string) => incidents.service.reportsWithAttachment(attachmentId);
  const media = createMediaHandler({
    sessions: o.sessions,
    roleOf,
    supervision: cameras.supervision,
    replay: replay.media,
    dataDir: o.dataDir,
    clips: {
      bySha: (sha) => {
        const clip = attachments.service.clipBySha(sha);
        return clip && { posterSha256: clip.clip?.posterSha256 ?? null, reportIds: reportsWith(clip.id) };
      },
      byPoster: (sha) => {
        const clip = attachments.service.clipWithPoster(sha);
        return clip && { reportIds: reportsWith(clip.id) };
      },
    },
    audit: k.audit,
    attachmentPath,
  });

  const handlers = {
    ...alerts.handlers,
    ...auth.handlers,
    ...staff.handlers,
    ...settings.handlers,
    ...auditLog.handlers,
    ...journal.handlers,
    ...branches.handlers,
    ...cameras.handlers,
    ...attachments.handlers,
    ...wall.handlers,
    ...guidelines.handlers,
    ...people.handlers,
    ...incidents.handlers,
    ...reports.handlers,
    ...bans.handlers,
    ...calls.handlers,
    ...evacuation.handlers,
    ...closing.handlers,
    ...rounds.handlers,
    ...replay.handlers,
    ...shifts.handlers,
    ...community.handlers,
    ...mail.handlers,
    ...activity.handlers,
    ...maintenance.handlers,
    ...retention.handlers,
  };

  return {
    kernel: k,
    roleOf,
    handlers,
    media,
    alerts,
    auth,
    settings,
    staff,
    branches,
    cameras,
    people,
    incidents,
    incidentPorts,
    bans,
    banPorts,
    attachments,
    calls,
    evacuation,
    closing,
    rounds,
    replay,
    shifts,
    shiftDeps,
    community,
    mail,
    activity,
    maintenance,
    retention,
  };
}

export type Desk = ReturnType<typeof buildDesk>;
