import type { Db } from '../db/connection';
import type { StreamName } from '../../shared/contract/cameras';

/**
 * A row of the attachments table: a file named by its SHA-256, with what it shows
 * and who added it. Snapshots (a camera's frame) and photos (a file from disk)
 * share it; the bytes are in the file, never here. Rows are only ever inserted.
 */
export interface AttachmentRow {
  id: string;
  sha256: string;
  kind: 'snapshot' | 'photo';
  mediaType: 'image/png' | 'image/jpeg';
  bytes: number;
  width: number;
  height: number;
  /** Snapshots only: the camera and stream the frame came from. */
  cameraId: string | null;
  stream: StreamName | null;
  /** When it was taken or added (main's clock). */
  takenAt: string;
  /** A snapshot's frame time from the stream, or when a photo was taken as the person said. */
  frameTime: string | null;
  takenBy: string;
}

interface Row {
  id: string;
  sha256: string;
  kind: 'snapshot' | 'photo';
  media_type: 'image/png' | 'image/jpeg';
  bytes: number;
  width: number;
  height: number;
  camera_id: string | null;
  stream: StreamName | null;
  taken_at: string;
  frame_time: string | null;
  taken_by: string;
}

const toAttachment = (r: Row): AttachmentRow => ({
  id: r.id,
  sha256: r.sha256,
  kind: r.kind,
  mediaType: r.media_type,
  bytes: r.bytes,
  width: r.width,
  height: r.height,
  cameraId: r.camera_id,
  stream: r.stream,
  takenAt: r.taken_at,
  frameTime: r.frame_time,
  takenBy: r.taken_by,
});

export class AttachmentsRepo {
  constructor(private readonly db: Db) {}

  insert(r: AttachmentRow): void {
    this.db
      .prepare(
        `INSERT INTO attachments (id, sha256, kind, media_type, bytes, width, height, camera_id, stream, taken_at,
           frame_time, taken_by)
         VALUES (@id, @sha256, @kind, @mediaType, @bytes, @width, @height, @cameraId, @stream, @takenAt,
           @frameTime, @takenBy)`,
      )
      .run(r);
  }

  get(id: string): AttachmentRow | undefined {
    const row = this.db.prepare<[string], Row>('SELECT * FROM attachments WHERE id = ?').get(id);
    return row && toAttachment(row);
  }

  /** The attachments among these ids, in the order asked; unknown ids are left out. */
  many(ids: readonly string[]): AttachmentRow[] {
    return ids.map((id) => this.get(id)).filter((a): a is AttachmentRow => a !== undefined);
  }

  snapshotsSince(since: string): AttachmentRow[] {
    return this.db
      .prepare<[string], Row>(
        "SELECT * FROM attachments WHERE kind = 'snapshot' AND taken_at >= ? ORDER BY taken_at DESC, id DESC",
      )
      .all(since)
      .map(toAttachment);
  }
}

/**
 * The SHA-256 names every attachment row points at, in any Vigil database (a backup's
 * copy too): a backup or restore checks each has its file.
 */
export function attachmentHashesIn(db: Db): Set<string> {
  return new Set(
    db
      .prepare<[], { sha256: string }>('SELECT DISTINCT sha256 FROM attachments')
      .all()
      .map((r) => r.sha256),
  );
}
