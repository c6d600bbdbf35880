import type { Db } from '../db/connection';
import type { MailSecurity } from '../../shared/contract/mail';

export interface MailRow {
  host: string;
  port: number;
  security: MailSecurity;
  username: string;
  /** The password as the secret store sealed it; never the password itself. */
  passwordEnc: string | null;
  from: string;
  recipients: string[];
  autoSend: boolean;
  updatedAt: string;
  updatedBy: string | null;
}

type Raw = Omit<MailRow, 'recipients' | 'autoSend'> & { recipients: string; autoSend: number };

/** SQL of the desk's one row of mail settings. */
export class MailRepo {
  private readonly getStmt;
  private readonly putStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[], Raw>(
      `SELECT host, port, security, username, password_enc AS passwordEnc, from_address AS "from", recipients,
         auto_send AS autoSend, updated_at AS updatedAt, updated_by AS updatedBy
       FROM mail_settings WHERE id = 1`,
    );
    this.putStmt = db.prepare(
      `INSERT INTO mail_settings (id, host, port, security, username, password_enc, from_address, recipients,
         auto_send, updated_at, updated_by)
       VALUES (1, @host, @port, @security, @username, @passwordEnc, @from, @recipients, @autoSend, @updatedAt,
         @updatedBy)
       ON CONFLICT (id) DO UPDATE SET host = excluded.host, port = excluded.port, security = excluded.security,
         username = excluded.username, password_enc = excluded.password_enc, from_address = excluded.from_address,
         recipients = excluded.recipients, auto_send = excluded.auto_send, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    );
  }

  get(): MailRow | undefined {
    const r = this.getStmt.get();
    return r && { ...r, recipients: JSON.parse(r.recipients) as string[], autoSend: r.autoSend === 1 };
  }

  put(row: MailRow): void {
    this.putStmt.run({ ...row, recipients: JSON.stringify(row.recipients), autoSend: row.autoSend ? 1 : 0 });
  }
}
