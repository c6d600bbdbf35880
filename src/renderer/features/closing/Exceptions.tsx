import { useState } from 'react';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { mainNow, useMainNow } from '../../lib/mainClock';
import { formatClock } from '../../lib/time';
import { Button } from '../../components/Button';
import { Unseen } from '../../components/Unseen';
import { InlineForm } from '../../components/InlineForm';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import type { Branch, ClosingException, ClosingRun, ExceptionKind, ExceptionStep } from '../../../shared/contract';
import { EXCEPTION_TITLES, STEP_WORDS, exceptionFacts } from '../../../shared/closing-words';
import { countdownWords, durationWords } from '../duties/words';
import { localInputToIso } from '../incidents/localTime';
import { localDate } from '../../../shared/opening-hours';

/** Each kind's steps, in the order they happen (re-typed: no zod values in the renderer). */
const STEPS: Record<ExceptionKind, ExceptionStep[]> = {
  child: ['guardianCalled', 'guardianArrived', 'policeCalled', 'policeArrived'],
  refusal: ['askedToLeave', 'policeCalled', 'left', 'policeArrived'],
  inside: ['left'],
  reentry: ['entered', 'left', 'alarmRearmed'],
};

const KIND_OPTIONS: { value: ExceptionKind; label: string }[] = [
  { value: 'child', label: EXCEPTION_TITLES.child },
  { value: 'refusal', label: EXCEPTION_TITLES.refusal },
  { value: 'inside', label: EXCEPTION_TITLES.inside },
  { value: 'reentry', label: EXCEPTION_TITLES.reentry },
];

/** What each kind asks for, in the desk's words. */
const FIELDS: Record<
  ExceptionKind,
  { who?: string; role?: string; where?: string; why?: string; description?: string }
> = {
  child: { where: 'Where the child is waiting', description: 'Description (age, clothing, name if given)' },
  refusal: { where: 'Where', description: 'Description of the patron and what was said' },
  inside: { who: 'Who is still inside', role: 'Staff, cleaner, contractor or other', where: 'Where in the building' },
  reentry: { who: 'Who came back in', why: 'Why', description: 'Anything else' },
};

interface ExceptionsProps {
  run: ClosingRun;
  branch: Branch;
  /** The zone of the item in hand: where a new exception most likely is. */
  zoneId: string | null;
  adding: boolean;
  onAdding: (adding: boolean) => void;
  onChanged: (run: ClosingRun) => void;
  onReport: (e: ClosingException) => void;
}

/** The run's exceptions, each with its timer and steps; the form to add one. */
export function Exceptions({ run, branch, zoneId, adding, onAdding, onChanged, onReport }: ExceptionsProps) {
  if (run.exceptions.length === 0 && !adding) return null;
  return (
    <section className="exceptions" aria-label="Closing exceptions">
      {adding && <AddException run={run} branch={branch} zoneId={zoneId} onDone={onAdding} onChanged={onChanged} />}
      {run.exceptions.map((e) => (
        <ExceptionCard key={e.id} e={e} run={run} branch={branch} onChanged={onChanged} onReport={() => onReport(e)} />
      ))}
    </section>
  );
}

function AddException({
  run,
  branch,
  zoneId: initialZone,
  onDone,
  onChanged,
}: {
  run: ClosingRun;
  branch: Branch;
  zoneId: string | null;
  onDone: (adding: boolean) => void;
  onChanged: (run: ClosingRun) => void;
}) {
  const signed = run.status === 'signed';
  const [kind, setKind] = useState<ExceptionKind>(signed ? 'reentry' : 'child');
  const [zoneId, setZoneId] = useState(initialZone ?? '');
  const [began, setBegan] = useState('');
  const [text, setText] = useState({ who: '', role: '', where: '', why: '', description: '' });
  const submit = useSubmit();
  const fields = FIELDS[kind];
  const zones = branch.zones.filter((z) => !z.retired);

  async function save() {
    const today = localDate(mainNow().getTime(), branch.timeZone);
    const beganAt = began ? (localInputToIso(`${today}T${began}`, branch.timeZone) ?? undefined) : undefined;
    const saved = await submit.run(() =>
      call('closing.openException', {
        runId: run.id,
        kind,
        zoneId: zoneId || null,
        ...(beganAt ? { beganAt } : {}),
        ...text,
      }),
    );
    if (saved) {
      onChanged(saved);
      onDone(false);
    }
  }

  const set = (key: keyof typeof text) => (value: string) => setText({ ...text, [key]: value });
  return (
    <InlineForm
      title="Add a closing exception"
      submitLabel="Save exception"
      pending={submit.pending}
      error={submit.error}
      onSubmit={() => void save()}
      onCancel={() => onDone(false)}
    >
      <SelectField
        label="What is happening"
        value={kind}
        options={signed ? KIND_OPTIONS.filter((o) => o.value === 'reentry') : KIND_OPTIONS}
        onChange={setKind}
      />
      <SelectField
        label="Zone"
        value={zoneId}
        options={[
          { value: '', label: 'Not a zone / whole building' },
          ...zones.map((z) => ({ value: z.id, label: z.name })),
        ]}
        onChange={setZoneId}
        error={submit.fieldError('zoneId')}
      />
      <TextField
        label="Began at"
        type="time"
        value={began}
        onChange={setBegan}
        hint="Leave empty for now."
        error={submit.fieldError('beganAt')}
      />
      {fields.who && (
        <TextField label={fields.who} value={text.who} onChange={set('who')} error={submit.fieldError('who')} />
      )}
      {fields.role && (
        <TextField label={fields.role} value={text.role} onChange={set('role')} error={submit.fieldError('role')} />
      )}
      {fields.where && (
        <TextField label={fields.where} value={text.where} onChange={set('where')} error={submit.fieldError('where')} />
      )}
      {fields.why && (
        <TextField label={fields.why} value={text.why} onChange={set('why')} error={submit.fieldError('why')} />
      )}
      {fields.description && (
        <TextAreaField
          label={fields.description}
          value={text.description}
          onChange={set('description')}
          rows={2}
          spellCheck
          error={submit.fieldError('description')}
        />
      )}
    </InlineForm>
  );
}

