import { useState } from 'react';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { mainNow } from '../../lib/mainClock';
import { Button } from '../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { InlineForm } from '../../components/InlineForm';
import { ErrorNotice } from '../../components/Notice';
import { Unseen } from '../../components/Unseen';
import type { BanDetail, StaffSummary } from '../../../shared/contract';
import { DateTimeField } from '../incidents/formParts';
import { isoToLocalInput } from '../incidents/localTime';
import { Checkbox, RadioGroup, useFormCheck } from './formBits';
import { deadlineWords, whenWords } from './format';
import { downloadPdf } from '../../lib/downloadPdf';
import { DECISION_LIST, DECISION_WORD, DELIVERY_LIST, DELIVERY_WORD } from './words';
import type { AppealDecision, DeliveryMethod } from './words';
import { useDisclose } from '../disclose/DiscloseProvider';

type Form = 'lift' | 'delivery' | 'appeal' | 'hearing' | 'decide' | 'meeting' | 'held';

export interface BanActionProps {
  ban: BanDetail;
  staff: StaffSummary;
  timeZone: string | undefined;
  /** A change main accepted: the ban as it is now, and what to say. */
  onDone: (next: BanDetail, message: string) => void;
  /** Something said without a change (a PDF downloaded). */
  onSaid: (message: string) => void;
}

/** Now on main's clock, to the minute: the default for "when" fields. */
function nowIso(): string {
  const d = mainNow();
  d.setSeconds(0, 0);
  return d.toISOString();
}

/**
 * What the signed-in person may do with this ban now, by role and status, and the
 * one form open for it. Main refuses the same; a refusal shows its message at the field.
 */
