import { useState } from 'react';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { InlineForm } from '../../components/InlineForm';
import { SelectField, TextField } from '../../components/Field';
import type { CallOutcome, CallRecord, StepRecord } from '../../../shared/contract';
import { CALL_OUTCOMES } from '../../../shared/contract/calls';
import { OUTCOME_WORDS, STEP_NAMES } from '../../../shared/call-words';
import { isoToLocalSeconds, localSecondsToIso } from './localSeconds';
import { personNamed } from './useCallStaff';

interface CorrectionFormProps {
  call: CallRecord;
  record: StepRecord;
  /** Only the latest step may be withdrawn (and never the call itself). */
  canWithdraw: boolean;
  timeZone: string | undefined;
  staff: readonly { id: string; name: string }[];
  onDone: (call: CallRecord, message: string) => void;
  onCancel: () => void;
}

/** Corrects one step: its time, who responded, the outcome, or that it did not happen; a reason is required. */
export function CorrectionForm({
  call: c,
  record,
  canWithdraw,
  timeZone,
  staff,
  onDone,
  onCancel,
}: CorrectionFormProps) {
  const shownAt = isoToLocalSeconds(record.at!, timeZone);
  const [at, setAt] = useState(shownAt);
  const [responders, setResponders] = useState(record.responders.map((r) => r.name).join(', '));
  const [outcome, setOutcome] = useState<CallOutcome>(record.outcome ?? 'resolved');
  const [note, setNote] = useState(record.note);
  const [withdraw, setWithdraw] = useState(false);
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const name = STEP_NAMES[record.step];

  async function save() {
    const iso = localSecondsToIso(at, timeZone);
    const done = await submit.run(() =>
      call('calls.correctStep', {
        id: c.id,
        stepId: record.id,
        reason,
        withdraw,
        // A time left as shown keeps the original to the millisecond (the field shows whole seconds).
        ...(withdraw || at === shownAt ? {} : { at: iso ?? record.at! }),
        ...(record.step === 'responding' && !withdraw
          ? {
              responders: responders
                .split(',')
                .map((n) => n.trim())
                .filter(Boolean)
                .map((n) => personNamed(n, staff)),
            }
          : {}),
        ...(record.step === 'cleared' && !withdraw ? { outcome, note } : {}),
      }),
    );
    if (done) onDone(done, withdraw ? `${name} withdrawn.` : `${name} corrected.`);
  }

  return (
    <InlineForm
      title={`Correct “${name}”`}
      submitLabel="Save correction"
      pending={submit.pending}
      error={submit.error}
      onSubmit={() => void save()}
      onCancel={onCancel}
      className="correction-form"
    >
      {canWithdraw && (
        <label className="check">
          <input type="checkbox" checked={withdraw} onChange={(e) => setWithdraw(e.target.checked)} />
          This step did not happen (recorded by mistake)
        </label>
      )}
      {!withdraw && (
        <TextField
          label={`${name} at`}
          type="datetime-local"
          step={1}
          value={at}
          onChange={setAt}
          error={submit.fieldError('at')}
          hint="As the branch’s clock read it"
        />
      )}
      {!withdraw && record.step === 'responding' && (
        <TextField
          label="Who responded"
          value={responders}
          onChange={setResponders}
          hint="Names separated by commas; staff names are matched to their accounts"
          error={submit.fieldError('responders')}
        />
      )}
      {!withdraw && record.step === 'cleared' && (
        <>
          <SelectField
            label="Outcome"
            value={outcome}
            options={CALL_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_WORDS[o] }))}
            onChange={setOutcome}
          />
          <TextField label="Note" value={note} onChange={setNote} maxLength={2000} />
        </>
      )}
      <TextField
        label="Reason for the correction"
        value={reason}
        onChange={setReason}
        maxLength={500}
        error={submit.fieldError('reason')}
        hint="Kept with the call; the original record stays as it was"
      />
    </InlineForm>
  );
}
