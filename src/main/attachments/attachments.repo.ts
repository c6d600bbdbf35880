import type { Db } from '../db/connection';
import type { StreamName } from '../../shared/contract/cameras';
import type { ClipFacts } from '../../shared/contract/incidents';

/**
 * A row of the attachments table: a file named by its SHA-256, with what it shows
 * and who added it. Snapshots (a camera's frame) and photos (a file from disk)
 * share it; the bytes are in the file, never here. Rows are only ever inserted.
 */
export interface AttachmentRow {
  id: string;
  sha256: string;
  kind: 'snapshot' | 'photo' | 'clip';
  mediaType: 'image/png' | 'image/jpeg' | 'video/mp4';
  bytes: number;
  width: number;
  height: number;
  /** Snapshots and clips: the camera and stream the picture came from. */
  cameraId: string | null;
  stream: StreamName | null;
  /** When it was taken or added (main's clock). */
  takenAt: string;
  /** A snapshot's frame time from the stream, a clip's first frame, or when a photo was taken as the person said. */
  frameTime: string | null;
  takenBy: string;
  /** Clips only: the rest of the range, the poster frame, what was asked. */
  clip: ClipFacts | null;
}

interface Row {
  id: string;
  sha256: string;
  kind: AttachmentRow['kind'];
  media_type: AttachmentRow['mediaType'];
  bytes: number;
  width: number;
  height: number;
  camera_id: string | null;
  stream: StreamName | null;
  taken_at: string;
  frame_time: string | null;
  taken_by: string;
  clip: string | null;
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
  clip: r.clip === null ? null : (JSON.parse(r.clip) as ClipFacts),
});

export class AttachmentsRepo {
  constructor(private readonly db: Db) {}

  insert(r: AttachmentRow): void {
    this.db
      .prepare(
        `INSERT INTO attachments (id, sha256, kind, media_type, bytes, width, height, camera_id, stream, taken_at,
           frame_time, taken_by, clip)
         VALUES (@id, @sha256, @kind, @mediaType, @bytes, @width, @height, @cameraId, @stream, @takenAt,
           @frameTime, @takenBy, @clip)`,
      )
      .run({ ...r, clip: r.clip === null ? null : JSON.stringify(r.clip) });
  }

  /** A clip's poster frame, made after the clip: its facts (with the poster's hash) and the picture's size. */
  setClipPoster(id: string, clip: ClipFacts, size: { width: number; height: number }): void {
    this.db
      .prepare("UPDATE attachments SET clip = ?, width = ?, height = ? WHERE id = ? AND kind = 'clip'")
      .run(JSON.stringify(clip), size.width, size.height, id);
  }

  get(id: string): AttachmentRow | undefined {
    const row = this.db.prepare<[string], Row>('SELECT * FROM attachments WHERE id = ?').get(id);
    return row && toAttachment(row);
  }

  /** The attachments among these ids, in the order asked; unknown ids are left out. */
  many(ids: readonly string[]): AttachmentRow[] {
    return ids.map((id) => this.get(id)).filter((a): a is AttachmentRow => a !== undefined);
  }

  /** Attachments with this SHA-256 (a clip's poster is looked up by the clip's hash through its row). */
  clipsBySha(sha256: string): AttachmentRow[] {
    return this.db
      .prepare<[string], Row>("SELECT * FROM attachments WHERE kind = 'clip' AND sha256 = ?")
      .all(sha256)
      .map(toAttachment);
  }

  /** A clip whose poster frame has this SHA-256, if any. */
  clipWithPoster(posterSha256: string): AttachmentRow | undefined {
    const row = this.db
      .prepare<[string], Row>(
        "SELECT * FROM attachments WHERE kind = 'clip' AND json_extract(clip, '$.posterSha256') = ? LIMIT 1",
      )
      .get(posterSha256);
    return row && toAttachment(row);
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
      // A clip's poster frame is a file of its own, named in the clip's row.
      .prepare<[], { sha256: string }>(
        `SELECT sha256 FROM attachments
         UNION SELECT json_extract(clip, '$.posterSha256') FROM attachments
         WHERE kind = 'clip' AND json_extract(clip, '$.posterSha256') IS NOT NULL`,
      )
      .all()
      .map((r) => r.sha256),
  );
}
