import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { useQuery } from '../../lib/useQuery';
import { useMainNow } from '../../lib/mainClock';
import { formatClock } from '../../lib/time';
import { Button } from '../../components/Button';
import { Unseen } from '../../components/Unseen';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import { InlineForm } from '../../components/InlineForm';
import { TextAreaField } from '../../components/Field';
import type { AnswerValue, Branch, CheckMethod, ClosingException, ClosingRun } from '../../../shared/contract';
import { EXCEPTION_TITLES, exceptionFacts } from '../../../shared/closing-words';
import { useDeskActions } from '../desk/deskActions';
import { downloadPdf } from '../duties/downloadPdf';
import { startReport } from '../duties/reportFrom';
import { useRowKeys } from '../duties/useRowKeys';
import { dateWords, durationWords } from '../duties/words';
import { fails, failureSummary, okValue, type RunItem } from './answers';
import { Announcement } from './Announcement';
import { Exceptions } from './Exceptions';
import { ItemRow } from './ItemRow';
import { NoteForm } from './NoteForm';
import { SignDialog } from './SignDialog';
import { useRun } from './useRun';
import { useDisclose } from '../disclose/DiscloseProvider';

interface RunViewProps {
  runId: string;
  branches: readonly Branch[];
  /** Put the cursor on the first unanswered item once loaded (opened to work on it). */
  autoFocus: boolean;
  onClose: () => void;
}