export function BanActions({ ban, staff, timeZone, onDone, onSaid }: BanActionProps) {
  const [form, setForm] = useState<Form | null>(null);
  const act = useSubmit();
  const askDisclose = useDisclose();
  const supervisor = staff.role === 'supervisor' || staff.role === 'admin';
  const p = ban.particulars;
  const s = ban.status;
  const over = s === 'lifted' || s === 'ended';
  const openAppeal = p?.appeals.find((a) => a.decision === null);
  const meetingHeld = p?.meetings.some((m) => m.heldAt !== null) ?? false;
  const meetingWaiting = p?.meetings.find((m) => m.heldAt === null);
  const issuedByMe = p?.issuedById === staff.id;
  const minor = ban.person.minor === true;

  const canApprove = supervisor && s === 'pendingApproval' && !issuedByMe;
  const canLift = supervisor && !over;
  const canNotice = s !== 'pendingApproval' && !over;
  const canAppeal = (s === 'active' || s === 'scheduled' || s === 'awaitingReinstatement') && !openAppeal;
  const canDecide = supervisor && openAppeal !== undefined;
  const canMeeting =
    ban.meetingRequired && !over && s !== 'pendingApproval' && !meetingHeld && (!supervisor || !meetingWaiting);
  const canHeld = supervisor && meetingWaiting !== undefined && !over;

  const done = (next: BanDetail, message: string) => {
    setForm(null);
    onDone(next, message);
  };
  const formProps = { ban, timeZone, onDone: done, onCancel: () => setForm(null) };

  async function approve() {
    const next = await act.run(() => call('bans.approve', { id: ban.id }));
    if (next) onDone(next, `Approved ${ban.number}: ${next.statusWords}.`);
  }

  async function notice(recipient: 'person' | 'guardian') {
    const disclose = await askDisclose({
      what: `Notice of ban ${ban.number}${recipient === 'guardian' ? ' for the guardian' : ''}`,
      action: 'Download notice',
      basis: 'library-administration',
      recipient: recipient === 'guardian' ? `Guardian of ${ban.person.name}` : ban.person.name,
    });
    if (!disclose) return;
    const r = await act.run(() => downloadPdf(() => call('bans.noticePdf', { id: ban.id, recipient, disclose })));
    if (r) {
      onSaid(
        `Downloaded ${r.fileName} — SHA-256 ${r.sha256}. Print it, hand it over (or post it), then record the delivery.`,
      );
    }
  }

  if (form === 'lift') return <LiftForm {...formProps} />;
  if (form === 'delivery') return <DeliveryForm {...formProps} minor={minor} />;
  if (form === 'appeal') return <AppealForm {...formProps} supervisor={supervisor} />;
  if (form === 'hearing' && openAppeal) return <HearingForm {...formProps} appealId={openAppeal.id} />;
  if (form === 'decide' && openAppeal) return <DecideForm {...formProps} appealId={openAppeal.id} />;
  if (form === 'meeting') return <MeetingForm {...formProps} />;
  if (form === 'held') return <HeldForm {...formProps} />;

  const n = <Unseen> {ban.number}</Unseen>;
  return (
    <div className="ban-actions" role="group" aria-label="Ban actions">
      {canApprove && (
        <Button variant="primary" disabled={act.pending} onClick={() => void approve()}>
          Approve{n}
        </Button>
      )}
      {canNotice && (
        <Button disabled={act.pending} onClick={() => void notice('person')}>
          Notice PDF{n}
        </Button>
      )}
      {canNotice && minor && (
        <Button disabled={act.pending} onClick={() => void notice('guardian')}>
          Guardian’s notice PDF{n}
        </Button>
      )}
      {canNotice && <Button onClick={() => setForm('delivery')}>Record delivery{n}</Button>}
      {canAppeal && <Button onClick={() => setForm('appeal')}>Record appeal{n}</Button>}
      {canDecide && !openAppeal.hearing && <Button onClick={() => setForm('hearing')}>Schedule hearing{n}</Button>}
      {canDecide && (
        <Button variant={openAppeal.hearing ? 'primary' : 'secondary'} onClick={() => setForm('decide')}>
          Decide appeal{n}
        </Button>
      )}
      {canMeeting && <Button onClick={() => setForm('meeting')}>Schedule meeting{n}</Button>}
      {canHeld && (
        <Button variant="primary" onClick={() => setForm('held')}>
          Meeting held{n}
        </Button>
      )}
      {canLift && (
        <Button variant="danger" onClick={() => setForm('lift')}>
          Lift early{n}
        </Button>
      )}
      {supervisor && s === 'pendingApproval' && issuedByMe && (
        <p className="review-bar">You issued this ban: another supervisor approves it.</p>
      )}
      {!supervisor && s === 'pendingApproval' && (
        <p className="review-bar">A supervisor approves this ban; until then it is not in force.</p>
      )}
      <ErrorNotice error={act.error} />
    </div>
  );
}

interface FormProps {
  ban: BanDetail;
  timeZone: string | undefined;
  onDone: (next: BanDetail, message: string) => void;
  onCancel: () => void;
}

function LiftForm({ ban, onDone, onCancel }: FormProps) {
  const submit = useSubmit();
  const form = useFormCheck(submit);
  const [reason, setReason] = useState('');
  const [rescind, setRescind] = useState(false);
  async function save() {
    if (!form.check({ reason: !reason.trim() && 'Say why the ban is lifted early' })) return;
    const next = await submit.run(() => call('bans.lift', { id: ban.id, reason, rescind }));
    if (next) onDone(next, `Lifted ${ban.number}${rescind ? ': it no longer counts toward the ladder' : ''}.`);
  }
  return (
    <InlineForm
      title={`Lift ${ban.number} early`}
      submitLabel="Lift the ban"
      pending={submit.pending}
      error={form.error}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      <TextAreaField
        label="Reason"
        value={reason}
        onChange={setReason}
        rows={3}
        spellCheck
        fieldClassName="field-wide"
        hint="Required. Journaled with your name."
        error={form.fieldError('reason')}
      />
      <div className="field-wide">
        <Checkbox
          label="Rescind: issued in error"
          checked={rescind}
          onChange={setRescind}
          hint="A rescinded ban no longer counts toward the ladder: the next ban for this person starts lower."
          error={form.fieldError('rescind')}
        />
      </div>
    </InlineForm>
  );
}

