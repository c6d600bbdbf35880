import type { AuditEntry } from '../../../../shared/contract';
import { formatClock, formatDateTime, formatDay } from '../../../lib/time';
import { auditActionIsWarning, auditActionLabel } from './auditWords';

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <table className="table audit-table">
      <caption className="visually-hidden">Audit log, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Staff</th>
          <th scope="col">Action</th>
          <th scope="col">Subject</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td className="audit-time">
              <time dateTime={e.at} title={formatDateTime(new Date(e.at))}>
                <span className="audit-clock">{formatClock(new Date(e.at))}</span>
                <span className="audit-day">{formatDay(new Date(e.at))}</span>
              </time>
            </td>
            <td>{e.staffName ?? <span className="muted">Nobody signed in</span>}</td>
            <td className="nowrap">
              {auditActionIsWarning(e.action) ? (
                <span className="badge badge-warn">{auditActionLabel[e.action]}</span>
              ) : (
                auditActionLabel[e.action]
              )}
              {e.count > 1 && <span className="audit-count"> × {e.count.toLocaleString('en-US')}</span>}
            </td>
            <td className="audit-subject">
              <code>{e.subject}</code>
            </td>
            <td className="audit-detail">
              {e.detail || <span className="muted">—</span>}
              {e.purpose && <span className="audit-purpose">Purpose: {e.purpose}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
