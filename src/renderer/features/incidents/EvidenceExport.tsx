import { useState } from 'react';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';
import { useSubmit } from '../../lib/useSubmit';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import type { IncidentRecord, OutputOf } from '../../../shared/contract';
import { DiscloseFields } from '../disclose/DiscloseFields';
import { useDiscloseForm } from '../disclose/discloseForm';
import '../disclose/disclose.css';

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * "Export evidence": the report's PDF, clips, snapshots and photos written to a folder
 * the person chooses, with a manifest and SHA256SUMS a third party checks with
 * sha256sum. Main records who exported what, where, and why (the purpose is required).
 */
export function EvidenceExport({
  record,
  onClose,
  onDone,
}: {
  record: IncidentRecord;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const plan = useQuery('evidence.plan', { incidentId: record.id });
  // The Disclose step is this dialog's own first fields: one question, not two.
  const disclose = useDiscloseForm({ basis: 'police-crime-at-library' });
  const [folder, setFolder] = useState<string | null>(null);
  const [done, setDone] = useState<OutputOf<'evidence.export'> | null>(null);
  const submit = useSubmit();
  const choose = useSubmit();
  const shownFolder = folder ?? plan.value?.suggestedFolder ?? '';

  async function pick() {
    const r = await choose.run(() => call('evidence.chooseFolder', {}));
    if (r?.folder) setFolder(r.folder);
  }

  async function exportNow() {
    const d = disclose.check();
    if (!d) {
      // The first field refused gets the focus once its message shows.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.evidence-form [aria-invalid="true"]')?.focus());
      return;
    }
    const r = await submit.run(() =>
      call('evidence.export', { incidentId: record.id, disclose: d, folder: shownFolder }),
    );
    if (!r) return;
    setDone(r);
    onDone(`Exported evidence of ${record.number} to ${r.folder}`);
  }

  if (done) {
    return (
      <Dialog title={`Evidence of ${record.number} exported`} onClose={onClose}>
        <p>
          Written to <code className="evidence-folder">{done.folder}</code>
        </p>
        {done.problems.length > 0 && (
          <div className="notice notice-warn" role="alert">
            <span>Not exported: {done.problems.join(' ')}</span>
          </div>
        )}
        <table className="table evidence-files">
          <caption className="visually-hidden">Files written</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">What it is</th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {done.files.map((f) => (
              <tr key={f.name}>
                <td>{f.name}</td>
                <td>{f.what}</td>
                <td>
                  <code>{f.sha256}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          Anyone can check the files: in the folder, <code>sha256sum -c SHA256SUMS</code> prints “OK” for each. The
          fingerprint of SHA256SUMS itself, to write down or read out:
        </p>
        <p>
          <code className="evidence-fingerprint">{done.sumsSha256}</code>
        </p>
      </Dialog>
    );
  }

  const files = plan.value?.files ?? [];
  return (
    <Dialog
      title={`Export evidence of ${record.number}`}
      onClose={onClose}
      actions={
        <>
          <Button variant="primary" disabled={submit.pending || !plan.value} onClick={() => void exportNow()}>
            {submit.pending ? 'Exporting…' : 'Export evidence'}
          </Button>
          <Button variant="quiet" onClick={onClose}>
            Cancel
          </Button>
        </>
      }
    >
      <form
        className="evidence-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void exportNow();
        }}
      >
        <p className="muted">
          The report as PDF, its clips, snapshots and photos, a manifest and SHA256SUMS, in a new folder inside the one
          chosen. Camera images are confidential (Wis. Stat. 43.30): logged with your name, to whom and why.
        </p>
        <ErrorNotice error={plan.error ?? submit.error} summarize />
        <DiscloseFields form={disclose}>
          <div className="evidence-folder-row">
            <TextField
              label="Folder"
              value={shownFolder}
              onChange={setFolder}
              readOnly={plan.value?.canChooseFolder}
              hint={plan.value?.canChooseFolder ? undefined : 'The full path of a folder here, or on a USB drive.'}
              error={submit.fieldError('folder')}
            />
            {plan.value?.canChooseFolder && (
              <Button onClick={() => void pick()} disabled={choose.pending}>
                Choose folder…
              </Button>
            )}
          </div>
        </DiscloseFields>
        {files.length > 0 && (
          <p className="muted">
            It holds {files.length} {files.length === 1 ? 'file' : 'files'}:{' '}
            {files.map((f) => (f.bytes ? `${f.what} (${size(f.bytes)})` : f.what)).join('; ')}.
          </p>
        )}
        {/* Enter in a field exports; the visible button is in the dialog's foot. */}
        <button type="submit" hidden tabIndex={-1} />
      </form>
    </Dialog>
  );
}
