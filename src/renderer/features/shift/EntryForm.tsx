import { useEffect, useRef, useState } from 'react';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { readStored, removeStored } from '../../lib/storage';
import { Button } from '../../components/Button';
import { TextAreaField, TextField } from '../../components/Field';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import { ENTRY_KINDS, type EntryDraft, type EntryKind } from '../../../shared/contract';
import { callbackNumberProblem } from '../../../shared/contract/contact-fields';
import { ENTRY_KIND_WORDS } from '../../../shared/shift-words';
import { SaveIndicator } from '../incidents/SaveIndicator';
import { EntryLinks } from './EntryLinks';
import { LinkPicker } from './LinkPicker';
import { EMPTY_WORK, isBlank, useEntryDraft, type EntryWork } from './useEntryDraft';

const isMessage = (kind: EntryKind) => kind === 'phone' || kind === 'voicemail';

interface Start {
  draft: EntryDraft | null;
  /** Typed on this console by an older build, never in main: saved there at once. */
  carried?: EntryWork | undefined;
  problem: string | undefined;
}

const LEGACY_KEY = (staffId: string) => `vigil.shiftEntryDraft.${staffId}`;

function legacyWork(staffId: string): EntryWork | undefined {
  try {
    const raw = readStored(LEGACY_KEY(staffId));
    if (!raw) return undefined;
    const old = JSON.parse(raw) as Partial<Omit<EntryWork, 'links'>>;
    const work: EntryWork = {
      kind: ENTRY_KINDS.includes(old.kind as EntryKind) ? (old.kind as EntryKind) : 'note',
      text: typeof old.text === 'string' ? old.text : '',
      fromName: typeof old.fromName === 'string' ? old.fromName : '',
      callbackNumber: typeof old.callbackNumber === 'string' ? old.callbackNumber : '',
      callbackNeeded: old.callbackNeeded === true,
      links: [],
    };
    return isBlank(work) ? undefined : work;
  } catch {
    return undefined;
  }
}

interface EntryFormProps {
  branchId: string | null;
  timeZone: string | undefined;
  /** Changes when the desk asks for the cursor here (key L). */
  focusSeq: number;
}

/**
 * Write to the shift log. What is typed is kept in main for its writer (shifts.draft),
 * so this opens with it once main has answered.
 */
export function EntryForm({ staffId, ...props }: EntryFormProps & { staffId: string }) {
  const [start, setStart] = useState<Start | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void call('shifts.draft', {}).then((r) => {
      if (!current) return;
      // An entry an older build kept on this console only goes to main now (when main has none) and leaves the console.
      const legacy = r.ok && r.value === null ? legacyWork(staffId) : undefined;
      removeStored(LEGACY_KEY(staffId));
      setStart(
        r.ok ? { draft: r.value, carried: legacy, problem: undefined } : { draft: null, problem: r.error.message },
      );
    });
    return () => {
      current = false;
    };
  }, [staffId]);
  if (!start) {
    return (
      <section className="duty-card shift-entry-form" aria-label="Write in the log">
        <p className="muted">Opening your log entry…</p>
      </section>
    );
  }
  return <EntryEditor {...props} start={start} />;
}

/**
 * A note, a phone call or voicemail (from whom, the number, whether to call back), or a
 * note to pass on, linked to the reports, calls and persons it is about. Kept in main as
 * it is typed until it is in the log, so a lock, a reload, a crash or another console
 * loses nothing.
 */
