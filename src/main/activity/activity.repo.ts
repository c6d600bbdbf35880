import type { Db } from '../db/connection';
import { preparedStatements } from '../db/prepared';
import type { ReportScope } from '../../shared/contract/activity';
import type { SendFailure } from '../../shared/contract/mail';

export interface ReportRow {
  id: string;
  scope: ReportScope;
  shiftId: string | null;
  branchId: string | null;
  date: string;
  from: string;
  to: string;
  title: string;
  fileName: string;
  sha256: string;
  summary: string;
  createdAt: string;
  createdBy: string | null;
}

export interface SendRow {
  id: string;
  reportId: string;
  at: string;
  by: string | null;
  recipients: string[];
  ok: boolean;
  failure: SendFailure | null;
  message: string;
  serverAnswer: string;
}

const REPORT = `id, scope, shift_id AS shiftId, branch_id AS branchId, date, from_at AS "from", to_at AS "to", title,
  file_name AS fileName, sha256, summary, created_at AS createdAt, created_by AS createdBy`;

type RawSend = Omit<SendRow, 'recipients' | 'ok'> & { recipients: string; ok: number };

/** SQL of the kept reports (their PDFs as made) and every try at sending one. */
export class ActivityRepo {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = preparedStatements(db);
  }

  insert(row: ReportRow, pdf: Buffer): void {
    this.q(
      `INSERT INTO activity_reports (id, scope, shift_id, branch_id, date, from_at, to_at, title, file_name, sha256,
         pdf, summary, created_at, created_by)
       VALUES (@id, @scope, @shiftId, @branchId, @date, @from, @to, @title, @fileName, @sha256, @pdf, @summary,
         @createdAt, @createdBy)`,
    ).run({ ...row, pdf });
  }

  get(id: string): ReportRow | undefined {
    return this.q<[string], ReportRow>(`SELECT ${REPORT} FROM activity_reports WHERE id = ?`).get(id);
  }

  pdf(id: string): Buffer | undefined {
    return this.q<[string], { pdf: Buffer }>(`SELECT pdf FROM activity_reports WHERE id = ?`).get(id)?.pdf;
  }

  latest(limit: number): ReportRow[] {
    return this.q<[number], ReportRow>(
      `SELECT ${REPORT} FROM activity_reports ORDER BY created_at DESC, id DESC LIMIT ?`,
    ).all(limit);
  }

  insertSend(row: SendRow): void {
    this.q(
      `INSERT INTO activity_report_sends (id, report_id, at, by_staff, recipients, ok, failure, message, server_answer)
       VALUES (@id, @reportId, @at, @by, @recipients, @ok, @failure, @message, @serverAnswer)`,
    ).run({ ...row, recipients: JSON.stringify(row.recipients), ok: row.ok ? 1 : 0 });
  }

  sendsOf(reportIds: readonly string[]): Map<string, SendRow[]> {
    const out = new Map<string, SendRow[]>();
    const stmt = this.q<[string], RawSend>(
      `SELECT id, report_id AS reportId, at, by_staff AS by, recipients, ok, failure, message,
         server_answer AS serverAnswer FROM activity_report_sends WHERE report_id = ? ORDER BY at, id`,
    );
    for (const id of reportIds) {
      out.set(
        id,
        stmt.all(id).map((r) => ({ ...r, recipients: JSON.parse(r.recipients) as string[], ok: r.ok === 1 })),
      );
    }
    return out;
  }
}
