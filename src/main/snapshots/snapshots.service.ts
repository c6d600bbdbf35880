import { createHash } from 'node:crypto';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { AuditService } from '../audit/audit.service';
import { invalid, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { Snapshot, StreamName } from '../../shared/contract/cameras';
import { storeAttachment } from './attachments';
import { decodeBase64Png, pngDimensions } from './png';
import { SnapshotsRepo, type SnapshotRecord } from './snapshots.repo';

/** A shift, for the snapshot tray: what this desk captured in the last 12 hours. */
export const SHIFT_MS = 12 * 60 * 60 * 1000;

export interface SnapshotInput {
  cameraId: string;
  stream: StreamName;
  /** PNG bytes, base64. */
  png: string;
  frameTime: string | null;
}

/**
 * Camera snapshots: PNG files named by their SHA-256, each with a row saying which
 * camera, which frame and who took it. Camera images are patron records, so
 * reading the list is audited.
 */
export class SnapshotsService {
  private readonly repo: SnapshotsRepo;

  constructor(
    private readonly db: Db,
    private readonly journal: Journal,
    private readonly audit: AuditService,
    private readonly dataDir: string,
    /** After a snapshot is saved: trays refresh. */
    private readonly onChanged: () => void,
  ) {
    this.repo = new SnapshotsRepo(db);
  }

  save(input: SnapshotInput, staffId: string): Snapshot {
    const camera = this.repo.camera(input.cameraId);
    if (!camera) throw notFound('That camera');
    if (input.stream === 'grid' && !camera.hasGrid) {
      throw invalid('This camera has no grid stream.', { stream: 'No grid stream' });
    }
    const bytes = decodeBase64Png(input.png);
    const { width, height } = pngDimensions(bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // The file first: a row never points at a missing image (an unreferenced file is harmless).
    storeAttachment(this.dataDir, sha256, bytes);
    const record: SnapshotRecord = {
      id: uuidv7(),
      sha256,
      kind: 'snapshot',
      mediaType: 'image/png',
      bytes: bytes.length,
      width,
      height,
      cameraId: camera.id,
      stream: input.stream,
      takenAt: new Date().toISOString(),
      frameTime: input.frameTime,
      takenBy: staffId,
    };
    const snapshot = this.db
      .transaction(() => {
        this.repo.insert(record);
        this.journal.append({ kind: 'snapshot.taken', recordId: record.id, actor: staffId, payload: record });
        return this.repo.get(record.id)!;
      })
      .immediate();
    this.onChanged();
    return snapshot;
  }

  /** This shift's snapshots, newest first: one audited read. */
  list(staffId: string): Snapshot[] {
    const snapshots = this.repo.takenSince(new Date(Date.now() - SHIFT_MS).toISOString());
    this.audit.record({
      staffId,
      action: 'read',
      subject: 'snapshots',
      detail: `${snapshots.length} snapshot${snapshots.length === 1 ? '' : 's'} of the last 12 hours`,
    });
    return snapshots;
  }
}