function DeliveryForm({ ban, timeZone, onDone, onCancel, minor }: FormProps & { minor: boolean }) {
  const submit = useSubmit();
  const form = useFormCheck(submit);
  const [recipient, setRecipient] = useState<'person' | 'guardian'>('person');
  const [method, setMethod] = useState<DeliveryMethod>('inPerson');
  const [signed, setSigned] = useState<'signed' | 'refused' | null>(null);
  const [deliveredAt, setDeliveredAt] = useState<string | null>(nowIso);
  const [postedOn, setPostedOn] = useState(() => isoToLocalInput(nowIso(), timeZone).slice(0, 10));
  const [note, setNote] = useState('');
  async function save() {
    if (!form.check({ deliveredAt: !deliveredAt && 'Give the date and time of the delivery' })) return;
    const next = await submit.run(() =>
      call('bans.recordDelivery', {
        id: ban.id,
        recipient,
        method,
        // An empty time is sent as it is: main says at the field what is missing.
        deliveredAt: deliveredAt ?? '',
        signed: method === 'inPerson' ? (signed === null ? null : signed === 'signed') : null,
        postedOn: method === 'posted' ? postedOn || null : null,
        note,
      }),
    );
    if (next) {
      const deadline = next.particulars?.appealDeadline;
      onDone(
        next,
        `Recorded the delivery of ${ban.number}${recipient === 'guardian' ? ' to the guardian' : ''}${
          deadline ? `: appeals close at ${deadlineWords(deadline, timeZone, mainNow())}` : ''
        }.`,
      );
    }
  }
  return (
    <InlineForm
      title={`Record the delivery of the notice for ${ban.number}`}
      submitLabel="Record delivery"
      pending={submit.pending}
      error={form.error}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      {minor && (
        <RadioGroup
          legend="Delivered to"
          value={recipient}
          onChange={setRecipient}
          options={[
            { value: 'person', label: ban.personName },
            { value: 'guardian', label: 'The parent or guardian' },
          ]}
          error={form.fieldError('recipient')}
        />
      )}
      <SelectField
        label="How"
        value={method}
        options={DELIVERY_LIST.map((m) => ({ value: m, label: DELIVERY_WORD[m] }))}
        onChange={setMethod}
        error={form.fieldError('method')}
      />
      <DateTimeField
        label={method === 'posted' ? 'Recorded at' : 'Delivered at'}
        value={deliveredAt}
        timeZone={timeZone}
        onChange={setDeliveredAt}
        error={form.fieldError('deliveredAt')}
        hint="The appeal clock starts at delivery."
      />
      {method === 'inPerson' && (
        <RadioGroup
          legend="Signed for it?"
          value={signed}
          onChange={setSigned}
          options={[
            { value: 'signed', label: 'Signed the receipt' },
            { value: 'refused', label: 'Refused to sign' },
          ]}
          error={form.fieldError('signed')}
        />
      )}
      {method === 'posted' && (
        <TextField
          label="Posting date"
          type="date"
          value={postedOn}
          onChange={setPostedOn}
          error={form.fieldError('postedOn')}
          hint="A posted notice counts as delivered once it has been up for the policy’s posting days."
        />
      )}
      <TextAreaField
        label="Note"
        value={note}
        onChange={setNote}
        rows={2}
        spellCheck
        fieldClassName="field-wide"
        hint="Optional: tracking number, officer’s name, where it was posted."
        error={form.fieldError('note')}
      />
    </InlineForm>
  );
}

