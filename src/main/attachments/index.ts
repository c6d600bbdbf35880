import { AttachmentsPurgeRepo } from './attachments.purge.repo';
import type { DeskKernel } from '../kernel';
import type { StaffService } from '../staff/staff.service';
import { attachmentsHandlers } from './attachments.handlers';
import { AttachmentsRepo } from './attachments.repo';
import { AttachmentsService } from './attachments.service';
import { SnapshotsService, type SnapshotCameras } from './snapshots.service';

/**
 * Attachments: camera snapshots and photos from disk, files named by their SHA-256
 * (store.ts) with a row each. The service is the port other domains read them by.
 */
export function createAttachments(k: DeskKernel, ports: { cameras: SnapshotCameras; staff: StaffService }) {
  const repo = new AttachmentsRepo(k.db);
  const staffNames = (ids: readonly string[]) => ports.staff.names(ids);
  const service = new AttachmentsService(k.db, repo, k.journal, k.audit, k.dataDir, staffNames, k.clock);
  const snapshots = new SnapshotsService(repo, service, k.audit, ports.cameras, staffNames, k.events, k.clock);
  k.events.on('snapshot.taken', () => k.consoles.broadcast('snapshots.changed', {}));
  return {
    service,
    snapshots,
    handlers: attachmentsHandlers(service, snapshots),
    purge: new AttachmentsPurgeRepo(k.db, k.dataDir),
  };
}

export type { AttachmentsService } from './attachments.service';
export type { AttachmentRow } from './attachments.repo';
export { attachmentHashesIn } from './attachments.repo';