/** A closing run: its items by zone, answered from the keyboard, its exceptions, and the sign-off. */
export function RunView({ runId, branches, autoFocus, onClose }: RunViewProps) {
  const { run, error, accept, reload } = useRun(runId);
  const desk = useDeskActions();
  const [methods, setMethods] = useState<Record<string, CheckMethod>>({});
  const [digits, setDigits] = useState<{ itemId: string; value: string } | null>(null);
  const [noting, setNoting] = useState<{ itemId: string; value: AnswerValue } | null>(null);
  const [hint, setHint] = useState<{ itemId: string; text: string } | null>(null);
  // Answers on their way to main: the cursor moves on at once, and comes back if main refuses one.
  const [saving, setSaving] = useState<ReadonlySet<string>>(new Set());
  const [adding, setAdding] = useState(false);
  // Where the last problem was found here: an exception added next most likely is there.
  const [problemZone, setProblemZone] = useState<string | null>(null);
  const [signing, setSigning] = useState(false);
  const [abandoning, setAbandoning] = useState(false);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const answering = useSubmit();
  const signer = useSubmit();
  const actions = useSubmit();
  const askDisclose = useDisclose();
  const rows = useRowKeys(run?.items.length ?? 0);
  const signRef = useRef<HTMLButtonElement>(null);
  const focusedOnce = useRef(false);
  const shownZone = useRef<string | null>(null);
  const branch = branches.find((b) => b.id === run?.branchId);
  // The branch's reminder minutes, for the announcement while the closing is worked.
  const overview = useQuery('closing.overview', {});
  const policy = overview.value?.find((o) => o.branchId === run?.branchId)?.policy;
  const answers = useMemo(() => new Map(run?.answers.map((a) => [a.itemId, a]) ?? []), [run]);
  const editable = run?.status === 'open';

  const nextUnanswered = (r: ClosingRun, from: number, skip: ReadonlySet<string> = new Set()) => {
    const done = new Set([...r.answers.map((a) => a.itemId), ...skip]);
    for (let step = 1; step <= r.items.length; step++) {
      const i = (from + step) % r.items.length;
      if (!done.has(r.items[i]!.id)) return i;
    }
    return -1;
  };

  // Opened to work on: the cursor goes to the first item not yet answered (or to the sign-off).
  useEffect(() => {
    if (!run || focusedOnce.current || !autoFocus) return;
    focusedOnce.current = true;
    const first = nextUnanswered(run, run.items.length - 1);
    if (first >= 0 && run.status === 'open') rows.focusRow(first);
    else requestAnimationFrame(() => signRef.current?.focus());
  }, [run, autoFocus, rows]);

  if (!run || !branch) {
    return (
      <div className="duty-panel">
        <ErrorNotice error={error} />
        {!error && <p className="muted">Opening the checklist…</p>}
        <Button onClick={onClose}>Back to closing</Button>
      </div>
    );
  }
  const current = run;

  function moveOn(r: ClosingRun, from: number, skip: ReadonlySet<string>) {
    const next = nextUnanswered(r, from, skip);
    if (next >= 0) rows.focusRow(next);
    else requestAnimationFrame(() => signRef.current?.focus());
  }

  async function submit(item: RunItem, index: number, value: AnswerValue, note = '', report = false) {
    setHint(null);
    const inFlight = new Set(saving).add(item.id);
    setSaving(inFlight);
    setNoting(null);
    setDigits(null);
    if (!report) moveOn(current, index, inFlight);
    const saved = await answering.run(() =>
      call('closing.answer', {
        runId: current.id,
        branchId: current.branchId,
        itemId: item.id,
        value,
        note,
        method: methods[item.id] ?? 'walked',
      }),
    );
    setSaving((now) => {
      const left = new Set(now);
      left.delete(item.id);
      return left;
    });
    if (!saved) {
      reload();
      rows.focusRow(index);
      return;
    }
    accept(saved);
    if (fails(item, value)) setProblemZone(item.zoneId);
    if (report) {
      const answer = saved.answers.find((a) => a.itemId === item.id)!;
      await reportAbout(item.zoneId, answer.at, failureSummary(item, answer), note, { itemId: item.id });
    } else if (saved.answers.length === saved.items.length) {
      requestAnimationFrame(() => signRef.current?.focus());
    }
  }

  /** An answer, or the note it needs first. */
  function give(item: RunItem, index: number, value: AnswerValue) {
    if ((fails(item, value) && item.noteOnFail) || value.kind === 'note') setNoting({ itemId: item.id, value });
    else void submit(item, index, value);
  }

  async function reportAbout(
    zoneId: string | null,
    at: string,
    summary: string,
    narrative: string,
    target: { itemId?: string; exceptionId?: string },
  ) {
    const draft = await actions.run(() => startReport({ branchId: current.branchId, zoneId, at, summary, narrative }));
    if (!draft) return;
    const linked = await actions.run(() =>
      call('closing.linkIncident', { runId: current.id, ...target, incidentId: draft.id }),
    );
    if (linked) accept(linked);
    desk.openDraft(draft.id);
  }

  function onRowKey(e: KeyboardEvent<HTMLLIElement>, item: RunItem, index: number) {
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
    if (rows.move(e, index)) return;
    const key = e.key.toLowerCase();
    const answer = answers.get(item.id);
    if (saving.has(item.id)) {
      if (key.length === 1 || key === 'enter') e.preventDefault();
      return;
    }
    if (answer) {
      if (key === 'i' && answer.failed && !answer.incidentId) {
        e.preventDefault();
        void reportAbout(item.zoneId, answer.at, failureSummary(item, answer), answer.note, { itemId: item.id });
      } else if (key === ' ' || key === 'enter') {
        e.preventDefault();
        setHint({ itemId: item.id, text: `Already answered by ${answer.by.name}. Each item is answered once.` });
      }
      return;
    }
    if (!editable) return;
    const handled = () => e.preventDefault();
    if (key === 'w' || key === 'c') {
      handled();
      setMethods({ ...methods, [item.id]: key === 'w' ? 'walked' : 'camera' });
      return;
    }
    if (item.kind === 'count') {
      const typed = digits?.itemId === item.id ? digits.value : '';
      if (/^[0-9]$/.test(e.key)) {
        handled();
        setDigits({ itemId: item.id, value: `${typed}${e.key}`.slice(0, 4) });
      } else if (e.key === 'Backspace') {
        handled();
        setDigits({ itemId: item.id, value: typed.slice(0, -1) });
      } else if (e.key === 'Escape' && typed) {
        handled();
        setDigits(null);
      } else if (key === 'enter' || key === ' ') {
        handled();
        if (typed) give(item, index, { kind: 'count', count: Number(typed) });
        else setHint({ itemId: item.id, text: 'Type the count first (0 if nobody), then Enter.' });
      }
      return;
    }
    if (item.kind === 'note') {
      if (key === 'enter' || key === ' ') {
        handled();
        give(item, index, { kind: 'note' });
      }
      return;
    }
    const ok = okValue(item)!;
    if (key === ' ' || key === 'enter') {
      handled();
      give(item, index, ok);
    } else if (key === 'y') {
      handled();
      give(item, index, item.kind === 'check' ? ok : { kind: 'yesno', answer: 'yes' });
    } else if (key === 'n') {
      handled();
      give(item, index, item.kind === 'check' ? { kind: 'check', ok: false } : { kind: 'yesno', answer: 'no' });
    }
  }

  async function signOff(note: string) {
    const signed = await signer.run(() => call('closing.sign', { runId: current.id, note }));
    if (!signed) return;
    accept(signed);
    setSigning(false);
    setStatus(
      `Building clear signed at ${formatClock(new Date(signed.endedAt!), branch!.timeZone)} by ${signed.endedBy!.name}.`,
    );
  }

  async function askToSign() {
    if (current.answers.length === current.items.length) {
      signer.clear();
      setSigning(true);
      return;
    }
    // Not every item is answered: main says which, and what to do.
    await signer.run(() => call('closing.sign', { runId: current.id }));
    const first = nextUnanswered(current, current.items.length - 1);
    if (first >= 0) rows.focusRow(first);
  }

  async function exportPdf() {
    const disclose = await askDisclose({
      what: `The closing of ${current.branchName} on ${current.closingDate}`,
      action: 'Export PDF',
      basis: 'library-administration',
    });
    if (!disclose) return;
    const file = await actions.run(() => call('closing.exportPdf', { runId: current.id, disclose }));
    if (file) {
      downloadPdf(file);
      setStatus(`Saved ${file.fileName}.`);
    }
  }

  const groups = groupByZone(run.items);
  const failed = run.answers.filter((a) => a.failed).length;
  return (
    <div className="duty-panel run-view">
      <RunHeader run={run} branch={branch} failed={failed} />
      {editable && run.closesAt && policy && (
        <Announcement
          closesAt={Date.parse(run.closesAt)}
          timeZone={branch.timeZone}
          reminderMinutes={policy.reminderMinutes}
        />
      )}
      <div className="run-actions">
        {editable && (
          <Button variant="primary" buttonRef={signRef} onClick={() => void askToSign()} disabled={signer.pending}>
            Sign building clear
          </Button>
        )}
        {run.status !== 'abandoned' && (
          <Button onClick={() => setAdding(true)} aria-expanded={adding}>
            Add exception
          </Button>
        )}
        <Button onClick={() => void exportPdf()} disabled={actions.pending}>
          Export PDF
        </Button>
        {editable && (
          <Button variant="quiet" onClick={() => setAbandoning(true)} aria-expanded={abandoning}>
            Set aside…
          </Button>
        )}
        <Button variant="quiet" onClick={onClose} buttonRef={editable ? undefined : signRef}>
          Back to closing
        </Button>
      </div>
      <ErrorNotice error={signer.error ?? answering.error ?? actions.error ?? error} />
      <StatusNotice message={status} />
      {abandoning && (
        <AbandonForm
          run={run}
          onDone={(r) => {
            if (r) accept(r);
            setAbandoning(false);
          }}
        />
      )}
      <Exceptions
        run={run}
        branch={branch}
        zoneId={problemZone ?? run.items[rows.current]?.zoneId ?? null}
        adding={adding}
        onAdding={setAdding}
        onChanged={accept}
        onReport={(e: ClosingException) =>
          void reportAbout(
            e.zoneId,
            e.beganAt,
            `${EXCEPTION_TITLES[e.kind]} at ${run.branchName}`,
            exceptionFacts(e)
              .map(([k, v]) => `${k}: ${v}`)
              .join('\n'),
            { exceptionId: e.id },
          )
        }
      />
      {editable && (
        <p className="keys-line">
          <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Space</kbd> check · <kbd>Y</kbd> <kbd>N</kbd> answer · digits count ·{' '}
          <kbd>W</kbd> walked · <kbd>C</kbd> on camera · <kbd>I</kbd> report a problem
        </p>
      )}
      <div className="checklist">
        {groups.map((g) => (
          <section key={g.start} className="zone-group" aria-label={g.zoneName ?? 'Whole building'}>
            <h4 className="zone-title">
              {g.zoneName ?? 'Whole building'}
              {g.zoneId && (
                <Button small variant="quiet" tabIndex={-1} onClick={() => desk.showZone(g.zoneId!)}>
                  Show camera<Unseen> of {g.zoneName}</Unseen>
                </Button>
              )}
            </h4>
            <ul className="item-list" aria-label={`Checklist items: ${g.zoneName ?? 'whole building'}`}>
              {g.items.map((item, offset) => {
                const index = g.start + offset;
                return (
                  <ItemRow
                    key={item.id}
                    item={item}
                    answer={answers.get(item.id)}
                    saving={saving.has(item.id)}
                    index={index}
                    total={run.items.length}
                    timeZone={branch.timeZone}
                    current={rows.current === index}
                    editable={editable}
                    method={methods[item.id] ?? 'walked'}
                    digits={digits?.itemId === item.id ? digits.value : undefined}
                    hint={hint?.itemId === item.id ? hint.text : undefined}
                    rowRef={rows.register(index)}
                    onKeyDown={(e) => onRowKey(e, item, index)}
                    onFocus={() => {
                      rows.setCurrent(index);
                      if (item.zoneId && shownZone.current !== item.zoneId) {
                        shownZone.current = item.zoneId;
                        desk.showZone(item.zoneId);
                      }
                    }}
                    onMethod={(m) => setMethods({ ...methods, [item.id]: m })}
                    onReport={() => {
                      const a = answers.get(item.id)!;
                      void reportAbout(item.zoneId, a.at, failureSummary(item, a), a.note, { itemId: item.id });
                    }}
                  >
                    {noting?.itemId === item.id && (
                      <NoteForm
                        label={item.kind === 'note' ? item.label : `What was found: ${item.label}`}
                        required={item.kind !== 'note' && item.noteOnFail}
                        answerWords={noteAnswerWords(noting.value)}
                        pending={answering.pending}
                        offerReport={item.kind !== 'note'}
                        onSave={(note, report) => void submit(item, index, noting.value, note, report)}
                        onCancel={() => {
                          setNoting(null);
                          rows.focusRow(index);
                        }}
                      />
                    )}
                  </ItemRow>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
      {signing && (
        <SignDialog
          run={run}
          pending={signer.pending}
          error={signer.error}
          onSign={(note) => void signOff(note)}
          onCancel={() => setSigning(false)}
        />
      )}
    </div>
  );
}

function noteAnswerWords(v: AnswerValue): string {
  if (v.kind === 'check') return v.ok ? 'Checked' : 'Problem found';
  if (v.kind === 'yesno') return v.answer === 'yes' ? 'Yes' : 'No';
  if (v.kind === 'count') return `Count ${v.count}`;
  return 'Note';
}

function RunHeader({ run, branch, failed }: { run: ClosingRun; branch: Branch; failed: number }) {
  const now = useMainNow();
  const clock = (iso: string) => formatClock(new Date(iso), branch.timeZone);
  const closes = run.closesAt ? Date.parse(run.closesAt) - now.getTime() : null;
  const state =
    run.status === 'signed'
      ? {
          word: 'Building clear',
          tone: 'ok',
          text: `signed ${clock(run.endedAt!)} by ${run.endedBy!.name}, ${durationWords(Date.parse(run.endedAt!) - Date.parse(run.startedAt))} after it began`,
        }
      : run.status === 'abandoned'
        ? {
            word: 'Set aside',
            tone: 'muted',
            text: `by ${run.endedBy!.name} at ${clock(run.endedAt!)}: ${run.endNote}`,
          }
        : { word: 'In progress', tone: 'warn', text: `started ${clock(run.startedAt)} by ${run.startedBy.name}` };
  return (
    <header className="run-head">
      <h3>
        Closing checklist · {run.branchName} · {dateWords(run.closingDate)}
      </h3>
      <p className="run-state">
        <span className={`status-word tone-${state.tone}`}>{state.word}</span> {state.text}
      </p>
      <p className="run-progress" role="status">
        {run.answers.length} of {run.items.length} answered
        {failed > 0 && ` · ${failed} problem${failed === 1 ? '' : 's'}`}
        {run.closesAt &&
          run.status === 'open' &&
          ` · ${closes !== null && closes > 0 ? `closes ${clock(run.closesAt)}, in ${durationWords(closes)}` : `closed ${clock(run.closesAt)}`}`}
      </p>
    </header>
  );
}

function AbandonForm({ run, onDone }: { run: ClosingRun; onDone: (run: ClosingRun | undefined) => void }) {
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  async function save() {
    const saved = await submit.run(() => call('closing.abandon', { runId: run.id, reason }));
    if (saved) onDone(saved);
  }
  return (
    <InlineForm
      title="Set this closing aside without signing"
      submitLabel="Set aside"
      pending={submit.pending}
      error={submit.error}
      onSubmit={() => void save()}
      onCancel={() => onDone(undefined)}
    >
      <TextAreaField
        label="Why it is left unsigned"
        value={reason}
        onChange={setReason}
        rows={2}
        spellCheck
        hint="It stays in the history with every answer so far; a new closing can then start."
        error={submit.fieldError('reason')}
      />
    </InlineForm>
  );
}

/** Items in runs of the same zone, in checklist order. */
function groupByZone(items: readonly RunItem[]) {
  const groups: { start: number; zoneId: string | null; zoneName: string | null; items: RunItem[] }[] = [];
  items.forEach((item, i) => {
    const last = groups.at(-1);
    if (last && last.zoneId === item.zoneId) last.items.push(item);
    else groups.push({ start: i, zoneId: item.zoneId, zoneName: item.zoneName, items: [item] });
  });
  return groups;
}
