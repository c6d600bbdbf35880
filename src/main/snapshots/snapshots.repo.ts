import type { Db } from '../db/connection';
import type { Snapshot, StreamName } from '../../shared/contract/cameras';

/** An attachments row of kind 'snapshot', as stored and journaled. */
export interface SnapshotRecord {
  id: string;
  sha256: string;
  kind: 'snapshot';
  mediaType: 'image/png';
  bytes: number;
  width: number;
  height: number;
  cameraId: string;
  stream: StreamName;
  takenAt: string;
  frameTime: string | null;
  takenBy: string;
}

interface SnapshotRow {
  id: string;
  camera_id: string;
  camera_name: string;
  stream: StreamName;
  taken_at: string;
  frame_time: string | null;
  taken_by: string;
  taken_by_name: string;
  sha256: string;
  width: number;
  height: number;
  bytes: number;
}

const toSnapshot = (r: SnapshotRow): Snapshot => ({
  id: r.id,
  cameraId: r.camera_id,
  cameraName: r.camera_name,
  stream: r.stream,
  takenAt: r.taken_at,
  frameTime: r.frame_time,
  takenBy: r.taken_by,
  takenByName: r.taken_by_name,
  sha256: r.sha256,
  width: r.width,
  height: r.height,
  bytes: r.bytes,
});

const SELECT = `SELECT a.id, a.camera_id, c.name AS camera_name, a.stream, a.taken_at, a.frame_time, a.taken_by,
    s.name AS taken_by_name, a.sha256, a.width, a.height, a.bytes
  FROM attachments a JOIN cameras c ON c.id = a.camera_id JOIN staff s ON s.id = a.taken_by
  WHERE a.kind = 'snapshot'`;

export class SnapshotsRepo {
  constructor(private readonly db: Db) {}

  /** A camera a snapshot may be taken of: not removed. */
  camera(id: string): { id: string; hasGrid: boolean } | undefined {
    const row = this.db
      .prepare<[string], { id: string; grid_url: string | null }>(
        'SELECT id, grid_url FROM cameras WHERE id = ? AND removed_at IS NULL',
      )
      .get(id);
    return row && { id: row.id, hasGrid: row.grid_url !== null };
  }

  insert(r: SnapshotRecord): void {
    this.db
      .prepare(
        `INSERT INTO attachments (id, sha256, kind, media_type, bytes, width, height, camera_id, stream, taken_at,
           frame_time, taken_by)
         VALUES (@id, @sha256, @kind, @mediaType, @bytes, @width, @height, @cameraId, @stream, @takenAt,
           @frameTime, @takenBy)`,
      )
      .run(r);
  }

  get(id: string): Snapshot | undefined {
    const row = this.db.prepare<[string], SnapshotRow>(`${SELECT} AND a.id = ?`).get(id);
    return row && toSnapshot(row);
  }

  takenSince(since: string): Snapshot[] {
    return this.db
      .prepare<[string], SnapshotRow>(`${SELECT} AND a.taken_at >= ? ORDER BY a.taken_at DESC, a.id DESC`)
      .all(since)
      .map(toSnapshot);
  }
}
