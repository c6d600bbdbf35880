import { useState } from 'react';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';
import { useSubmit } from '../../lib/useSubmit';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/Notice';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { formatDateTime } from '../../lib/time';
import {
  HOLD_REASONS,
  holdReasonLabel,
  type HoldKind,
  type HoldReason,
  type LegalHold,
} from '../../../shared/contract';

/**
 * On a report, a person or a ban, for supervisors and administrators: the record's
 * legal hold said plainly ("On legal hold: never purged"), with Release; or "Legal
 * hold…" to set one. Officers see neither (main refuses them holds).
 */
export function LegalHoldControl({
  kind,
  recordId,
  what,
  canHold,
}: {
  kind: HoldKind;
  recordId: string;
  what: string;
  canHold: boolean;
}) {
  const hold = useQuery('retention.holdOf', { kind, recordId }, { enabled: canHold, refetchOn: ['retention.changed'] });
  const [setting, setSetting] = useState(false);
  const [releasing, setReleasing] = useState(false);
  if (!canHold || hold.loading) return null;
  const h = hold.value;
  return (
    <>
      {h ? (
        <p className="notice notice-info legal-hold" role="note">
          <span className="notice-icon" aria-hidden="true">
            ⚖
          </span>
          <span>
            <strong>On legal hold: never purged.</strong> {holdReasonLabel[h.reason]}
            {h.caseNumber && `, case ${h.caseNumber}`}
            {h.note && ` — ${h.note}`}. Set {formatDateTime(new Date(h.setAt))} by {h.setByName}.{' '}
            <Button small onClick={() => setReleasing(true)}>
              Release hold…
            </Button>
          </span>
        </p>
      ) : (
        <Button small onClick={() => setSetting(true)}>
          Legal hold…
        </Button>
      )}
      {setting && (
        <SetHoldDialog
          kind={kind}
          recordId={recordId}
          what={what}
          onCancel={() => setSetting(false)}
          onDone={(held) => {
            setSetting(false);
            hold.setValue(held);
          }}
        />
      )}
      {releasing && h && (
        <ReleaseHoldDialog
          hold={h}
          onCancel={() => setReleasing(false)}
          onDone={() => {
            setReleasing(false);
            hold.setValue(null);
          }}
        />
      )}
    </>
  );
}

function SetHoldDialog({
  kind,
  recordId,
  what,
  onCancel,
  onDone,
}: {
  kind: HoldKind;
  recordId: string;
  what: string;
  onCancel: () => void;
  onDone: (h: LegalHold) => void;
}) {
  const [reason, setReason] = useState<HoldReason>('police');
  const [note, setNote] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const submit = useSubmit();
  async function confirm() {
    const h = await submit.run(() => call('retention.setHold', { kind, recordId, reason, note, caseNumber }));
    if (h) onDone(h);
  }
  return (
    <Dialog
      title={`Put ${what} on legal hold`}
      onClose={onCancel}
      actions={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button variant="primary" disabled={submit.pending} onClick={() => void confirm()}>
            Put on hold
          </Button>
        </>
      }
    >
      <p>
        A record on hold is kept whatever the retention settings say, until a supervisor releases it. Its photos, clips
        and the persons it names are kept with it.
      </p>
      <ErrorNotice error={submit.error} />
      <SelectField
        label="Why"
        value={reason}
        options={HOLD_REASONS.map((r) => ({ value: r, label: holdReasonLabel[r] }))}
        onChange={setReason}
        error={submit.fieldError('reason')}
      />
      <TextField
        label="Case number"
        value={caseNumber}
        onChange={setCaseNumber}
        hint="The police report or court case number, if there is one."
        error={submit.fieldError('caseNumber')}
        autoComplete="off"
      />
      <TextAreaField
        label="Note"
        value={note}
        onChange={setNote}
        hint={reason === 'other' ? 'Say why the record is held.' : 'Who asked, and for what (optional).'}
        error={submit.fieldError('note')}
        rows={3}
      />
    </Dialog>
  );
}

export function ReleaseHoldDialog({
  hold,
  onCancel,
  onDone,
}: {
  hold: LegalHold;
  onCancel: () => void;
  onDone: () => void;
}) {
  const [note, setNote] = useState('');
  const submit = useSubmit();
  async function confirm() {
    const r = await submit.run(() => call('retention.releaseHold', { id: hold.id, note }));
    if (r) onDone();
  }
  return (
    <Dialog
      role="alertdialog"
      title={`Release the legal hold on ${hold.label}?`}
      onClose={onCancel}
      actions={
        <>
          <Button onClick={onCancel}>Keep the hold</Button>
          <Button variant="danger" disabled={submit.pending} onClick={() => void confirm()}>
            Release
          </Button>
        </>
      }
    >
      <p>Once released, the record follows the retention settings again and may be purged at the next purge.</p>
      <ErrorNotice error={submit.error} />
      <TextAreaField
        label="Why it is released"
        value={note}
        onChange={setNote}
        hint="For example: the case is closed, the appeal was decided."
        error={submit.fieldError('note')}
        rows={2}
      />
    </Dialog>
  );
}
