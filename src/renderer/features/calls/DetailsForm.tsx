import { useId, useState } from 'react';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { InlineForm } from '../../components/InlineForm';
import { SelectField, TextField } from '../../components/Field';
import type { Branch, CallChannel, CallNature, CallPriority, CallRecord } from '../../../shared/contract';
import { CALL_CHANNELS, CALL_NATURES, CALL_PRIORITIES } from '../../../shared/contract/calls';
import { CHANNEL_WORDS, NATURE_WORDS, PRIORITY_WORDS } from '../../../shared/call-words';
import { personNamed } from './useCallStaff';

interface DetailsFormProps {
  call: CallRecord;
  branch: Branch | undefined;
  staff: readonly { id: string; name: string }[];
  onDone: (call: CallRecord) => void;
  onCancel: () => void;
}

/** Corrects what the call was (it turned out urgent, it was another zone), with a reason; the first version stays. */
export function DetailsForm({ call: c, branch, staff, onDone, onCancel }: DetailsFormProps) {
  const [zoneId, setZoneId] = useState(c.zoneId ?? '');
  const [nature, setNature] = useState<CallNature>(c.nature);
  const [priority, setPriority] = useState<CallPriority>(c.priority);
  const [caller, setCaller] = useState(c.caller.name);
  const [channel, setChannel] = useState<CallChannel>(c.channel);
  const [detail, setDetail] = useState(c.detail);
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const listId = useId();
  const zones = (branch?.zones ?? []).filter((z) => !z.retired || z.id === c.zoneId);

  async function save() {
    const done = await submit.run(() =>
      call('calls.correctDetails', {
        id: c.id,
        revision: c.revision,
        zoneId: zoneId || null,
        caller: caller.trim() === c.caller.name ? c.caller : personNamed(caller, staff),
        channel,
        nature,
        priority,
        detail,
        reason,
      }),
    );
    if (done) onDone(done);
  }

  return (
    <InlineForm
      title="Correct the call’s details"
      submitLabel="Save correction"
      pending={submit.pending}
      error={submit.error}
      onSubmit={() => void save()}
      onCancel={onCancel}
      className="details-form"
    >
      <SelectField
        label="Zone"
        value={zoneId}
        options={[{ value: '', label: 'Not sure / elsewhere' }, ...zones.map((z) => ({ value: z.id, label: z.name }))]}
        onChange={setZoneId}
        error={submit.fieldError('zoneId')}
      />
      <SelectField
        label="What is it"
        value={nature}
        options={CALL_NATURES.map((n) => ({ value: n, label: NATURE_WORDS[n] }))}
        onChange={setNature}
      />
      <SelectField
        label="Priority"
        value={priority}
        options={CALL_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_WORDS[p] }))}
        onChange={setPriority}
      />
      <TextField
        label="Who called"
        value={caller}
        onChange={setCaller}
        list={listId}
        error={submit.fieldError('caller.name')}
      />
      <datalist id={listId}>
        {staff.map((s) => (
          <option key={s.id} value={s.name} />
        ))}
      </datalist>
      <SelectField
        label="Called by"
        value={channel}
        options={CALL_CHANNELS.map((ch) => ({ value: ch, label: CHANNEL_WORDS[ch] }))}
        onChange={setChannel}
      />
      <TextField
        label="Detail"
        value={detail}
        onChange={setDetail}
        maxLength={300}
        error={submit.fieldError('detail')}
      />
      <TextField
        label="Reason for the correction"
        value={reason}
        onChange={setReason}
        maxLength={500}
        error={submit.fieldError('reason')}
      />
    </InlineForm>
  );
}
