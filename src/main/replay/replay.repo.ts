import type { Db } from '../db/connection';

export interface BookmarkRow {
  id: string;
  cameraId: string;
  at: string;
  note: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

const BOOKMARK_COLUMNS =
  'id, camera_id AS cameraId, at, note, created_at AS createdAt, created_by AS createdBy, updated_at AS updatedAt';

/** The replay tables: each camera's buffer length, the disk budget, bookmarks. */
export class ReplayRepo {
  constructor(private readonly db: Db) {}

  /** Minutes set per camera (cameras without a row keep the default). */
  minutes(): Map<string, number> {
    const rows = this.db
      .prepare<[], { cameraId: string; minutes: number }>(
        'SELECT camera_id AS cameraId, minutes FROM recording_cameras',
      )
      .all();
    return new Map(rows.map((r) => [r.cameraId, r.minutes]));
  }

  setMinutes(cameraId: string, minutes: number, at: string, by: string): void {
    this.db
      .prepare(
        `INSERT INTO recording_cameras (camera_id, minutes, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT(camera_id) DO UPDATE SET minutes = excluded.minutes, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by`,
      )
      .run(cameraId, minutes, at, by);
  }

  budgetBytes(): number | undefined {
    return this.db
      .prepare<[], { budget: number }>('SELECT budget_bytes AS budget FROM recording_settings WHERE id = 1')
      .get()?.budget;
  }

  setBudget(bytes: number, at: string, by: string): void {
    this.db
      .prepare(
        `INSERT INTO recording_settings (id, budget_bytes, updated_at, updated_by) VALUES (1, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET budget_bytes = excluded.budget_bytes, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by`,
      )
      .run(bytes, at, by);
  }

  insertBookmark(b: BookmarkRow): void {
    this.db
      .prepare(
        `INSERT INTO bookmarks (id, camera_id, at, note, created_at, created_by, updated_at)
         VALUES (@id, @cameraId, @at, @note, @createdAt, @createdBy, @updatedAt)`,
      )
      .run(b);
  }

  bookmark(id: string): BookmarkRow | undefined {
    return this.db.prepare<[string], BookmarkRow>(`SELECT ${BOOKMARK_COLUMNS} FROM bookmarks WHERE id = ?`).get(id);
  }

  setNote(id: string, note: string, at: string): void {
    this.db.prepare('UPDATE bookmarks SET note = ?, updated_at = ? WHERE id = ?').run(note, at, id);
  }

  deleteBookmark(id: string): void {
    this.db.prepare('DELETE FROM bookmarks WHERE id = ?').run(id);
  }

  /** Bookmarks made since a moment, newest first. */
  bookmarksSince(since: string): BookmarkRow[] {
    return this.db
      .prepare<[string], BookmarkRow>(
        `SELECT ${BOOKMARK_COLUMNS} FROM bookmarks WHERE created_at >= ? ORDER BY created_at DESC, id DESC`,
      )
      .all(since);
  }

  /** A camera's bookmarks whose moment falls in [from, to], oldest first. */
  bookmarksOf(cameraId: string, from: string, to: string): BookmarkRow[] {
    return this.db
      .prepare<[string, string, string], BookmarkRow>(
        `SELECT ${BOOKMARK_COLUMNS} FROM bookmarks WHERE camera_id = ? AND at >= ? AND at <= ? ORDER BY at`,
      )
      .all(cameraId, from, to);
  }
}
