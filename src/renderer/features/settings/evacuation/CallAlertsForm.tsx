import { useState } from 'react';
import { call } from '../../../lib/api';
import { useQuery } from '../../../lib/useQuery';
import { useSubmit } from '../../../lib/useSubmit';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import type { CallAlertSettings } from '../../../../shared/contract';

/** When open calls become alerts: an urgent call nobody answers, and any call open too long. */
export function CallAlertsForm() {
  const settings = useQuery('calls.alertSettings', {});
  if (!settings.value) return <ErrorNotice error={settings.error} />;
  return <AlertsForm key={JSON.stringify(settings.value)} current={settings.value} onSaved={settings.setValue} />;
}

function AlertsForm({ current, onSaved }: { current: CallAlertSettings; onSaved: (s: CallAlertSettings) => void }) {
  const [urgent, setUrgent] = useState(String(current.urgentUnansweredMinutes));
  const [open, setOpen] = useState(String(current.openTooLongMinutes));
  const [said, setSaid] = useState<string | undefined>(undefined);
  const submit = useSubmit();
  async function save() {
    const done = await submit.run(() =>
      call('calls.updateAlertSettings', { urgentUnansweredMinutes: Number(urgent), openTooLongMinutes: Number(open) }),
    );
    if (!done) return;
    setSaid('Call alerts saved.');
    onSaved(done);
  }
  return (
    <form
      className="card call-alerts-form"
      aria-label="Call alerts"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h4>Call alerts</h4>
      <StatusNotice message={said} />
      <ErrorNotice error={submit.error} summarize />
      <div className="plan-fields">
        <TextField
          label="Urgent call with nobody responding: alert after (minutes)"
          type="number"
          min={1}
          max={30}
          value={urgent}
          onChange={setUrgent}
          error={submit.fieldError('urgentUnansweredMinutes')}
        />
        <TextField
          label="Any call still open: warn after (minutes)"
          type="number"
          min={5}
          max={480}
          value={open}
          onChange={setOpen}
          error={submit.fieldError('openTooLongMinutes')}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={submit.pending}>
          Save call alerts
        </Button>
      </div>
    </form>
  );
}
