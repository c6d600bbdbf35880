import type { Db } from '../db/connection';

type Aged = { id: string; at: string };
const list = (ids: Iterable<string>) => JSON.stringify([...ids]);

/** Daily activity reports (with their PDFs and send attempts): the retention domain's ActivityPurgePort. */
export class ActivityPurgeRepo {
  constructor(private readonly db: Db) {}

  madeBefore(cutoff: string): Aged[] {
    return this.db
      .prepare<[string], Aged>(
        'SELECT id, created_at AS at FROM activity_reports WHERE created_at < ? ORDER BY created_at',
      )
      .all(cutoff);
  }

  /** Shifts a kept report is about: they stay while the report does. */
  referencedShifts(except: readonly string[] = []): Set<string> {
    return new Set(
      this.db
        .prepare<[string], { id: string }>(
          `SELECT DISTINCT shift_id AS id FROM activity_reports
            WHERE shift_id IS NOT NULL AND id NOT IN (SELECT value FROM json_each(?))`,
        )
        .all(list(except))
        .map((r) => r.id),
    );
  }

  remove(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const p = list(ids);
    this.db.prepare('DELETE FROM activity_report_sends WHERE report_id IN (SELECT value FROM json_each(?))').run(p);
    this.db.prepare('DELETE FROM activity_reports WHERE id IN (SELECT value FROM json_each(?))').run(p);
  }
}
