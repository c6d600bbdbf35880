import type { Db } from '../db/connection';
import type { DisclosureBasis, DisclosureEntry } from '../../shared/contract/disclosure';

export interface DisclosureRow {
  id: string;
  at: string;
  staffId: string | null;
  method: string;
  what: string;
  recordKind: string;
  recordId: string | null;
  recipient: string;
  purpose: string;
  basis: DisclosureBasis;
  caseNumber: string;
  fileName: string;
  sha256: string;
  auditId: string;
}

interface Row {
  id: string;
  at: string;
  staff_id: string | null;
  method: string;
  what: string;
  record_kind: string;
  record_id: string | null;
  recipient: string;
  purpose: string;
  basis: DisclosureBasis;
  case_number: string;
  file_name: string;
  sha256: string;
}

export interface DisclosureQuery {
  from?: string | undefined;
  to?: string | undefined;
  basis?: DisclosureBasis | undefined;
  staffId?: string | undefined;
  recordId?: string | undefined;
  text?: string | undefined;
  before?: string | undefined;
  limit: number;
}

/** A disclosure as stored; the staff member's name comes from the staff domain. */
export type StoredDisclosure = Omit<DisclosureEntry, 'staffName'>;

/** The disclosure log (the audit domain's): append-only rows, listed newest first. */
export class DisclosuresRepo {
  private readonly insertStmt;
  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO disclosures (id, at, staff_id, method, what, record_kind, record_id, recipient, purpose,
         basis, case_number, file_name, sha256, audit_id)
       VALUES (@id, @at, @staffId, @method, @what, @recordKind, @recordId, @recipient, @purpose,
         @basis, @caseNumber, @fileName, @sha256, @auditId)`,
    );
  }

  insert(row: DisclosureRow): void {
    this.insertStmt.run(row);
  }

  list(q: DisclosureQuery): StoredDisclosure[] {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: q.limit };
    const eq = (column: string, key: keyof DisclosureQuery) => {
      const v = q[key];
      if (v === undefined || v === '') return;
      where.push(`${column} = @${key}`);
      params[key] = v;
    };
    eq('basis', 'basis');
    eq('staff_id', 'staffId');
    eq('record_id', 'recordId');
    if (q.before) {
      where.push('id < @before');
      params.before = q.before;
    }
    if (q.from) {
      where.push('at >= @from');
      // Stored times are toISOString()'s: the bound is written the same way, so text order is time order.
      params.from = new Date(q.from).toISOString();
    }
    if (q.to) {
      where.push('at < @to');
      params.to = new Date(q.to).toISOString();
    }
    if (q.text) {
      where.push(
        `(what LIKE @text ESCAPE '\\' OR recipient LIKE @text ESCAPE '\\' OR purpose LIKE @text ESCAPE '\\'` +
          ` OR case_number LIKE @text ESCAPE '\\' OR file_name LIKE @text ESCAPE '\\')`,
      );
      params.text = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    const rows = this.db
      .prepare<Record<string, string | number>, Row>(
        `SELECT * FROM disclosures ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`,
      )
      .all(params);
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      staffId: r.staff_id,
      method: r.method,
      what: r.what,
      recordKind: r.record_kind,
      recordId: r.record_id,
      recipient: r.recipient,
      purpose: r.purpose,
      basis: r.basis,
      caseNumber: r.case_number,
      fileName: r.file_name,
      sha256: r.sha256,
    }));
  }
}