function EntryEditor({
  branchId,
  timeZone,
  focusSeq,
  start: { draft: saved, carried, problem },
}: EntryFormProps & { start: Start }) {
  const draft = useEntryDraft(saved, carried);
  const { work } = draft;
  const [numberProblem, setNumberProblem] = useState<string | undefined>(undefined);
  const [said, setSaid] = useState<string | undefined>(undefined);
  const [restored, setRestored] = useState(() => saved !== null || carried !== undefined);
  const submit = useSubmit();
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusSeq) textRef.current?.focus();
  }, [focusSeq]);

  function change(next: Parameters<typeof draft.change>[0]) {
    setSaid(undefined);
    draft.change(next);
  }

  function checkNumber(): boolean {
    const problem = work.callbackNumber.trim() ? callbackNumberProblem(work.callbackNumber) : undefined;
    const needed = work.callbackNeeded && !work.callbackNumber.trim() ? 'Give the number to call back' : undefined;
    setNumberProblem(problem ?? needed ?? undefined);
    return !(problem ?? needed);
  }

  async function add() {
    if (isMessage(work.kind) && !checkNumber()) return;
    const message = isMessage(work.kind);
    const adding = work;
    // The save waiting for typing to pause goes first, so main's add deletes it rather than a late save bringing it back.
    await draft.flush();
    const done = await submit.run(() =>
      call('shifts.addEntry', {
        branchId,
        kind: adding.kind,
        text: adding.text,
        fromName: message ? adding.fromName : '',
        callbackNumber: message ? adding.callbackNumber : '',
        callbackNeeded: message && adding.callbackNeeded,
        links: adding.links.map((l) => ({ kind: l.kind, id: l.id })),
      }),
    );
    if (!done) return;
    // Main deleted the unfinished copy with the add: the form starts again, nothing to save.
    setRestored(false);
    setSaid(`${ENTRY_KIND_WORDS[done.kind]} added to the log.`);
    draft.reset({ ...EMPTY_WORK, kind: adding.kind === 'pass-on' ? 'pass-on' : 'note' });
    textRef.current?.focus();
  }

  const message = isMessage(work.kind);
  const blank = isBlank(work);
  return (
    <form
      className="duty-card shift-entry-form"
      aria-labelledby="shift-entry-title"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void add();
        }
      }}
      onBlur={(e) => {
        // Leaving the form (for Sign out, another tab) sends what is typed at once, ahead of whatever comes next.
        if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) void draft.flush();
      }}
    >
      <h3 id="shift-entry-title">Write in the log</h3>
      {restored && !blank && (
        <p className="shift-draft-restored" role="status">
          Your unfinished entry was kept: it is back here, as you left it.
        </p>
      )}
      <ErrorNotice error={problem && `Your unfinished entry could not be opened: ${problem}`} />
      <div className="segmented" role="radiogroup" aria-label="What it is">
        {ENTRY_KINDS.map((k) => (
          <label key={k} className="choice">
            <input type="radio" name="entry-kind" checked={work.kind === k} onChange={() => change({ kind: k })} />
            <span>{ENTRY_KIND_WORDS[k]}</span>
          </label>
        ))}
      </div>
      {message && (
        <div className="shift-entry-caller">
          <TextField
            label="From"
            value={work.fromName}
            onChange={(v) => change({ fromName: v })}
            maxLength={120}
            error={submit.fieldError('fromName')}
          />
          <TextField
            label="Callback number"
            type="tel"
            inputMode="tel"
            value={work.callbackNumber}
            onChange={(v) => {
              change({ callbackNumber: v });
              if (numberProblem) setNumberProblem(undefined);
            }}
            onBlur={checkNumber}
            maxLength={40}
            hint="Like 608-555-0134"
            error={numberProblem ?? submit.fieldError('callbackNumber')}
          />
          <label className="checkbox-field shift-callback-needed">
            <input
              type="checkbox"
              checked={work.callbackNeeded}
              onChange={(e) => change({ callbackNeeded: e.target.checked })}
            />
            <span>Callback needed</span>
          </label>
        </div>
      )}
      <TextAreaField
        label={work.kind === 'pass-on' ? 'What the next shift should know' : message ? 'Message' : 'Note'}
        value={work.text}
        onChange={(v) => change({ text: v })}
        rows={3}
        maxLength={2000}
        textAreaRef={textRef}
        error={submit.fieldError('text')}
      />
      <div className="shift-entry-links">
        <EntryLinks links={work.links} onRemove={(l) => change({ links: work.links.filter((x) => x !== l) })} />
        <LinkPicker links={work.links} timeZone={timeZone} onAdd={(l) => change({ links: [...work.links, l] })} />
        {submit.fieldError('links') && <p className="field-error">⚠ {submit.fieldError('links')}</p>}
      </div>
      <ErrorNotice error={submit.error} summarize />
      <StatusNotice message={said ?? draft.notice} />
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={submit.pending} title="Add to the log (Ctrl+Enter)">
          {work.kind === 'pass-on' ? 'Pass on to the next shift' : 'Add to log'}
        </Button>
        {draft.state && !blank && <SaveIndicator state={draft.state} />}
      </div>
    </form>
  );
}
