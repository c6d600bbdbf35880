import { useImperativeHandle, useState } from 'react';
import type { Ref } from 'react';
import { call } from '../../lib/api';
import { useMainNow } from '../../lib/mainClock';
import { useQuery } from '../../lib/useQuery';
import { useSubmit } from '../../lib/useSubmit';
import { Button } from '../../components/Button';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import type { Branch, CallOutcome, CallRecord, NamedPerson, StaffSummary, StepRecord } from '../../../shared/contract';
import { CALL_STEPS } from '../../../shared/contract/calls';
import {
  CHANNEL_WORDS,
  NATURE_WORDS,
  OUTCOME_WORDS,
  PRIORITY_WORDS,
  STATUS_WORDS,
  STEP_NAMES,
} from '../../../shared/call-words';
import { useDeskActions } from '../desk/deskActions';
import { Agencies } from './Agencies';
import { CallSteps } from './CallSteps';
import { CorrectionForm } from './CorrectionForm';
import { DetailsForm } from './DetailsForm';
import { ClearForm, RespondingForm } from './StepForms';
import { clockAt, shortDuration, timer } from './time';

export type StepKey = 'R' | 'O' | 'C';

export interface CallDetailHandle {
  /** R: who is responding; O: on scene now; C: clear with the outcome. */
  step: (key: StepKey) => void;
}

type Form = { kind: 'responding' } | { kind: 'clear' } | { kind: 'correct'; record: StepRecord } | { kind: 'details' };

interface CallDetailProps {
  ref?: Ref<CallDetailHandle>;
  id: string;
  staff: StaffSummary;
  branches: readonly Branch[];
  people: readonly { id: string; name: string }[];
}

