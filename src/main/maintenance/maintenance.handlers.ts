import type { HandlerTable } from '../rpc/handler';
import type { MaintenanceService } from './maintenance.service';

type Methods =
  | 'maintenance.status'
  | 'maintenance.verifyJournal'
  | 'maintenance.saveBackupSettings'
  | 'maintenance.backupNow'
  | 'maintenance.backups'
  | 'maintenance.verifyBackup'
  | 'maintenance.requestRestore'
  | 'maintenance.cancelRestore';

export const maintenanceHandlers = (m: MaintenanceService): HandlerTable<Methods> => ({
  'maintenance.status': () => m.status(),
  'maintenance.verifyJournal': () => {
    void m.verifyJournal('asked');
    return m.status();
  },
  'maintenance.saveBackupSettings': (input, ctx) => m.saveSettings(input, ctx.staffId),
  'maintenance.backupNow': (_input, ctx) => {
    void m.backupNow('asked', ctx.staffId);
    return m.status();
  },
  'maintenance.backups': () => m.backups(),
  'maintenance.verifyBackup': async ({ name }) => {
    const v = await m.verifyBackup(name);
    return v.ok ? { ok: true as const } : { ok: false as const, reason: v.reason };
  },
  'maintenance.requestRestore': ({ name }, ctx) => m.requestRestore(name, ctx.staffId),
  'maintenance.cancelRestore': () => m.cancelRestore(),
});
