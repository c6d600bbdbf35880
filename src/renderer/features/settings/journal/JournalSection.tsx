import { call } from '../../../lib/api';
import { useSubmit } from '../../../lib/useSubmit';
import { Button } from '../../../components/Button';
import { ErrorNotice } from '../../../components/Notice';
import type { JournalCheck, VerifyReport } from '../../../../shared/contract';
import { formatDateTime } from '../../../lib/time';
import { SectionHeader } from '../SectionHeader';
import { progressWords, useMaintenanceStatus } from '../maintenance/useMaintenanceStatus';

export function JournalSection() {
  const submit = useSubmit();
  const { status, setStatus, error } = useMaintenanceStatus();
  const check = status?.journal ?? null;
  const running = check !== null && check.finishedAt === null;

  async function verify() {
    const next = await submit.run(() => call('maintenance.verifyJournal', {}));
    if (next) setStatus(next);
  }

  return (
    <section aria-labelledby="journal-title" className="settings-section">
      <SectionHeader
        id="journal-title"
        title="Journal"
        action={
          <Button variant="primary" onClick={() => void verify()} disabled={submit.pending || running}>
            {running ? 'Verifying…' : 'Verify journal'}
          </Button>
        }
      >
        Every change to a record is written to the journal, each entry sealed to the one before it. Vigil walks the
        whole chain at every start, in the background, and names the first entry that does not match, if any.
      </SectionHeader>
      <ErrorNotice error={submit.error ?? error} />
      <div role="status" className="journal-result-region">
        {check && <JournalState check={check} />}
      </div>
    </section>
  );
}

function JournalState({ check }: { check: JournalCheck }) {
  const who = check.trigger === 'start' ? 'At start' : 'Asked';
  if (check.finishedAt === null) {
    const { done, total } = check.progress;
    return (
      <div className="journal-result">
        <p className="journal-verdict">Verifying the journal…</p>
        <progress max={Math.max(total, 1)} value={done} aria-label="Journal verified so far" />
        <p className="muted">{progressWords(done, total, 'entries')}</p>
      </div>
    );
  }
  const checked = `${who}, checked ${formatDateTime(new Date(check.finishedAt))}.`;
  if (!check.report) return <p className="muted">The last check could not finish. {checked}</p>;
  return <JournalResult report={check.report} checked={checked} />;
}

function JournalResult({ report, checked }: { report: VerifyReport; checked: string }) {
  if (report.ok) {
    return (
      <div className="journal-result journal-ok">
        <p className="journal-verdict">
          <span aria-hidden="true">✓ </span>
          Journal intact: {report.entries.toLocaleString('en-US')} {report.entries === 1 ? 'entry' : 'entries'}
        </p>
        <p className="muted">Every entry matches the one before it. {checked}</p>
      </div>
    );
  }
  const { seq, id, reason } = report.firstBroken;
  return (
    <div className="journal-result journal-broken">
      <p className="journal-verdict">
        <span aria-hidden="true">✕ </span>
        Journal broken at entry {seq} of {report.entries}
      </p>
      <p>Reason: {reason}</p>
      <p>
        Entry id <code>{id}</code>
      </p>
      <p className="muted">
        Entries before number {seq} verify. Do not change anything; tell your administrator or the library’s IT contact.{' '}
        {checked}
      </p>
    </div>
  );
}
