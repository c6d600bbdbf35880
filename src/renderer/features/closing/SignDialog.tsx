import { useState } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/Notice';
import type { CallError } from '../../lib/api';
import type { ClosingRun } from '../../../shared/contract';
import { EXCEPTION_TITLES } from '../../../shared/closing-words';

interface SignDialogProps {
  run: ClosingRun;
  pending: boolean;
  error: CallError | undefined;
  onSign: (note: string) => void;
  onCancel: () => void;
}

/** The last look before "Building clear": what was found, the exceptions, and a note for the record. */
export function SignDialog({ run, pending, error, onSign, onCancel }: SignDialogProps) {
  const [note, setNote] = useState('');
  const failed = run.answers.filter((a) => a.failed);
  const items = new Map(run.items.map((i) => [i.id, i]));
  return (
    <Dialog
      title={`Sign “Building clear” for ${run.branchName}`}
      onClose={onCancel}
      actions={
        <>
          <Button onClick={onCancel}>Not yet</Button>
          <Button variant="primary" disabled={pending} onClick={() => onSign(note.trim())}>
            Sign building clear
          </Button>
        </>
      }
    >
      <ErrorNotice error={error} />
      <p>
        All {run.items.length} items are answered ({run.answers.filter((a) => a.method === 'camera').length} on camera).
        Signing records the time and your name; the answers can no longer change.
      </p>
      {failed.length > 0 && (
        <>
          <p className="strong">Problems found ({failed.length})</p>
          <ul className="sign-list">
            {failed.map((a) => (
              <li key={a.itemId}>
                {items.get(a.itemId)?.label}: {a.note || 'no note'}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="strong">Exceptions ({run.exceptions.length})</p>
      {run.exceptions.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="sign-list">
          {run.exceptions.map((e) => (
            <li key={e.id}>
              {EXCEPTION_TITLES[e.kind]}
              {e.details.who && `: ${e.details.who}`}
              {e.details.where && ` (${e.details.where})`} — {e.resolvedAt ? 'resolved' : 'still open'}
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor="sign-note">Note for the record</label>
        <textarea id="sign-note" rows={2} value={note} spellCheck onChange={(e) => setNote(e.target.value)} />
        <p className="field-hint">Optional: anything the morning shift or a supervisor should know.</p>
      </div>
    </Dialog>
  );
}
