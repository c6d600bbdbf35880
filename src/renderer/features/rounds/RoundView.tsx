import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { useMainNow } from '../../lib/mainClock';
import { formatClock } from '../../lib/time';
import { Button } from '../../components/Button';
import { Unseen } from '../../components/Unseen';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import { InlineForm } from '../../components/InlineForm';
import { TextField } from '../../components/Field';
import type { Branch, Round } from '../../../shared/contract';
import { useDeskActions } from '../desk/deskActions';
import { startReport } from '../duties/reportFrom';
import { useRowKeys } from '../duties/useRowKeys';
import { METHOD_LABEL, durationWords } from '../duties/words';
import { LineForm } from './LineForm';
import { useRound } from './useRound';

type Checkpoint = Round['checkpoints'][number];

interface RoundViewProps {
  roundId: string;
  branches: readonly Branch[];
  autoFocus: boolean;
  onClose: () => void;
}

/** A round being walked (or looked back on): the checkpoints in order, each visited, skipped or not yet. */
export function RoundView({ roundId, branches, autoFocus, onClose }: RoundViewProps) {
  const { round, error, accept, reload } = useRound(roundId);
  const desk = useDeskActions();
  const [form, setForm] = useState<{ kind: 'skip' | 'observe'; checkpointId: string } | null>(null);
  const [ending, setEnding] = useState(false);
  const [status, setStatus] = useState<string | undefined>(undefined);
  // Visits on their way to main: the cursor moves on at once, and comes back if main refuses one.
  const [saving, setSaving] = useState<ReadonlySet<string>>(new Set());
  const act = useSubmit();
  const rows = useRowKeys(round?.checkpoints.length ?? 0);
  const endRef = useRef<HTMLButtonElement>(null);
  const focusedOnce = useRef(false);
  const shownZone = useRef<string | null>(null);
  const branch = branches.find((b) => b.id === round?.branchId);
  const open = round?.status === 'open';

  const nextOpen = (r: Round, from: number, skip: ReadonlySet<string> = new Set()) => {
    for (let step = 1; step <= r.checkpoints.length; step++) {
      const i = (from + step) % r.checkpoints.length;
      const c = r.checkpoints[i]!;
      if (!c.visit && !skip.has(c.id)) return i;
    }
    return -1;
  };

  useEffect(() => {
    if (!round || focusedOnce.current || !autoFocus) return;
    focusedOnce.current = true;
    const first = nextOpen(round, round.checkpoints.length - 1);
    if (first >= 0 && round.status === 'open') rows.focusRow(first);
    else requestAnimationFrame(() => endRef.current?.focus());
  }, [round, autoFocus, rows]);

  if (!round || !branch) {
    return (
      <div className="duty-panel">
        <ErrorNotice error={error} />
        {!error && <p className="muted">Opening the round…</p>}
        <Button onClick={onClose}>Back to rounds</Button>
      </div>
    );
  }
  const current = round;

  function moveOn(r: Round, from: number, skip: ReadonlySet<string> = new Set()) {
    const next = nextOpen(r, from, skip);
    if (next >= 0) rows.focusRow(next);
    else requestAnimationFrame(() => endRef.current?.focus());
  }

  async function visit(c: Checkpoint, index: number, method: 'walked' | 'camera') {
    const inFlight = new Set(saving).add(c.id);
    setSaving(inFlight);
    moveOn(current, index, inFlight);
    const saved = await act.run(() => call('rounds.visit', { roundId: current.id, checkpointId: c.id, method }));
    setSaving((now) => {
      const left = new Set(now);
      left.delete(c.id);
      return left;
    });
    if (!saved) {
      reload();
      rows.focusRow(index);
      return;
    }
    accept(saved);
    if (saved.checkpoints.every((x) => x.visit)) requestAnimationFrame(() => endRef.current?.focus());
  }

  async function change(action: () => ReturnType<typeof call<'rounds.visit'>>, index: number, advance: boolean) {
    const saved = await act.run(action);
    if (!saved) {
      reload();
      rows.focusRow(index);
      return;
    }
    accept(saved);
    setForm(null);
    if (advance) moveOn(saved, index);
    else rows.focusRow(index);
  }

  async function report(c: Checkpoint, observation: Round['observations'][number]) {
    const draft = await act.run(() =>
      startReport({
        branchId: current.branchId,
        zoneId: c.zoneId,
        at: observation.at,
        summary: `Seen on the ${current.routeName.toLowerCase()} at ${c.zoneName}: ${observation.text}`,
        narrative: observation.text,
      }),
    );
    if (!draft) return;
    const linked = await act.run(() =>
      call('rounds.linkIncident', { roundId: current.id, observationId: observation.id, incidentId: draft.id }),
    );
    if (linked) accept(linked);
    desk.openDraft(draft.id);
  }

  function onRowKey(e: KeyboardEvent<HTMLLIElement>, c: Checkpoint, index: number) {
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
    if (rows.move(e, index)) return;
    if (!open) return;
    const key = e.key.toLowerCase();
    const mine = () => e.preventDefault();
    if (saving.has(c.id)) {
      if (key.length === 1 || key === 'enter') mine();
      return;
    }
    if (key === 'e') {
      mine();
      void end();
    } else if (key === 'o') {
      mine();
      setForm({ kind: 'observe', checkpointId: c.id });
    } else if (key === 'i') {
      const obs = current.observations.filter((o) => o.checkpointId === c.id && !o.incidentId).at(-1);
      if (obs) {
        mine();
        void report(c, obs);
      }
    } else if (c.visit) {
      if (key === 'enter' || key === ' ' || key === 'c' || key === 's') {
        mine();
        setStatus(`${c.zoneName} was already ${c.visit.status} by ${c.visit.by.name}.`);
      }
    } else if (key === 'enter' || key === ' ' || key === 'c') {
      mine();
      void visit(c, index, key === 'c' ? 'camera' : 'walked');
    } else if (key === 's') {
      mine();
      setForm({ kind: 'skip', checkpointId: c.id });
    }
  }

  async function end() {
    const left = current.checkpoints.filter((c) => !c.visit).length;
    if (left > 0) {
      setEnding(true);
      return;
    }
    const saved = await act.run(() => call('rounds.end', { roundId: current.id }));
    if (saved) {
      accept(saved);
      setStatus(`Round ended at ${formatClock(new Date(saved.endedAt!), branch!.timeZone)}.`);
    }
  }

  const done = round.checkpoints.filter((c) => c.visit).length;
  return (
    <div className="duty-panel round-view">
      <RoundHeader round={round} branch={branch} done={done} />
      <div className="run-actions">
        {open && (
          <Button variant="primary" buttonRef={endRef} onClick={() => void end()} aria-keyshortcuts="E">
            End round
          </Button>
        )}
        <Button variant="quiet" onClick={onClose} buttonRef={open ? undefined : endRef}>
          Back to rounds
        </Button>
      </div>
      <ErrorNotice error={act.error ?? error} />
      <StatusNotice message={status} />
      {ending && (
        <EndForm
          round={round}
          onDone={(saved) => {
            setEnding(false);
            if (saved) {
              accept(saved);
              setStatus(`Round ended at ${formatClock(new Date(saved.endedAt!), branch.timeZone)}.`);
            }
          }}
        />
      )}
      {round.flags.length > 0 && (
        <ul className="flag-list" aria-label="Quality flags">
          {round.flags.map((f) => (
            <li key={f.kind}>
              <span className="status-word tone-warn">Flag</span> {f.text}
            </li>
          ))}
        </ul>
      )}
      {open && (
        <p className="keys-line">
          <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> visited (walked) · <kbd>C</kbd> seen on camera ·{' '}
          <kbd>S</kbd> skip with a reason · <kbd>O</kbd> observation · <kbd>I</kbd> report it · <kbd>E</kbd> end round
        </p>
      )}
      <ol className="checkpoint-list" aria-label={`Checkpoints of ${round.routeName}`}>
        {round.checkpoints.map((c, index) => {
          const observations = round.observations.filter((o) => o.checkpointId === c.id);
          const state = c.visit
            ? c.visit.status === 'visited'
              ? { word: 'Visited', tone: 'ok' }
              : { word: 'Skipped', tone: 'warn' }
            : saving.has(c.id)
              ? { word: 'Saving…', tone: 'muted' }
              : { word: 'Not yet', tone: 'muted' };
          return (
            <li
              key={c.id}
              ref={rows.register(index)}
              className={`checkpoint-row item-row${rows.current === index ? ' is-current' : ''}`}
              tabIndex={rows.current === index ? 0 : -1}
              aria-label={`${index + 1}. ${c.zoneName}: ${state.word}`}
              onKeyDown={(e) => onRowKey(e, c, index)}
              onFocus={() => {
                rows.setCurrent(index);
                if (shownZone.current !== c.zoneId) {
                  shownZone.current = c.zoneId;
                  desk.showZone(c.zoneId);
                }
              }}
            >
              <div className="item-main">
                <span className={`item-state tone-${state.tone}`}>{state.word}</span>
                <span className="item-label">
                  {index + 1}. {c.zoneName}
                  {c.zoneKind === 'exterior' && <span className="muted"> · exterior</span>}
                </span>
              </div>
              {c.instructions && <p className="item-answer instructions">{c.instructions}</p>}
              {c.visit && (
                <p className="item-answer">
                  {formatClock(new Date(c.visit.at), branch.timeZone)} · {c.visit.by.name}
                  {c.visit.method && ` · ${METHOD_LABEL[c.visit.method]}`}
                  {c.visit.reason && ` · ${c.visit.reason}`}
                </p>
              )}
              {observations.map((o) => (
                <div key={o.id} className="observation">
                  <span className="status-word">Observation</span> {formatClock(new Date(o.at), branch.timeZone)} ·{' '}
                  {o.by.name}: {o.text}
                  {o.incidentId ? (
                    <span className="muted"> · incident report started</span>
                  ) : (
                    <Button small variant="quiet" tabIndex={-1} onClick={() => void report(c, o)} aria-keyshortcuts="I">
                      Report incident<Unseen> about the observation at {c.zoneName}</Unseen>
                    </Button>
                  )}
                </div>
              ))}
              {form?.checkpointId === c.id && (
                <LineForm
                  label={form.kind === 'skip' ? `Why ${c.zoneName} is skipped` : `What you saw at ${c.zoneName}`}
                  saveLabel={form.kind === 'skip' ? 'Skip checkpoint' : 'Save observation'}
                  pending={act.pending}
                  onSave={(text) =>
                    void change(
                      () =>
                        form.kind === 'skip'
                          ? call('rounds.skip', { roundId: current.id, checkpointId: c.id, reason: text })
                          : call('rounds.observe', { roundId: current.id, checkpointId: c.id, text }),
                      index,
                      form.kind === 'skip',
                    )
                  }
                  onCancel={() => {
                    setForm(null);
                    rows.focusRow(index);
                  }}
                />
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function RoundHeader({ round, branch, done }: { round: Round; branch: Branch; done: number }) {
  const now = useMainNow();
  const clock = (iso: string) => formatClock(new Date(iso), branch.timeZone);
  const state =
    round.status === 'open'
      ? {
          word: 'In progress',
          tone: 'warn',
          text: `started ${clock(round.startedAt)} by ${round.startedBy.name}, ${durationWords(now.getTime() - Date.parse(round.startedAt))} ago`,
        }
      : {
          word: 'Ended',
          tone: 'ok',
          text: `${clock(round.startedAt)}–${clock(round.endedAt!)} (${durationWords(Date.parse(round.endedAt!) - Date.parse(round.startedAt))}), ${round.startedBy.name}`,
        };
  return (
    <header className="run-head">
      <h3>
        {round.routeName} · {round.branchName}
      </h3>
      <p className="run-state">
        <span className={`status-word tone-${state.tone}`}>{state.word}</span> {state.text}
      </p>
      <p className="run-progress" role="status">
        {done} of {round.checkpoints.length} checkpoints done
        {round.endNote && ` · ${round.endNote}`}
      </p>
    </header>
  );
}

function EndForm({ round, onDone }: { round: Round; onDone: (round: Round | undefined) => void }) {
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const left = round.checkpoints.filter((c) => !c.visit);
  async function save() {
    const saved = await submit.run(() => call('rounds.end', { roundId: round.id, skipRemainingReason: reason }));
    if (saved) onDone(saved);
  }
  return (
    <InlineForm
      title={`End the round with ${left.length} checkpoint${left.length === 1 ? '' : 's'} not reached`}
      submitLabel="Skip the rest and end"
      pending={submit.pending}
      error={submit.error}
      onSubmit={() => void save()}
      onCancel={() => onDone(undefined)}
    >
      <TextField
        label="Why the rest are skipped"
        value={reason}
        onChange={setReason}
        hint={`Not reached: ${left.map((c) => c.zoneName).join(', ')}.`}
        error={submit.fieldError('skipRemainingReason')}
      />
    </InlineForm>
  );
}
