import type { Db } from '../db/connection';
import type { Layout, WallView } from '../../shared/contract/cameras';

interface ViewRow {
  id: string;
  staff_id: string;
  name: string;
  layout: Layout;
  slots: string;
  updated_at: string;
}

const toView = (r: ViewRow): WallView => ({
  id: r.id,
  name: r.name,
  layout: r.layout,
  slots: JSON.parse(r.slots) as (string | null)[],
});

export class ViewsRepo {
  constructor(private readonly db: Db) {}

  forStaff(staffId: string): WallView[] {
    return this.db
      .prepare<[string], ViewRow>('SELECT * FROM wall_views WHERE staff_id = ? ORDER BY name COLLATE NOCASE')
      .all(staffId)
      .map(toView);
  }

  /** The view only if it belongs to this staff member. */
  own(staffId: string, id: string): WallView | undefined {
    const row = this.db
      .prepare<[string, string], ViewRow>('SELECT * FROM wall_views WHERE id = ? AND staff_id = ?')
      .get(id, staffId);
    return row && toView(row);
  }

  byName(staffId: string, name: string): { id: string } | undefined {
    return this.db
      .prepare<[string, string], { id: string }>(
        'SELECT id FROM wall_views WHERE staff_id = ? AND name = ? COLLATE NOCASE',
      )
      .get(staffId, name);
  }

  upsert(staffId: string, v: WallView, updatedAt: string): void {
    this.db
      .prepare(
        `INSERT INTO wall_views (id, staff_id, name, layout, slots, updated_at)
         VALUES (@id, @staffId, @name, @layout, @slots, @updatedAt)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, layout = excluded.layout,
           slots = excluded.slots, updated_at = excluded.updated_at`,
      )
      .run({ ...v, staffId, slots: JSON.stringify(v.slots), updatedAt });
  }

  remove(staffId: string, id: string): boolean {
    return this.db.prepare('DELETE FROM wall_views WHERE id = ? AND staff_id = ?').run(id, staffId).changes > 0;
  }
}
