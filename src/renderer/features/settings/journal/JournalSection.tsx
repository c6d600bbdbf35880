import { useState } from 'react';
import { call } from '../../../lib/api';
import { useSubmit } from '../../../lib/useSubmit';
import { Button } from '../../../components/Button';
import { ErrorNotice } from '../../../components/Notice';
import type { VerifyReport } from '../../../../shared/contract';
import { formatClock } from '../../../lib/time';
import { SectionHeader } from '../SectionHeader';

export function JournalSection() {
  const submit = useSubmit();
  const [report, setReport] = useState<{ report: VerifyReport; at: Date } | undefined>(undefined);

  async function verify() {
    const result = await submit.run(() => call('journal.verify', {}));
    if (result) setReport({ report: result, at: new Date() });
  }

  return (
    <section aria-labelledby="journal-title" className="settings-section">
      <SectionHeader
        id="journal-title"
        title="Journal"
        action={
          <Button variant="primary" onClick={() => void verify()} disabled={submit.pending}>
            {submit.pending ? 'Verifying…' : 'Verify journal'}
          </Button>
        }
      >
        Every change to a record is written to the journal, each entry sealed to the one before it. Verifying walks the
        whole chain and names the first entry that does not match, if any.
      </SectionHeader>
      <ErrorNotice error={submit.error} />
      <div role="status" className="journal-result-region">
        {report && <JournalResult report={report.report} at={report.at} />}
      </div>
    </section>
  );
}

function JournalResult({ report, at }: { report: VerifyReport; at: Date }) {
  const checked = `Checked at ${formatClock(at)}.`;
  if (report.ok) {
    return (
      <div className="journal-result journal-ok">
        <p className="journal-verdict">
          <span aria-hidden="true">✓ </span>
          Journal intact: {report.entries} {report.entries === 1 ? 'entry' : 'entries'}
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