function ExceptionCard({
  e,
  run,
  branch,
  onChanged,
  onReport,
}: {
  e: ClosingException;
  run: ClosingRun;
  branch: Branch;
  onChanged: (run: ClosingRun) => void;
  onReport: () => void;
}) {
  const now = useMainNow();
  const [step, setStep] = useState<ExceptionStep | null>(null);
  const done = new Map(e.steps.map((s) => [s.step, s]));
  const clock = (iso: string) => formatClock(new Date(iso), branch.timeZone);
  const escalate = e.escalateAt ? Date.parse(e.escalateAt) - now.getTime() : null;
  const open = e.resolvedAt === null;
  const titleId = `exception-${e.id}`;
  return (
    <article className={`exception-card${open ? ' is-open' : ''}`} aria-labelledby={titleId}>
      <div className="exception-head">
        <h4 id={titleId}>
          <span
            className={`status-word tone-${open ? (escalate !== null && escalate <= 0 ? 'danger' : 'warn') : 'ok'}`}
          >
            {open ? 'Open' : 'Resolved'}
          </span>{' '}
          {EXCEPTION_TITLES[e.kind]}
          {e.zoneName && <span className="muted"> · {e.zoneName}</span>}
        </h4>
        <span className="muted">
          {e.resolvedAt
            ? `${clock(e.beganAt)}–${clock(e.resolvedAt)} (${durationWords(Date.parse(e.resolvedAt) - Date.parse(e.beganAt))})`
            : `since ${clock(e.beganAt)} (${durationWords(now.getTime() - Date.parse(e.beganAt))})`}
        </span>
      </div>
      {escalate !== null && (
        <p
          className={`escalation tone-${escalate <= 0 ? 'danger' : 'warn'}`}
          role={escalate <= 0 ? 'alert' : undefined}
        >
          {escalate > 0
            ? `Police at ${clock(e.escalateAt!)} by the policy (${e.escalateMinutes} min): in ${escalate > 600_000 ? durationWords(escalate) : countdownWords(escalate)}`
            : `Call the police now: the ${e.escalateMinutes}-minute policy time passed at ${clock(e.escalateAt!)}`}
        </p>
      )}
      <dl className="exception-facts">
        {exceptionFacts(e).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <ol className="steps">
        {STEPS[e.kind]
          .filter((s) => open || done.has(s))
          .map((s) => {
            const record = done.get(s);
            return (
              <li key={s} className={record ? 'step-done' : 'step-todo'}>
                {record ? (
                  <>
                    <span className="status-word tone-ok">{STEP_WORDS[s]}</span> {clock(record.at)} · {record.by.name}
                    {record.note && <span className="muted"> · {record.note}</span>}
                  </>
                ) : run.status !== 'abandoned' && open ? (
                  <Button small onClick={() => setStep(s)} aria-expanded={step === s}>
                    {STEP_WORDS[s]}…<Unseen> ({EXCEPTION_TITLES[e.kind]})</Unseen>
                  </Button>
                ) : (
                  <span className="muted">{STEP_WORDS[s]}: not recorded</span>
                )}
              </li>
            );
          })}
      </ol>
      {step && <StepForm e={e} step={step} branch={branch} onDone={() => setStep(null)} onChanged={onChanged} />}
      {!e.incidentId && run.status !== 'abandoned' && (
        <Button small variant="quiet" onClick={onReport}>
          Report incident<Unseen> about the {EXCEPTION_TITLES[e.kind].toLowerCase()}</Unseen>
        </Button>
      )}
      {e.incidentId && <p className="muted">Incident report started.</p>}
    </article>
  );
}

function StepForm({
  e,
  step,
  branch,
  onDone,
  onChanged,
}: {
  e: ClosingException;
  step: ExceptionStep;
  branch: Branch;
  onDone: () => void;
  onChanged: (run: ClosingRun) => void;
}) {
  const [time, setTime] = useState('');
  const [note, setNote] = useState('');
  const submit = useSubmit();
  async function save() {
    const today = localDate(mainNow().getTime(), branch.timeZone);
    const at = time ? (localInputToIso(`${today}T${time}`, branch.timeZone) ?? undefined) : undefined;
    const saved = await submit.run(() =>
      call('closing.recordStep', { exceptionId: e.id, step, note, ...(at ? { at } : {}) }),
    );
    if (saved) {
      onChanged(saved);
      onDone();
    }
  }
  return (
    <InlineForm
      title={`${STEP_WORDS[step]}: when`}
      submitLabel={`Record: ${STEP_WORDS[step].toLowerCase()}`}
      pending={submit.pending}
      error={submit.error}
      onSubmit={() => void save()}
      onCancel={onDone}
    >
      <TextField
        label="Time"
        type="time"
        value={time}
        onChange={setTime}
        hint="Leave empty for now."
        error={submit.fieldError('at')}
      />
      <TextField
        label="Note"
        value={note}
        onChange={setNote}
        hint="Optional: who was called, on what number, by whom."
        error={submit.fieldError('note')}
      />
    </InlineForm>
  );
}
