import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import type { Log } from '../log';
import type { SettingsService } from '../settings';
import { listBackups, writeBackup, type BackupSetInfo } from '../backup/backup-folder';
import type { Verdict } from '../backup/verify-set';
import {
  BackupSettings,
  type BackupRun,
  type JournalCheck,
  type MaintenanceStatus,
} from '../../shared/contract/maintenance';
import { cancelPendingRestore, readPendingRestore, writePendingRestore } from './pending-restore';
import { nextBackupAt } from './schedule';
import { resolve, sep } from 'node:path';
import { conflict, invalid } from '../errors';

export const BACKUP_DEFAULTS: BackupSettings = {
  folder: null,
  dailyAt: '03:00',
  keepDaily: 7,
  keepWeekly: 4,
  keepMonthly: 12,
};

export interface MaintenancePorts {
  db: Db;
  journal: Journal;
  audit: AuditService;
  clock: Clock;
  log: Log;
  settings: SettingsService;
  dataDir: string;
  appVersion: string;
  /** Checks a written set from the folder alone (a child process in a desk). */
  verify: (root: string, name: string) => Promise<Verdict>;
  /** Told when the journal check or a backup changed state: the alerts recompute. */
  changed: () => void;
}

/**
 * The desk's own upkeep: the journal walked at every start and on demand (in
 * chunks, so the desk keeps working), and backups on a daily schedule or on demand.
 * State lives in memory and in the backup folder itself: a restart rebuilds it.
 */
export class MaintenanceService {
  private journalCheck: JournalCheck | null = null;
  private backupRun: BackupRun | null = null;
  private lastGood: BackupSetInfo | null | undefined;
  private lastFailedAt: Date | null = null;
  /** Set by close(): nothing more starts, a walk in progress ends quietly. */
  stopped = false;
  /** A full check of a set reads it all: one at a time on a 2-core desk. */
  private checking = false;
  /** Moved on by a cancel, so a restore whose check was still running is not written after it. */
  private restoreGeneration = 0;
  /**
   * The restore files in the data folder, read once: only this service writes them
   * while the desk runs, and alerts read this on every refresh (no disk reads there).
   */
  private restoreState: MaintenanceStatus['restore'];
  readonly startedAt: Date;

  constructor(private readonly p: MaintenancePorts) {
    this.startedAt = p.clock.now();
    this.restoreState = readPendingRestore(p.dataDir);
  }

  settings(): BackupSettings {
    return this.p.settings.section('backup', BackupSettings, BACKUP_DEFAULTS);
  }

  saveSettings(next: BackupSettings, actor: string): MaintenanceStatus {
    if (next.folder !== null) {
      const folder = resolve(next.folder);
      const data = resolve(this.p.dataDir);
      // A backup inside the data folder is lost with it, and a restore would move it aside.
      if (folder === data || folder.startsWith(data + sep) || data.startsWith(folder + sep)) {
        throw invalid('Choose a folder outside Vigil’s data folder, ideally on another drive.', {
          folder: 'Choose a folder outside Vigil’s data folder, ideally on another drive.',
        });
      }
    }
    this.p.settings.updateSection('backup', BackupSettings, next, actor);
    this.lastGood = undefined;
    this.lastFailedAt = null;
    this.p.changed();
    return this.status();
  }

  status(): MaintenanceStatus {
    const settings = this.settings();
    const lastGood = this.lastGoodSet();
    const next =
      settings.folder === null
        ? null
        : nextBackupAt({
            now: this.p.clock.now(),
            dailyAt: settings.dailyAt,
            lastGoodAt: lastGood ? new Date(lastGood.createdAt) : null,
            lastFailedAt: this.lastFailedAt,
          });
    return {
      dataDir: this.p.dataDir,
      journal: this.journalCheck,
      backup: { settings, run: this.backupRun, lastGood, nextAt: next?.toISOString() ?? null },
      restore: this.restoreState,
    };
  }

  journalState(): JournalCheck | null {
    return this.journalCheck;
  }

  backupState(): { run: BackupRun | null; lastGood: BackupSetInfo | null; folder: string | null } {
    return { run: this.backupRun, lastGood: this.lastGoodSet(), folder: this.settings().folder };
  }

  /** Walks the journal in the background; a second ask while one runs joins it. */
  verifyJournal(trigger: JournalCheck['trigger']): Promise<void> {
    if (this.journalCheck && this.journalCheck.finishedAt === null) return Promise.resolve();
    const check: JournalCheck = {
      trigger,
      startedAt: this.p.clock.now().toISOString(),
      finishedAt: null,
      progress: { step: 'journal', done: 0, total: 0 },
      report: null,
      error: null,
    };
    this.journalCheck = check;
    this.p.changed();
    return this.p.journal
      .verifyInChunks((done, total) => {
        if (this.stopped) throw new Error('stopped');
        check.progress = { step: 'journal', done, total };
      })
      .then(
        (report) => {
          check.report = report;
          check.finishedAt = this.p.clock.now().toISOString();
          if (!report.ok) this.p.log(`journal broken at entry ${report.firstBroken.seq}: ${report.firstBroken.reason}`);
          this.p.changed();
        },
        (e: unknown) => {
          if (this.stopped) return;
          check.finishedAt = this.p.clock.now().toISOString();
          check.error = (e as Error).message;
          this.p.log('journal check failed', e);
          this.p.changed();
        },
      );
  }

