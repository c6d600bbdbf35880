import { useState } from 'react';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import type { EvacuationRecord } from '../../../shared/contract';

interface AllClearDialogProps {
  record: EvacuationRecord;
  onDone: (record: EvacuationRecord) => void;
  onClose: () => void;
}

/**
 * The all clear: who gave it (the fire department, the drill coordinator). With zones
 * not swept clear, they are named and must be confirmed; the record keeps which.
 */
export function AllClearDialog({ record: r, onDone, onClose }: AllClearDialogProps) {
  const [givenBy, setGivenBy] = useState(r.drill ? 'Drill coordinator' : '');
  const [confirmed, setConfirmed] = useState(false);
  const submit = useSubmit();
  const unswept = r.zones.filter((z) => z.state !== 'clear');

  async function give() {
    const done = await submit.run(() =>
      call('evacuations.allClear', {
        id: r.id,
        givenBy,
        confirmUnswept: confirmed ? unswept.map((z) => z.zoneId) : [],
      }),
    );
    if (done) onDone(done);
  }

  return (
    <Dialog
      role="alertdialog"
      title={r.drill ? 'All clear: end the drill' : 'All clear: end the evacuation'}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Not yet</Button>
          <Button
            variant="danger"
            disabled={submit.pending || (unswept.length > 0 && !confirmed)}
            onClick={() => void give()}
          >
            Give the all clear
          </Button>
        </>
      }
    >
      <ErrorNotice error={submit.error} />
      <TextField
        label="Who gave the all clear"
        value={givenBy}
        onChange={setGivenBy}
        maxLength={120}
        placeholder="Fire department, Lt. …"
        error={submit.fieldError('givenBy')}
        autoFocus
      />
      {unswept.length > 0 && (
        <div className="unswept-warning">
          <p>
            <strong>{unswept.length === 1 ? '1 zone is' : `${unswept.length} zones are`} not swept clear:</strong>{' '}
            {unswept.map((z) => z.name).join(', ')}.
          </p>
          <label className="check">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            Give the all clear anyway; the report will say these zones were not swept
          </label>
        </div>
      )}
    </Dialog>
  );
}