/** One call: what it is, its steps with who and when, corrections, outside help and linked reports. */
export function CallDetail({ ref, id, staff, branches, people }: CallDetailProps) {
  const loaded = useQuery('calls.get', { id }, { refetchOn: ['calls.changed'] });
  const [form, setForm] = useState<Form | null>(null);
  const [said, setSaid] = useState<{ id: string; text: string } | null>(null);
  const stepping = useSubmit();
  const reporting = useSubmit();
  const { openDraft, openWork } = useDeskActions();
  const now = useMainNow(1_000);
  const c = loaded.value?.id === id ? loaded.value : undefined;
  const branch = branches.find((b) => b.id === c?.branchId);
  const tz = branch?.timeZone;

  function changed(next: CallRecord, text: string) {
    loaded.setValue(next);
    setForm(null);
    setSaid({ id, text });
  }

  async function step(
    kind: 'responding' | 'on-scene' | 'cleared',
    extra: { responders?: NamedPerson[]; outcome?: CallOutcome; note?: string } = {},
  ) {
    const done = await stepping.run(() => call('calls.step', { id, step: kind, ...extra }));
    if (!done) return;
    const at = { responding: done.respondingAt, 'on-scene': done.onSceneAt, cleared: done.clearedAt }[kind];
    const who = kind === 'responding' ? `: ${done.responders.map((r) => r.name).join(', ')}` : '';
    changed(done, `${STEP_NAMES[kind]} at ${at ? clockAt(at, tz) : ''}${who}.`);
  }

  useImperativeHandle(ref, () => ({
    step: (key) => {
      if (!c || c.status === 'cleared') return;
      stepping.clear();
      if (key === 'R' && c.status === 'received') setForm({ kind: 'responding' });
      else if (key === 'O' && c.status === 'responding') void step('on-scene');
      else if (key === 'C' && c.status !== 'received') setForm({ kind: 'clear' });
      else setSaid({ id, text: nextHint(c) });
    },
  }));

  async function reportIncident() {
    const r = await reporting.run(() => call('calls.reportIncident', { id }));
    if (!r) return;
    loaded.setValue(r.call);
    openDraft(r.draftId);
  }

  if (loaded.error && !c) return <ErrorNotice error={loaded.error} />;
  if (!c) return <p className="muted">Opening the call…</p>;

  const openFor = (c.clearedAt ? Date.parse(c.clearedAt) : now.getTime()) - Date.parse(c.receivedAt);
  const latest = [...CALL_STEPS].reverse().find((s) => c.steps.some((r) => r.step === s && r.current && r.at));
  const titleId = `call-title-${c.id}`;
  return (
    <article className={`call-detail status-${c.status}`} aria-labelledby={titleId}>
      <header className="call-head">
        <h3 id={titleId} className="pane-title">
          {NATURE_WORDS[c.nature]}
          {c.zoneName ? ` · ${c.zoneName}` : ''}
          {branch && <span className="muted"> · {branch.code}</span>}
        </h3>
        <p className="call-status-line">
          <strong className="status-word">{STATUS_WORDS[c.status]}</strong>
          {c.priority !== 'normal' && (
            <span className={`badge priority-${c.priority}`}>{PRIORITY_WORDS[c.priority]}</span>
          )}
          <span>
            {' '}
            — received {clockAt(c.receivedAt, tz)},{' '}
            {c.clearedAt ? `cleared after ${shortDuration(openFor / 1000)}` : `open ${timer(openFor)}`}
          </span>
        </p>
        <p className="call-facts">
          {c.detail && <span className="call-detail-line">{c.detail}</span>}
          <span className="muted">
            Called by {c.caller.name} ({CHANNEL_WORDS[c.channel]}), logged by {c.receivedBy.name}
          </span>
          {c.outcome && (
            <span>
              <strong>{OUTCOME_WORDS[c.outcome]}</strong>
              {c.outcomeNote && ` — ${c.outcomeNote}`}
            </span>
          )}
        </p>
      </header>
      <StatusNotice message={said?.id === id ? said.text : undefined} />
      <ErrorNotice error={stepping.error ?? reporting.error} />
      <div className="call-actions">
        {c.status !== 'cleared' && (
          <>
            <Button
              variant={c.status === 'received' ? 'primary' : 'secondary'}
              disabled={c.status !== 'received'}
              onClick={() => setForm({ kind: 'responding' })}
              aria-keyshortcuts="R"
              title="R"
            >
              Responding… <kbd>R</kbd>
            </Button>
            <Button
              variant={c.status === 'responding' ? 'primary' : 'secondary'}
              disabled={c.status !== 'responding' || stepping.pending}
              onClick={() => void step('on-scene')}
              aria-keyshortcuts="O"
              title="O: records now"
            >
              On scene <kbd>O</kbd>
            </Button>
            <Button
              variant={c.status === 'on-scene' ? 'primary' : 'secondary'}
              disabled={c.status === 'received'}
              onClick={() => setForm({ kind: 'clear' })}
              aria-keyshortcuts="C"
              title="C"
            >
              Clear… <kbd>C</kbd>
            </Button>
          </>
        )}
        <Button disabled={reporting.pending} onClick={() => void reportIncident()}>
          Report incident
        </Button>
        <Button variant="quiet" onClick={() => setForm({ kind: 'details' })}>
          Correct details
        </Button>
      </div>
      {form?.kind === 'responding' && (
        <RespondingForm
          staff={people}
          selfId={staff.id}
          pending={stepping.pending}
          error={stepping.fieldError('responders') ?? stepping.fieldError('responders.0.name')}
          onSubmit={(responders) => void step('responding', { responders })}
          onCancel={() => setForm(null)}
        />
      )}
      {form?.kind === 'clear' && (
        <ClearForm
          pending={stepping.pending}
          error={stepping.fieldError('outcome')}
          onSubmit={(outcome, note) => void step('cleared', { outcome, note })}
          onCancel={() => setForm(null)}
        />
      )}
      {form?.kind === 'correct' && (
        <CorrectionForm
          key={form.record.id}
          call={c}
          record={form.record}
          canWithdraw={form.record.step !== 'received' && form.record.step === latest}
          timeZone={tz}
          staff={people}
          onDone={changed}
          onCancel={() => setForm(null)}
        />
      )}
      {form?.kind === 'details' && (
        <DetailsForm
          call={c}
          branch={branch}
          staff={people}
          onDone={(next) => changed(next, 'Details corrected.')}
          onCancel={() => setForm(null)}
        />
      )}
      <CallSteps call={c} timeZone={tz} onCorrect={(record) => setForm({ kind: 'correct', record })} />
      <Agencies call={c} timeZone={tz} onChanged={changed} />
      <section className="call-section" aria-labelledby={`reports-${c.id}`}>
        <div className="call-section-head">
          <h4 id={`reports-${c.id}`}>Incident reports</h4>
        </div>
        {c.incidents.length === 0 ? (
          <p className="muted">None yet. “Report incident” starts one with this call’s facts filled in.</p>
        ) : (
          <ul className="linked-reports">
            {c.incidents.map((l) => (
              <li key={l.incidentId}>
                {l.number ? (
                  <Button small onClick={() => openWork('incidents', l.incidentId)}>
                    Open report {l.number}
                  </Button>
                ) : l.linkedBy.id === staff.id ? (
                  <Button small onClick={() => openDraft(l.incidentId)}>
                    Open the draft report
                  </Button>
                ) : (
                  <span>Draft report</span>
                )}{' '}
                <span className="muted">
                  {l.number ? 'filed' : 'not filed yet'}, started {clockAt(l.linkedAt, tz)} by {l.linkedBy.name}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

/** Why a key did nothing, said as the next thing to do. */
function nextHint(c: CallRecord): string {
  if (c.status === 'received') return 'Nobody is responding yet: press R to say who is going.';
  if (c.status === 'responding') return 'Press O when they are on scene, or C to clear the call.';
  return 'Press C to clear the call with its outcome.';
}
