import { useState } from 'react';
import { WhoHasSeen } from '../audit/WhoHasSeen';
import { LegalHoldControl } from '../retention/LegalHoldControl';
import { useQuery } from '../../lib/useQuery';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import type { Branch, StaffSummary } from '../../../shared/contract';
import { CallOrigin } from '../calls/CallOrigin';
import { AmendEditor } from './AmendEditor';
import { ReportContent } from './ReportContent';
import { ReportHistory } from './ReportHistory';
import { ReviewActions } from './ReviewActions';
import { ReportBans } from '../bans/ReportBans';
import { STATUS_MEANS, STATUS_WORD } from './words';
import { Button } from '../../components/Button';
import { formatWhen } from './localTime';

interface ReportViewProps {
  id: string;
  staff: StaffSummary;
  branches: readonly Branch[];
  /** Said above the report when it opens ("Submitted MAIN-2026-0042"). */
  message: string | undefined;
  /** The report changed (reviewed, amended): the list refreshes its statuses. */
  onChanged: () => void;
}

/** One filed report with everything on it, and what the signed-in person may do with it. */
export function ReportView({ id, staff, branches, message, onChanged }: ReportViewProps) {
  const [amending, setAmending] = useState(false);
  const [said, setSaid] = useState<{ id: string; text: string | undefined }>({ id, text: message });
  // The snapshot media path is the session's: the same base cameras.list and snapshots.list give.
  const media = useQuery('snapshots.list', {});
  const report = useQuery('incidents.get', { id });
  // An amendment begun earlier (saved as it was typed, even through a crash) is offered again.
  const underWay = useQuery('incidents.getAmendDraft', { id }, { deps: [amending] });

  // While another report loads, the last one's answer is kept: it is not this report.
  const record = report.value?.id === id ? report.value : undefined;
  if (report.error) return <ErrorNotice error={report.error} />;
  if (!record) return <p className="muted">Opening the report…</p>;

  function done(text: string) {
    setSaid({ id, text });
    setAmending(false);
    report.reload();
    onChanged();
  }

  if (amending) {
    if (underWay.loading) return <p className="muted">Opening the amendment…</p>;
    return (
      <AmendEditor
        record={record}
        saved={underWay.value ?? null}
        branches={branches}
        onAmended={done}
        onClose={(kept) => {
          setAmending(false);
          if (kept) setSaid({ id, text: 'Your amendment is saved: Continue amending when you are ready.' });
        }}
      />
    );
  }
  const pending = underWay.value;

  return (
    <article
      className="report-view"
      aria-labelledby="report-title"
      data-audit-kind="incident"
      data-audit-record={record.id}
    >
      <StatusNotice message={said.id === id ? said.text : undefined} />
      <header className="report-head">
        <h3 id="report-title" className="pane-title">
          {record.number}
        </h3>
        <p className={`status-line status-${record.status}`}>
          <strong className="status-word">{STATUS_WORD[record.status]}</strong> — {STATUS_MEANS[record.status]}
          <span className="muted"> · version {record.version}</span>
        </p>
        <p className="print-only">Confidential library record</p>
        <WhoHasSeen recordId={record.id} what={record.number} isAdmin={staff.role === 'admin'} />
        <LegalHoldControl
          kind="incident"
          recordId={record.id}
          what={record.number}
          canHold={staff.role !== 'officer'}
        />
      </header>
      {pending && (
        <div className="notice notice-warn amend-under-way">
          <span>
            You have an amendment of this report under way, saved{' '}
            {formatWhen(pending.updatedAt, record.branch.timeZone)}
            {pending.baseVersion !== record.version
              ? ` (begun on version ${pending.baseVersion}; it is now ${record.version})`
              : ''}
            .{' '}
            <Button small variant="primary" onClick={() => setAmending(true)}>
              Continue amending
            </Button>
          </span>
        </div>
      )}
      <CallOrigin incidentId={record.id} branches={branches} />
      <ReviewActions
        record={record}
        staff={staff}
        amendLabel={pending ? 'Continue amending' : undefined}
        onAmend={() => setAmending(true)}
        onDone={done}
      />
      <ReportBans key={record.id} record={record} branches={branches} />
      <ReportContent record={record} mediaBase={media.value?.mediaBase ?? ''} />
      <ReportHistory record={record} />
    </article>
  );
}
