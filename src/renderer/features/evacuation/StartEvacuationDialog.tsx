import { useId, useState } from 'react';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import type { Branch, EvacuationKind, EvacuationRecord } from '../../../shared/contract';
import { EVACUATION_KINDS } from '../../../shared/contract/evacuation';
import { EVACUATION_WORDS } from '../../../shared/call-words';

interface StartEvacuationDialogProps {
  branches: readonly Branch[];
  defaultBranchId: string;
  onStarted: (record: EvacuationRecord) => void;
  onClose: () => void;
}

/**
 * The one action that starts an emergency: which branch, what kind (a drill is marked
 * a drill everywhere), then "Start now" confirms and it starts. Cancel is the safe way
 * out, and comes first.
 */
export function StartEvacuationDialog({ branches, defaultBranchId, onStarted, onClose }: StartEvacuationDialogProps) {
  const [branchId, setBranchId] = useState(defaultBranchId || branches[0]?.id || '');
  const [kind, setKind] = useState<EvacuationKind>('fire-alarm');
  const [description, setDescription] = useState('');
  const submit = useSubmit();
  const formId = useId();
  const branch = branches.find((b) => b.id === branchId);
  const drill = kind === 'drill';

  async function start() {
    const started = await submit.run(() => call('evacuations.start', { branchId, kind, description }));
    if (started) onStarted(started);
  }

  return (
    <Dialog
      role="alertdialog"
      title="Start an evacuation"
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            form={formId}
            variant="danger"
            className="start-now"
            disabled={submit.pending || !branch}
          >
            {drill
              ? `Start the drill at ${branch?.name ?? '…'} now`
              : `Start the evacuation at ${branch?.name ?? '…'} now`}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        className="start-evacuation-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <ErrorNotice error={submit.error} />
        <SelectField
          label="Branch"
          value={branchId}
          options={branches.map((b) => ({ value: b.id, label: b.name }))}
          onChange={setBranchId}
          error={submit.fieldError('branchId')}
        />
        <fieldset className="evacuation-kinds">
          <legend>What is happening</legend>
          {EVACUATION_KINDS.map((k) => (
            <label
              key={k}
              className={`radio-option${k === kind ? ' is-checked' : ''}${k === 'drill' ? ' is-drill' : ''}`}
            >
              <input type="radio" name={`${formId}-kind`} value={k} checked={k === kind} onChange={() => setKind(k)} />
              <span>{k === 'drill' ? 'Drill (practice, no emergency)' : EVACUATION_WORDS[k]}</span>
            </label>
          ))}
        </fieldset>
        <TextField
          label="What happened (optional)"
          value={description}
          onChange={setDescription}
          maxLength={300}
          placeholder={drill ? 'Scheduled drill' : 'Alarm panel shows…'}
        />
        <p className="start-warning">
          {drill
            ? 'Every screen will show DRILL until the all clear. The drill is recorded like a real evacuation.'
            : 'Every screen will show the emergency until the all clear is given.'}
        </p>
      </form>
    </Dialog>
  );
}
