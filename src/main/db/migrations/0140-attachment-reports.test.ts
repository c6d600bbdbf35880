import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/helpers/temp-dir';
import { openDatabase } from '../connection';

const dir = tempDir();
afterEach(() => dir.remove());

describe('migration 140: the reports an attachment is on', () => {
  it('finds the reports of a clip (to audit a view of it against them) from an index, not a scan', () => {
    const db = openDatabase(dir.path);
    try {
      const plan = db
        .prepare<[], { detail: string }>(
          `EXPLAIN QUERY PLAN SELECT DISTINCT v.incident_id FROM incident_attachments a
           JOIN incident_versions v ON v.vid = a.vid WHERE a.attachment_id = 'a1'`,
        )
        .all()
        .map((r) => r.detail)
        .join('\n');
      expect(plan).toMatch(/USING (COVERING )?INDEX incident_attachments_by_attachment/);
      expect(plan).not.toMatch(/SCAN a\b/);
    } finally {
      db.close();
    }
  });
});
