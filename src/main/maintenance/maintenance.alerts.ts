import type { DeskAlert } from '../../shared/contract/alerts';
import type { AlertSource } from '../alerts/scheduler';
import type { MaintenanceService } from './maintenance.service';

const hhmm = (at: Date) => `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
/** After this long without a good backup (a day's and a half), the desk is told. */
const STALE_MS = 36 * 60 * 60_000;

const alert = (a: Omit<DeskAlert, 'branchId' | 'work'>): DeskAlert => ({
  ...a,
  branchId: null,
  work: { tab: 'incidents', recordId: null },
});

/** A broken journal: never a silent log line. Supervisors and administrators see it. */
export function journalAlerts(service: MaintenanceService): AlertSource {
  return {
    name: 'journal',
    audience: ['supervisor', 'admin'],
    alerts() {
      const check = service.journalState();
      const report = check?.report;
      if (check?.error) {
        return [
          alert({
            id: 'journal.unchecked',
            kind: 'journal.unchecked',
            level: 'urgent',
            title: 'The journal could not be checked',
            detail: `${check.error}. The database may be damaged: tell the library’s IT contact (Settings → Journal).`,
            since: check.finishedAt ?? check.startedAt,
          }),
        ];
      }
      if (!check || !report || report.ok) return [];
      return [
        alert({
          id: 'journal.broken',
          kind: 'journal.broken',
          level: 'urgent',
          title: `The journal does not verify: entry ${report.firstBroken.seq} of ${report.entries}`,
          detail: `${report.firstBroken.reason}. Change nothing and tell the library’s IT contact (Settings → Journal).`,
          since: check.finishedAt ?? check.startedAt,
        }),
      ];
    },
  };
}

/** Backups off, failing or stale: administrators see it, in words they can act on. */
export function backupAlerts(service: MaintenanceService): AlertSource {
  return {
    name: 'backup',
    audience: ['admin'],
    alerts(now) {
      const { run, lastGood, folder } = service.backupState();
      const failed = service.restoreFailure();
      if (failed) {
        return [
          alert({
            id: 'restore.failed',
            kind: 'restore.failed',
            level: 'warning',
            title: 'The restore was not done',
            detail: `${failed} The desk runs on the data it had. See Settings → Backups.`,
            since: service.startedAt.toISOString(),
          }),
        ];
      }
      if (folder === null) {
        return [
          alert({
            id: 'backup.off',
            kind: 'backup.off',
            level: 'notice',
            title: 'Backups are off',
            detail: 'Choose a backup folder, ideally on another drive, in Settings → Backups.',
            since: service.startedAt.toISOString(),
          }),
        ];
      }
      if (run?.outcome && !run.outcome.ok) {
        const next = service.status().backup.nextAt;
        return [
          alert({
            id: 'backup.failed',
            kind: 'backup.failed',
            level: 'warning',
            title: 'The backup failed',
            detail: `${run.outcome.reason}${next ? ` Vigil tries again at ${hhmm(new Date(next))}.` : ''}`,
            since: run.finishedAt ?? run.startedAt,
          }),
        ];
      }
      const lastAt = lastGood ? new Date(lastGood.createdAt) : null;
      if ((lastAt === null || now.getTime() - lastAt.getTime() > STALE_MS) && !(run && run.finishedAt === null)) {
        return [
          alert({
            id: 'backup.stale',
            kind: 'backup.stale',
            level: 'warning',
            title: lastAt ? 'No backup for more than a day' : 'No backup yet',
            detail: lastAt
              ? `The last good backup is from ${lastAt.toLocaleString('en-US')}. Check Settings → Backups.`
              : `The first runs at the daily time, or start one in Settings → Backups.`,
            since: (lastAt ?? service.startedAt).toISOString(),
          }),
        ];
      }
      return [];
    },
  };
}
