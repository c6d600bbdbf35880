import { createHash } from 'node:crypto';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import type { DomainEvents } from '../events';
import { invalid, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { Snapshot, StreamName } from '../../shared/contract/cameras';
import type { AttachmentRow, AttachmentsRepo } from './attachments.repo';
import type { AttachmentsService } from './attachments.service';
import { decodeBase64Png, pngDimensions } from './png';

/** A shift, for the snapshot tray: what this desk captured in the last 12 hours. */
export const SHIFT_MS = 12 * 60 * 60 * 1000;

export interface SnapshotInput {
  cameraId: string;
  stream: StreamName;
  /** PNG bytes, base64. */
  png: string;
  frameTime: string | null;
}

/** What snapshots need of the cameras domain. */
export interface SnapshotCameras {
  live(id: string): { id: string; hasGrid: boolean } | undefined;
  names(ids: readonly string[]): Map<string, string>;
}

/**
 * Camera snapshots: PNG files named by their SHA-256, each with a row saying which
 * camera, which frame and who took it. Camera images are patron records, so
 * reading the list is audited.
 */
export class SnapshotsService {
  constructor(
    private readonly repo: AttachmentsRepo,
    private readonly attachments: AttachmentsService,
    private readonly audit: AuditService,
    private readonly cameras: SnapshotCameras,
    private readonly staffNames: (ids: readonly string[]) => Map<string, string>,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  save(input: SnapshotInput, staffId: string): Snapshot {
    const camera = this.cameras.live(input.cameraId);
    if (!camera) throw notFound('That camera');
    if (input.stream === 'grid' && !camera.hasGrid) {
      throw invalid('This camera has no grid stream.', { stream: 'No grid stream' });
    }
    const bytes = decodeBase64Png(input.png);
    const { width, height } = pngDimensions(bytes);
    const record: AttachmentRow = {
      id: uuidv7(),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      kind: 'snapshot',
      mediaType: 'image/png',
      bytes: bytes.length,
      width,
      height,
      cameraId: camera.id,
      stream: input.stream,
      takenAt: this.clock.now().toISOString(),
      frameTime: input.frameTime,
      takenBy: staffId,
      clip: null,
    };
    const { clip: _clip, ...snapshot } = record;
    this.attachments.keep(record, bytes, 'png', 'snapshot.taken', snapshot);
    this.events.emit('snapshot.taken', { attachmentId: record.id, cameraId: camera.id });
    return this.toSnapshots([record])[0]!;
  }

  /** This shift's snapshots, newest first: one audited read. */
  list(staffId: string): Snapshot[] {
    const since = new Date(this.clock.ms() - SHIFT_MS).toISOString();
    const snapshots = this.toSnapshots(this.repo.snapshotsSince(since));
    this.audit.record({
      staffId,
      action: 'read',
      subject: 'snapshots',
      detail: `${snapshots.length} snapshot${snapshots.length === 1 ? '' : 's'} of the last 12 hours`,
    });
    return snapshots;
  }

  private toSnapshots(rows: AttachmentRow[]): Snapshot[] {
    const cameras = this.cameras.names(rows.flatMap((r) => (r.cameraId ? [r.cameraId] : [])));
    const staff = this.staffNames(rows.map((r) => r.takenBy));
    return rows.map((r) => ({
      id: r.id,
      cameraId: r.cameraId!,
      cameraName: cameras.get(r.cameraId!) ?? '(removed camera)',
      stream: r.stream!,
      takenAt: r.takenAt,
      frameTime: r.frameTime,
      takenBy: r.takenBy,
      takenByName: staff.get(r.takenBy) ?? '(unknown)',
      sha256: r.sha256,
      width: r.width,
      height: r.height,
      bytes: r.bytes,
    }));
  }
}
