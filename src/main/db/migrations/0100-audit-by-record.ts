import type { Migration } from './index';

/**
 * "Who has seen this" (audit.list by record, Settings → Audit log's Record filter):
 * an index on the record each entry names, newest first within it, so the answer
 * for one person or report does not scan every read the desk ever made.
 */
const auditByRecord: Migration = {
  version: 100,
  name: 'audit-by-record',
  up: /* sql */ `
    CREATE INDEX audit_by_record ON audit(record_id, id) WHERE record_id IS NOT NULL;
  `,
};

export default auditByRecord;
