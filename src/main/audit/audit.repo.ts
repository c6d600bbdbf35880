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
  count: number;
}

interface Row {
  id: string;
  at: string;
  staff_id: string | null;
  staff_name: string | null;
  action: AuditEntry['action'];
  subject: string;
  record_id: string | null;
  detail: string;
  count: number;
}

export interface AuditQuery {
  action?: AuditEntry['action'] | undefined;
  staffId?: string | undefined;
  text?: string | undefined;
  before?: string | undefined;
  limit: number;
}

export class AuditRepo {
  private readonly insertStmt;
  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO audit (id, at, staff_id, action, subject, record_id, detail, count)
       VALUES (@id, @at, @staffId, @action, @subject, @recordId, @detail, @count)`,
    );
  }

  insert(row: AuditRow): void {
    this.insertStmt.run(row);
  }

  list(q: AuditQuery): AuditEntry[] {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: q.limit };
    if (q.action) {
      where.push('a.action = @action');
      params.action = q.action;
    }
    if (q.staffId) {
      where.push('a.staff_id = @staffId');
      params.staffId = q.staffId;
    }
    if (q.before) {
      where.push('a.id < @before');
      params.before = q.before;
    }
    if (q.text) {
      where.push(
        "(a.subject LIKE @text ESCAPE '\\' OR a.detail LIKE @text ESCAPE '\\' OR s.name LIKE @text ESCAPE '\\')",
      );
      params.text = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    const rows = this.db
      .prepare<Record<string, string | number>, Row>(
        `SELECT a.*, s.name AS staff_name FROM audit a LEFT JOIN staff s ON s.id = a.staff_id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY a.id DESC LIMIT @limit`,
      )
      .all(params);
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      staffId: r.staff_id,
      staffName: r.staff_name,
      action: r.action,
      subject: r.subject,
      recordId: r.record_id,
      detail: r.detail,
      count: r.count,
    }));
  }
}