  /** Starts a backup unless one is running; resolves when it ends (it never rejects: the run says how it went). */
  backupNow(trigger: BackupRun['trigger'], actor: string | null): Promise<void> {
    if (this.backupRun && this.backupRun.finishedAt === null) return Promise.resolve();
    const settings = this.settings();
    if (settings.folder === null) {
      throw invalid('Choose a backup folder first.');
    }
    const folder = settings.folder;
    const run: BackupRun = {
      trigger,
      startedAt: this.p.clock.now().toISOString(),
      finishedAt: null,
      progress: { step: 'database', done: 0, total: 0 },
      outcome: null,
    };
    this.backupRun = run;
    this.p.changed();
    return writeBackup({
      db: this.p.db,
      dataDir: this.p.dataDir,
      root: folder,
      now: this.p.clock.now(),
      appVersion: this.p.appVersion,
      rotation: { daily: settings.keepDaily, weekly: settings.keepWeekly, monthly: settings.keepMonthly },
      progress: (step, done, total) => {
        run.progress = { step, done, total };
      },
      verify: this.p.verify,
    }).then(
      (result) => {
        run.finishedAt = this.p.clock.now().toISOString();
        run.outcome = { ok: true, name: result.name, copiedFiles: result.copiedFiles, reusedFiles: result.reusedFiles };
        this.lastGood = undefined;
        this.lastFailedAt = null;
        // A backup copies every patron record: who started it and where it went is audited.
        this.p.audit.record({
          staffId: actor,
          action: 'read',
          subject: 'backup',
          recordId: result.name,
          detail: `the whole database and ${result.manifest.files.length} attachment files copied to ${folder}`,
        });
        this.p.changed();
      },
      (e: unknown) => {
        run.finishedAt = this.p.clock.now().toISOString();
        run.outcome = { ok: false, reason: (e as Error).message };
        this.lastFailedAt = this.p.clock.now();
        this.p.log('backup failed', e);
        this.p.changed();
      },
    );
  }

  /** A failed restore's reason, for the alert strip (no disk read). */
  restoreFailure(): string | null {
    return this.restoreState.failed;
  }

  /** Called every minute: starts the daily backup when it is due. */
  tick(): void {
    if (this.stopped) return;
    const s = this.status();
    if (s.backup.nextAt === null || (s.backup.run && s.backup.run.finishedAt === null)) return;
    if (new Date(s.backup.nextAt) <= this.p.clock.now()) void this.backupNow('schedule', null);
  }

  backups(): BackupSetInfo[] {
    const folder = this.settings().folder;
    return folder ? listBackups(folder) : [];
  }

  async verifyBackup(name: string): Promise<Verdict> {
    const folder = this.requireFolder();
    return this.oneCheck(() => this.p.verify(folder, name));
  }

  async requestRestore(name: string, actor: string): Promise<MaintenanceStatus> {
    const folder = this.requireFolder();
    const generation = this.restoreGeneration;
    const check = await this.oneCheck(() => this.p.verify(folder, name));
    if (!check.ok) throw invalid(`This backup cannot be restored: ${check.reason}.`);
    if (generation !== this.restoreGeneration) {
      throw conflict('The restore was cancelled while the backup was being checked. Nothing will be restored.');
    }
    writePendingRestore(this.p.dataDir, {
      root: folder,
      name,
      requestedBy: actor,
      requestedAt: this.p.clock.now().toISOString(),
    });
    this.restoreState = { pending: name, failed: null };
    this.p.audit.record({
      staffId: actor,
      action: 'read',
      subject: 'restore',
      recordId: name,
      detail: `restore of ${name} from ${folder} asked for; it is done at the next start`,
    });
    return this.status();
  }

  cancelRestore(actor: string): MaintenanceStatus {
    this.restoreGeneration += 1;
    const { pending } = this.restoreState;
    cancelPendingRestore(this.p.dataDir);
    this.restoreState = { ...this.restoreState, pending: null };
    if (pending) {
      this.p.audit.record({
        staffId: actor,
        action: 'read',
        subject: 'restore',
        recordId: pending,
        detail: 'restore cancelled',
      });
    }
    return this.status();
  }

  private async oneCheck<T>(run: () => Promise<T>): Promise<T> {
    if (this.checking) throw conflict('A backup is being checked already. Try again when it has finished.');
    this.checking = true;
    try {
      return await run();
    } finally {
      this.checking = false;
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private requireFolder(): string {
    const folder = this.settings().folder;
    if (folder === null) throw invalid('Choose a backup folder first.');
    return folder;
  }

  private lastGoodSet(): BackupSetInfo | null {
    if (this.lastGood === undefined) {
      try {
        this.lastGood = this.backups()[0] ?? null;
      } catch {
        this.lastGood = null;
      }
    }
    return this.lastGood;
  }
}
