import type { Db } from '../db/connection';
import type { AuditEntry } from '../../shared/contract/audit';

export interface AuditRow {
  id: string;
  at: string;
  staffId: string | null;
  action: AuditEntry['action'];
  subject: string;
  recordId: string | null;
  detail: string;
  purpose: string;
  count: number;
}

interface Row {
  id: string;
  at: string;
  staff_id: string | null;
  action: AuditEntry['action'];
  subject: string;
  record_id: string | null;
  detail: string;
  purpose: string;
  count: number;
}

export interface AuditQuery {
  action?: AuditEntry['action'] | undefined;
  staffId?: string | undefined;
  recordId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  text?: string | undefined;
  /** Words of a disclosure's stated purpose. */
  purpose?: string | undefined;
  /** Staff whose name matches `text` (the staff domain finds them): their entries match too. */
  staffNamed?: readonly string[];
  before?: string | undefined;
  limit: number;
}

/** An audit entry as stored; the staff member's name comes from the staff domain. */
export type StoredAuditEntry = Omit<AuditEntry, 'staffName'>;

export class AuditRepo {
  private readonly insertStmt;
  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO audit (id, at, staff_id, action, subject, record_id, detail, purpose, count)
       VALUES (@id, @at, @staffId, @action, @subject, @recordId, @detail, @purpose, @count)`,
    );
  }

  insert(row: AuditRow): void {
    this.insertStmt.run(row);
  }

  /** Runs `fn` in one transaction (an export's audit entry and its disclosure go in together). */
  transaction(fn: () => void): void {
    this.db.transaction(fn)();
  }

  list(q: AuditQuery): StoredAuditEntry[] {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: q.limit };
    if (q.action) {
      where.push('action = @action');
      params.action = q.action;
    }
    if (q.staffId) {
      where.push('staff_id = @staffId');
      params.staffId = q.staffId;
    }
    if (q.recordId) {
      where.push('record_id = @recordId');
      params.recordId = q.recordId;
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
    if (q.before) {
      where.push('id < @before');
      params.before = q.before;
    }
    if (q.purpose) {
      where.push(`purpose LIKE @purpose ESCAPE '\\'`);
      params.purpose = `%${q.purpose.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    if (q.text) {
      const named = (q.staffNamed ?? []).map((id, i) => {
        params[`named${i}`] = id;
        return `@named${i}`;
      });
      where.push(
        `(subject LIKE @text ESCAPE '\\' OR detail LIKE @text ESCAPE '\\'${named.length ? ` OR staff_id IN (${named.join(', ')})` : ''})`,
      );
      params.text = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    const rows = this.db
      .prepare<Record<string, string | number>, Row>(
        `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`,
      )
      .all(params);
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      staffId: r.staff_id,
      action: r.action,
      subject: r.subject,
      recordId: r.record_id,
      detail: r.detail,
      purpose: r.purpose,
      count: r.count,
    }));
  }
}