function AppealForm({ ban, timeZone, onDone, onCancel, supervisor }: FormProps & { supervisor: boolean }) {
  const submit = useSubmit();
  const form = useFormCheck(submit);
  const [receivedAt, setReceivedAt] = useState<string | null>(nowIso);
  const [reason, setReason] = useState('');
  const deadline = ban.particulars?.appealDeadline ?? null;
  const late =
    (deadline !== null && receivedAt !== null && Date.parse(receivedAt) >= Date.parse(deadline)) ||
    form.fieldError('acceptLateReason') !== undefined;
  async function save() {
    if (!form.check({ receivedAt: !receivedAt && 'Give the date and time the appeal arrived' })) return;
    const next = await submit.run(() =>
      call('bans.recordAppeal', {
        id: ban.id,
        receivedAt: receivedAt ?? '',
        acceptLateReason: late ? reason : '',
      }),
    );
    if (next) onDone(next, `Recorded the appeal of ${ban.number}: the ban stays in force until it is decided.`);
  }
  return (
    <InlineForm
      title={`Record an appeal of ${ban.number}`}
      submitLabel={late ? 'Accept the late appeal' : 'Record appeal'}
      pending={submit.pending}
      error={form.error}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      <DateTimeField
        label="Received"
        value={receivedAt}
        timeZone={timeZone}
        onChange={setReceivedAt}
        error={form.fieldError('receivedAt')}
        hint={
          deadline
            ? `Appeals close at ${deadlineWords(deadline, timeZone, mainNow())}.`
            : ban.particulars
              ? 'No deadline yet: it runs from the notice’s delivery.'
              : undefined
        }
      />
      {late && (
        <div className="field-wide notice notice-warn" role="note">
          <span className="notice-icon" aria-hidden="true">
            ⚠
          </span>
          <span>
            This appeal arrived after the deadline
            {deadline ? ` (appeals closed at ${deadlineWords(deadline, timeZone, mainNow())})` : ''}. A missed deadline
            waives the appeal, unless a supervisor accepts it late with a reason.
            {!supervisor && ' Ask a supervisor to record it.'}
          </span>
        </div>
      )}
      {late && supervisor && (
        <TextAreaField
          label="Reason to accept it late"
          value={reason}
          onChange={setReason}
          rows={2}
          spellCheck
          fieldClassName="field-wide"
          error={form.fieldError('acceptLateReason')}
        />
      )}
    </InlineForm>
  );
}

function HearingForm({ ban, timeZone, onDone, onCancel, appealId }: FormProps & { appealId: string }) {
  const submit = useSubmit();
  const form = useFormCheck(submit);
  const [at, setAt] = useState<string | null>(null);
  const [place, setPlace] = useState('');
  const [attendees, setAttendees] = useState('');
  async function save() {
    if (!form.check({ at: !at && 'Give the date and time of the hearing' })) return;
    const next = await submit.run(() => call('bans.scheduleHearing', { appealId, at: at ?? '', place, attendees }));
    if (next && at) onDone(next, `Hearing for ${ban.number} set for ${whenWords(at, timeZone, mainNow())}.`);
  }
  return (
    <InlineForm
      title={`Schedule the appeal hearing for ${ban.number}`}
      submitLabel="Schedule hearing"
      pending={submit.pending}
      error={form.error}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      <DateTimeField label="When" value={at} timeZone={timeZone} onChange={setAt} error={form.fieldError('at')} />
      <TextField label="Where" value={place} onChange={setPlace} error={form.fieldError('place')} />
      <TextField
        label="Who attends"
        value={attendees}
        onChange={setAttendees}
        fieldClassName="field-wide"
        hint="Optional: the director, the branch manager, the person and whoever comes with them."
        error={form.fieldError('attendees')}
      />
    </InlineForm>
  );
}

