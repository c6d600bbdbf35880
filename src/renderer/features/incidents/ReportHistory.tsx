import type { ChangeField, FieldChange, IncidentRecord } from '../../../shared/contract';
import { formatWhen } from './localTime';

// Keyed by ChangeField, so a word for a field no change carries (or a missing one) does not compile.
const FIELD_WORD: Record<ChangeField, string> = {
  zoneId: 'Zone',
  occurredFrom: 'Started',
  occurredTo: 'Ended',
  rules: 'Rules broken',
  severity: 'Severity',
  summary: 'Summary',
  narrative: 'Narrative',
  actions: 'Actions taken',
  persons: 'Persons involved',
  police: 'Police',
  emergency: 'EMS or fire',
  injuries: 'Injuries',
  propertyDamage: 'Property damage',
  staffAssistance: 'Staff assistance',
  cameras: 'Camera footage',
  attachmentIds: 'Attachments',
};

const DECISION_WORD = { approved: 'Approved', returned: 'Returned to the reporter', closed: 'Closed' } as const;

/** A changed value as text: plain text as it is, anything else as its data (never interpreted as markup). */
function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 1);
}

function Change({ change }: { change: FieldChange }) {
  return (
    <li className="change">
      <strong>{FIELD_WORD[change.field as ChangeField] ?? change.field}</strong>
      <div className="change-pair">
        <span className="change-label">Before</span>
        <span className="change-before">{valueText(change.before)}</span>
        <span className="change-label">After</span>
        <span className="change-after">{valueText(change.after)}</span>
      </div>
    </li>
  );
}

/** Amendments in the order made, reviews, and the journal entry that seals the current state. */
export function ReportHistory({ record }: { record: IncidentRecord }) {
  const tz = record.branch.timeZone;
  const seal = record.journal[record.journal.length - 1];
  return (
    <>
      <section className="report-block">
        <h4>Amendments ({record.amendments.length})</h4>
        {record.amendments.length === 0 && <p className="muted">Not amended: this is the report as submitted.</p>}
        <ol className="history">
          {record.amendments.map((a) => (
            <li key={a.version}>
              <p>
                <strong>Version {a.version}</strong> — {formatWhen(a.at, tz)} by {a.by.name}
              </p>
              <p>
                <span className="change-label">Reason</span> <span className="report-text">{a.reason}</span>
              </p>
              <ul className="changes">
                {a.changes.map((c) => (
                  <Change key={c.field} change={c} />
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>
      <section className="report-block">
        <h4>Review</h4>
        {record.reviews.length === 0 && <p className="muted">Not reviewed yet.</p>}
        <ol className="history">
          {record.reviews.map((r) => (
            <li key={r.id}>
              <p>
                <strong>{DECISION_WORD[r.decision]}</strong> (version {r.version}) — {formatWhen(r.at, tz)} by{' '}
                {r.by.name}
              </p>
              {r.comment && <p className="report-text">{r.comment}</p>}
            </li>
          ))}
        </ol>
      </section>
      {seal && (
        <p className="muted small journal-seal">
          Sealed in the journal {formatWhen(seal.at, tz)}: <code>{seal.hash}</code>
        </p>
      )}
    </>
  );
}
