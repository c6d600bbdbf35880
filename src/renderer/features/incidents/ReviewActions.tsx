import { useState } from 'react';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { Button } from '../../components/Button';
import { TextAreaField } from '../../components/Field';
import { InlineForm } from '../../components/InlineForm';
import { ErrorNotice } from '../../components/Notice';
import type { IncidentRecord, StaffSummary } from '../../../shared/contract';
import { reviewBar } from '../../../shared/review-rule';
import { downloadReportPdf } from './exportPdf';
import { EvidenceExport } from './EvidenceExport';
import { useDisclose } from '../disclose/DiscloseProvider';

type Decision = 'return' | 'close';

interface ReviewActionsProps {
  record: IncidentRecord;
  staff: StaffSummary;
  onAmend: () => void;
  /** "Continue amending" when an amendment is under way. */
  amendLabel?: string;
  onDone: (message: string) => void;
}

/** What the signed-in person may do with this report, and nothing they may not. */
export function ReviewActions({ record, staff, onAmend, amendLabel, onDone }: ReviewActionsProps) {
  const [asking, setAsking] = useState<Decision | null>(null);
  const [comment, setComment] = useState('');
  const [exporting, setExporting] = useState(false);
  const [evidence, setEvidence] = useState(false);
  const submit = useSubmit();
  const askDisclose = useDisclose();
  const reviewer = staff.role === 'supervisor' || staff.role === 'admin';
  const mine = record.reporter.id === staff.id;
  const canAmend = record.status !== 'closed' && (mine || reviewer);
  // Main refuses the same (shared/review-rule.ts); the screen says why instead of offering the button.
  const step = record.status === 'submitted' ? 'review' : record.status === 'approved' ? 'close' : null;
  const bar = reviewer && step ? reviewBar(record, staff.id, step) : null;
  const canReview = reviewer && step === 'review' && bar === null;
  const canClose = reviewer && step === 'close' && bar === null;

  async function decide(decision: 'approve' | 'return') {
    const done = await submit.run(() =>
      call('incidents.review', { id: record.id, version: record.version, decision, comment }),
    );
    if (!done) return;
    setAsking(null);
    setComment('');
    onDone(
      decision === 'approve' ? `Approved ${record.number}` : `Returned ${record.number} to ${record.reporter.name}`,
    );
  }

  async function close() {
    const done = await submit.run(() => call('incidents.close', { id: record.id, comment }));
    if (!done) return;
    setAsking(null);
    setComment('');
    onDone(`Closed ${record.number}`);
  }

  async function exportPdf() {
    const disclose = await askDisclose({
      what: `Report ${record.number} as PDF`,
      action: 'Export PDF',
      // The PDF is the document police take away; printing for the file is the Print button.
      basis: 'police-crime-at-library',
    });
    if (!disclose) return;
    setExporting(true);
    const r = await submit.run(() => downloadReportPdf(record.id, disclose));
    setExporting(false);
    if (r) onDone(`Exported ${r.fileName} — SHA-256 ${r.sha256}`);
  }

  /**
   * A printout leaves the screen like a file does: the Disclose step first, recorded by main
   * through the report's PDF (the same content, its hash kept), then the browser's print.
   */
  async function print() {
    const disclose = await askDisclose({
      what: `Report ${record.number}, printed`,
      action: 'Print',
      basis: 'library-administration',
      recipient: 'The branch’s incident file',
    });
    if (!disclose) return;
    const r = await submit.run(() => call('incidents.exportPdf', { id: record.id, disclose }));
    if (r) window.print();
  }

  if (asking) {
    const returning = asking === 'return';
    return (
      <InlineForm
        title={returning ? `Return ${record.number} to ${record.reporter.name}` : `Close ${record.number}`}
        submitLabel={returning ? 'Return report' : 'Close report'}
        pending={submit.pending}
        error={submit.error}
        onSubmit={() => void (returning ? decide('return') : close())}
        onCancel={() => {
          submit.clear();
          setAsking(null);
        }}
      >
        <TextAreaField
          label={returning ? 'What should be corrected' : 'Closing comment'}
          value={comment}
          onChange={setComment}
          rows={3}
          spellCheck
          fieldClassName="field-wide"
          hint={returning ? 'Required. The reporter reads this and amends the report.' : 'Optional.'}
          error={submit.fieldError('comment')}
        />
      </InlineForm>
    );
  }

  return (
    <div className="report-actions" role="group" aria-label="Report actions">
      {canReview && (
        <Button variant="primary" disabled={submit.pending} onClick={() => void decide('approve')}>
          Approve
        </Button>
      )}
      {canReview && <Button onClick={() => setAsking('return')}>Return with comment</Button>}
      {canAmend && <Button onClick={onAmend}>{amendLabel ?? 'Amend'}</Button>}
      {canClose && <Button onClick={() => setAsking('close')}>Close report</Button>}
      <Button disabled={exporting} onClick={() => void exportPdf()}>
        {exporting ? 'Making the PDF…' : 'Export PDF'}
      </Button>
      <Button
        onClick={() => setEvidence(true)}
        title="The PDF, clips, snapshots and a manifest to a folder, for police"
      >
        Export evidence…
      </Button>
      {evidence && <EvidenceExport record={record} onClose={() => setEvidence(false)} onDone={onDone} />}
      <Button variant="quiet" onClick={() => void print()}>
        Print
      </Button>
      {bar && <p className="review-bar">{bar}</p>}
      <ErrorNotice error={submit.error} />
    </div>
  );
}
