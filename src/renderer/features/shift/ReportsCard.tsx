import { useState } from 'react';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';
import { useSubmit } from '../../lib/useSubmit';
import { downloadPdf } from '../../lib/downloadPdf';
import { formatDateTime } from '../../lib/time';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import type { ActivityReport, SendAttempt } from '../../../shared/contract';
import { useDisclose } from '../disclose/DiscloseProvider';

interface ReportsCardProps {
  branchId: string | null;
  branchName: string;
  today: string;
  timeZone: string | undefined;
  /** The caller's shift now, or their last one: its report. */
  shiftId: string | null;
}

/**
 * The daily activity report: made in main for a shift or a day, downloaded as a PDF,
 * emailed to the recipients an administrator set. Every try at sending is kept and
 * shown with the server's answer; a failed one can be tried again.
 */
export function ReportsCard({ branchId, branchName, today, timeZone, shiftId }: ReportsCardProps) {
  const reports = useQuery('activity.list', { limit: 8 }, { refetchOn: ['activity.changed'] });
  const mail = useQuery('mail.status', {}, { refetchOn: ['mail.changed'] });
  const [date, setDate] = useState(today);
  const [said, setSaid] = useState<string | undefined>(undefined);
  const make = useSubmit();

  async function generate(scope: 'shift' | 'day') {
    setSaid(undefined);
    const done = await make.run(() =>
      call('activity.generate', scope === 'shift' && shiftId ? { scope, shiftId } : { scope: 'day', branchId, date }),
    );
    if (done) {
      setSaid(`Made: ${done.title}.`);
      reports.reload();
    }
  }

  return (
    <section className="duty-card shift-reports" aria-labelledby="reports-title">
      <h3 id="reports-title">Activity reports</h3>
      <form
        className="shift-report-make"
        aria-label="Make a report"
        onSubmit={(e) => {
          e.preventDefault();
          void generate('day');
        }}
      >
        <TextField
          label={`Day at ${branchName}`}
          type="date"
          value={date}
          max={today}
          onChange={setDate}
          error={make.fieldError('date')}
        />
        <Button type="submit" variant="primary" disabled={make.pending}>
          Make the day’s report
        </Button>
        {shiftId && (
          <Button disabled={make.pending} onClick={() => void generate('shift')}>
            Make my shift’s report
          </Button>
        )}
      </form>
      <StatusNotice message={said} />
      <ErrorNotice error={make.error} />
      {mail.value && !mail.value.configured && (
        <p className="muted small">
          Email is not set up: an administrator sets the mail server and recipients in Settings → Email. Reports are
          kept here meanwhile.
        </p>
      )}
      {mail.value?.configured && (
        <p className="muted small">Reports are emailed to {mail.value.recipients.join(', ')}.</p>
      )}
      <ErrorNotice error={reports.error} />
      <ul className="shift-list" aria-label="Reports made">
        {(reports.value ?? []).map((r) => (
          <ReportRow key={r.id} report={r} timeZone={timeZone} canSend={Boolean(mail.value?.configured)} />
        ))}
      </ul>
    </section>
  );
}

function sendWords(s: SendAttempt, timeZone: string | undefined) {
  const at = formatDateTime(new Date(s.at), { timeZone });
  return s.ok ? `Sent ${at} to ${s.recipients.join(', ')}` : `Not sent (${at}): ${s.message}`;
}

function ReportRow({
  report,
  timeZone,
  canSend,
}: {
  report: ActivityReport;
  timeZone: string | undefined;
  canSend: boolean;
}) {
  const send = useSubmit();
  const pdf = useSubmit();
  const askDisclose = useDisclose();
  async function download() {
    const disclose = await askDisclose({
      what: `${report.title} as PDF`,
      action: 'Download PDF',
      basis: 'library-administration',
    });
    if (disclose) await pdf.run(() => downloadPdf(() => call('activity.pdf', { id: report.id, disclose })));
  }
  const last = report.sends.at(-1);
  return (
    <li className="shift-item" aria-label={report.title}>
      <div className="shift-item-facts">
        <strong>{report.title}</strong>
        <span className="muted">made {formatDateTime(new Date(report.createdAt), { timeZone })}</span>
        {last?.ok && <span className="badge badge-ok">Sent</span>}
        {last && !last.ok && <span className="badge badge-warn">Not sent</span>}
      </div>
      {last && (
        <div className={last.ok ? 'small tone-ok' : 'notice notice-error small'} role={last.ok ? undefined : 'note'}>
          <p>{sendWords(last, timeZone)}</p>
          {!last.ok && last.serverAnswer && <p className="muted">The server said: {last.serverAnswer}</p>}
        </div>
      )}
      {report.sends.length > 1 && (
        <details className="small">
          <summary>All {report.sends.length} tries at sending</summary>
          <ol>
            {report.sends.map((s) => (
              <li key={s.id}>{sendWords(s, timeZone)}</li>
            ))}
          </ol>
        </details>
      )}
      <div className="shift-item-actions">
        <Button
          small
          disabled={pdf.pending}
          aria-label={`Download PDF: ${report.title}`}
          onClick={() => void download()}
        >
          Download PDF
        </Button>
        <Button
          small
          variant={last?.ok ? 'secondary' : 'primary'}
          disabled={send.pending || !canSend}
          aria-label={`${last && !last.ok ? 'Try sending again' : last?.ok ? 'Send again' : 'Send by email'}: ${report.title}`}
          onClick={() => void send.run(() => call('activity.send', { id: report.id }))}
        >
          {send.pending
            ? 'Sending…'
            : last && !last.ok
              ? 'Try sending again'
              : last?.ok
                ? 'Send again'
                : 'Send by email'}
        </Button>
      </div>
      <ErrorNotice error={send.error ?? pdf.error} />
    </li>
  );
}
