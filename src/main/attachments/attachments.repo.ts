import type { Db } from '../db/connection';
import type { ImageAttachment } from '../../shared/contract/attachments';

/** An attachments row of kind 'photo', as stored and journaled (the bytes are in the file, never here). */
export interface PhotoRecord {
  id: string;
  sha256: string;
  kind: 'photo';
  mediaType: 'image/jpeg' | 'image/png';
  bytes: number;
  width: number;
  height: number;
  /** When it was added (main's clock): the column snapshots use for the moment they were taken. */
  takenAt: string;
  /** When the picture was taken, as the person said; the column snapshots use for a frame's own time. */
  frameTime: string | null;
  takenBy: string;
}

interface PhotoRow {
  id: string;
  sha256: string;
  media_type: 'image/jpeg' | 'image/png';
  bytes: number;
  width: number;
  height: number;
  taken_at: string;
  frame_time: string | null;
  taken_by: string;
  taken_by_name: string;
}

const toAttachment = (r: PhotoRow): ImageAttachment => ({
  id: r.id,
  sha256: r.sha256,
  kind: 'photo',
  mediaType: r.media_type,
  width: r.width,
  height: r.height,
  bytes: r.bytes,
  addedAt: r.taken_at,
  addedBy: r.taken_by,
  addedByName: r.taken_by_name,
  takenAt: r.frame_time,
});

const SELECT = `SELECT a.id, a.sha256, a.media_type, a.bytes, a.width, a.height, a.taken_at, a.frame_time, a.taken_by,
    s.name AS taken_by_name
  FROM attachments a JOIN staff s ON s.id = a.taken_by
  WHERE a.kind = 'photo'`;

export class AttachmentsRepo {
  constructor(private readonly db: Db) {}

  insert(r: PhotoRecord): void {
    this.db
      .prepare(
        `INSERT INTO attachments (id, sha256, kind, media_type, bytes, width, height, taken_at, frame_time, taken_by)
         VALUES (@id, @sha256, @kind, @mediaType, @bytes, @width, @height, @takenAt, @frameTime, @takenBy)`,
      )
      .run(r);
  }

  get(id: string): ImageAttachment | undefined {
    const row = this.db.prepare<[string], PhotoRow>(`${SELECT} AND a.id = ?`).get(id);
    return row && toAttachment(row);
  }

  /** The photos among these ids, in the order asked; other ids (snapshots, unknown) are left out. */
  photos(ids: readonly string[]): ImageAttachment[] {
    return ids.map((id) => this.get(id)).filter((a): a is ImageAttachment => a !== undefined);
  }
}