function DecideForm({ ban, timeZone, onDone, onCancel, appealId }: FormProps & { appealId: string }) {
  const submit = useSubmit();
  const form = useFormCheck(submit);
  const [decision, setDecision] = useState<AppealDecision | null>(null);
  const [newEndsAt, setNewEndsAt] = useState<string | null>(null);
  const [note, setNote] = useState('');
  async function save() {
    const missing = {
      decision: !decision && 'Choose upheld, shortened or lifted',
      newEndsAt: decision === 'shortened' && !newEndsAt && 'Give the new end',
    };
    if (!form.check(missing) || !decision) return;
    const next = await submit.run(() =>
      call('bans.decideAppeal', {
        appealId,
        decision,
        newEndsAt: decision === 'shortened' ? newEndsAt : null,
        note,
      }),
    );
    if (next) {
      onDone(
        next,
        `Appeal of ${ban.number} decided: ${DECISION_WORD[decision].toLowerCase()}. ${next.statusWords}. The decision letter is under Appeals.`,
      );
    }
  }
  return (
    <InlineForm
      title={`Decide the appeal of ${ban.number}`}
      submitLabel="Record decision"
      pending={submit.pending}
      error={form.error}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      <RadioGroup
        legend="Decision"
        value={decision}
        onChange={setDecision}
        options={DECISION_LIST.map((d) => ({
          value: d,
          label: DECISION_WORD[d],
          hint:
            d === 'upheld'
              ? 'The ban stands as issued.'
              : d === 'shortened'
                ? 'The ban ends earlier: give the new end.'
                : 'The ban ends now and no longer counts toward the ladder.',
        }))}
        error={form.fieldError('decision')}
      />
      {decision === 'shortened' && (
        <DateTimeField
          label="New end"
          value={newEndsAt}
          timeZone={timeZone}
          onChange={setNewEndsAt}
          error={form.fieldError('newEndsAt')}
          hint={ban.endsAt ? `Now ends ${whenWords(ban.endsAt, timeZone, mainNow())}.` : 'Now indefinite.'}
        />
      )}
      <TextAreaField
        label="Note for the letter"
        value={note}
        onChange={setNote}
        rows={3}
        spellCheck
        fieldClassName="field-wide"
        hint="Optional: the reasons, as the decision letter should give them."
        error={form.fieldError('note')}
      />
    </InlineForm>
  );
}

function MeetingForm({ ban, timeZone, onDone, onCancel }: FormProps) {
  const submit = useSubmit();
  const form = useFormCheck(submit);
  const [at, setAt] = useState<string | null>(null);
  const [place, setPlace] = useState('');
  const [withWhom, setWithWhom] = useState('');
  async function save() {
    if (!form.check({ at: !at && 'Give the date and time of the meeting' })) return;
    const next = await submit.run(() => call('bans.scheduleMeeting', { id: ban.id, at: at ?? '', place, withWhom }));
    if (next && at)
      onDone(next, `Reinstatement meeting for ${ban.number} set for ${whenWords(at, timeZone, mainNow())}.`);
  }
  return (
    <InlineForm
      title={`Schedule the reinstatement meeting for ${ban.number}`}
      submitLabel="Schedule meeting"
      pending={submit.pending}
      error={form.error}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      <DateTimeField label="When" value={at} timeZone={timeZone} onChange={setAt} error={form.fieldError('at')} />
      <TextField label="Where" value={place} onChange={setPlace} error={form.fieldError('place')} />
      <TextField
        label="With whom"
        value={withWhom}
        onChange={setWithWhom}
        hint="The manager who meets the person."
        error={form.fieldError('withWhom')}
      />
    </InlineForm>
  );
}

function HeldForm({ ban, timeZone, onDone, onCancel }: FormProps) {
  const submit = useSubmit();
  const form = useFormCheck(submit);
  const [heldAt, setHeldAt] = useState<string | null>(nowIso);
  const [attendees, setAttendees] = useState('');
  const [conditions, setConditions] = useState('');
  async function save() {
    if (!form.check({ heldAt: !heldAt && 'Give the date and time the meeting was held' })) return;
    const next = await submit.run(() =>
      call('bans.meetingHeld', { id: ban.id, heldAt: heldAt ?? '', attendees, conditions }),
    );
    if (next) onDone(next, `Reinstatement meeting for ${ban.number} recorded. ${next.statusWords}.`);
  }
  return (
    <InlineForm
      title={`Record the reinstatement meeting for ${ban.number}`}
      submitLabel="Record meeting held"
      pending={submit.pending}
      error={form.error}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      <DateTimeField
        label="Held at"
        value={heldAt}
        timeZone={timeZone}
        onChange={setHeldAt}
        error={form.fieldError('heldAt')}
      />
      <TextField label="Who attended" value={attendees} onChange={setAttendees} error={form.fieldError('attendees')} />
      <TextAreaField
        label="Conditions of return"
        value={conditions}
        onChange={setConditions}
        rows={3}
        spellCheck
        fieldClassName="field-wide"
        hint="Optional: what was agreed."
        error={form.fieldError('conditions')}
      />
    </InlineForm>
  );
}
