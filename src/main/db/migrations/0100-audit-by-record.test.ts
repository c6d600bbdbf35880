import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/helpers/temp-dir';
import { openDatabase } from '../connection';

const dir = tempDir();
afterEach(() => dir.remove());

describe('migration 100: the audit log by record', () => {
  it('answers "who has seen this" from an index, not a scan of every entry', () => {
    const db = openDatabase(dir.path);
    try {
      const plan = db
        .prepare<[], { detail: string }>(
          "EXPLAIN QUERY PLAN SELECT * FROM audit WHERE record_id = 'r1' AND action = 'read' ORDER BY id DESC LIMIT 500",
        )
        .all()
        .map((r) => r.detail)
        .join('\n');
      expect(plan).toMatch(/USING INDEX audit_by_record/);
      expect(plan).not.toMatch(/USE TEMP B-TREE/);
    } finally {
      db.close();
    }
  });
});
