import { useEffect, useRef, useState } from 'react';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { readStored, removeStored, writeStored } from '../../lib/storage';
import { Button } from '../../components/Button';
import { TextAreaField, TextField } from '../../components/Field';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import { ENTRY_KINDS, type EntryKind } from '../../../shared/contract/shifts';
import { callbackNumberProblem } from '../../../shared/contract/contact-fields';
import { ENTRY_KIND_WORDS } from '../../../shared/shift-words';

interface EntryDraft {
  kind: EntryKind;
  text: string;
  fromName: string;
  callbackNumber: string;
  callbackNeeded: boolean;
}

const EMPTY: EntryDraft = { kind: 'note', text: '', fromName: '', callbackNumber: '', callbackNeeded: false };
const draftKey = (staffId: string) => `vigil.shiftEntryDraft.${staffId}`;

function readDraft(staffId: string): EntryDraft {
  try {
    const raw = readStored(draftKey(staffId));
    return raw ? { ...EMPTY, ...(JSON.parse(raw) as Partial<EntryDraft>) } : EMPTY;
  } catch {
    return EMPTY;
  }
}

const isMessage = (kind: EntryKind) => kind === 'phone' || kind === 'voicemail';
const hasWords = (d: EntryDraft) => Boolean(d.text || d.fromName || d.callbackNumber);

/**
 * Write to the shift log: a note, a phone call or voicemail (from whom, the number,
 * whether to call back), or a note to pass on. What is typed is kept on this console
 * with every keystroke until the entry is in the log, so a lock, a reload or a crash
 * loses nothing.
 */
export function EntryForm({
  staffId,
  branchId,
  focusSeq,
}: {
  staffId: string;
  branchId: string | null;
  /** Changes when the desk asks for the cursor here (key L). */
  focusSeq: number;
}) {
  const [draft, setDraft] = useState<EntryDraft>(() => readDraft(staffId));
  const [numberProblem, setNumberProblem] = useState<string | undefined>(undefined);
  const [said, setSaid] = useState<string | undefined>(undefined);
  const submit = useSubmit();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [restored, setRestored] = useState(() => hasWords(draft));

  useEffect(() => {
    if (focusSeq) textRef.current?.focus();
  }, [focusSeq]);

  useEffect(() => {
    if (hasWords(draft) || draft.kind !== 'note') writeStored(draftKey(staffId), JSON.stringify(draft));
    else removeStored(draftKey(staffId));
  }, [draft, staffId]);

  function change(next: Partial<EntryDraft>) {
    setSaid(undefined);
    setDraft((d) => ({ ...d, ...next }));
  }

  function checkNumber(): boolean {
    const problem = draft.callbackNumber.trim() ? callbackNumberProblem(draft.callbackNumber) : undefined;
    const needed = draft.callbackNeeded && !draft.callbackNumber.trim() ? 'Give the number to call back' : undefined;
    setNumberProblem(problem ?? needed ?? undefined);
    return !(problem ?? needed);
  }

  async function add() {
    if (isMessage(draft.kind) && !checkNumber()) return;
    const message = isMessage(draft.kind);
    const done = await submit.run(() =>
      call('shifts.addEntry', {
        branchId,
        kind: draft.kind,
        text: draft.text,
        fromName: message ? draft.fromName : '',
        callbackNumber: message ? draft.callbackNumber : '',
        callbackNeeded: message && draft.callbackNeeded,
        links: [],
      }),
    );
    if (!done) return;
    setRestored(false);
    setSaid(`${ENTRY_KIND_WORDS[done.kind]} added to the log.`);
    setDraft({ ...EMPTY, kind: draft.kind === 'pass-on' ? 'pass-on' : 'note' });
    textRef.current?.focus();
  }

  const message = isMessage(draft.kind);
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
    >
      <h3 id="shift-entry-title">Write in the log</h3>
      <div className="segmented" role="radiogroup" aria-label="What it is">
        {ENTRY_KINDS.map((k) => (
          <label key={k} className="choice">
            <input type="radio" name="entry-kind" checked={draft.kind === k} onChange={() => change({ kind: k })} />
            <span>{ENTRY_KIND_WORDS[k]}</span>
          </label>
        ))}
      </div>
      {message && (
        <div className="shift-entry-caller">
          <TextField
            label="From"
            value={draft.fromName}
            onChange={(v) => change({ fromName: v })}
            maxLength={120}
            error={submit.fieldError('fromName')}
          />
          <TextField
            label="Callback number"
            type="tel"
            inputMode="tel"
            value={draft.callbackNumber}
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
              checked={draft.callbackNeeded}
              onChange={(e) => change({ callbackNeeded: e.target.checked })}
            />
            <span>Callback needed</span>
          </label>
        </div>
      )}
      <TextAreaField
        label={draft.kind === 'pass-on' ? 'What the next shift should know' : message ? 'Message' : 'Note'}
        value={draft.text}
        onChange={(v) => change({ text: v })}
        rows={3}
        maxLength={2000}
        textAreaRef={textRef}
        error={submit.fieldError('text')}
      />
      <ErrorNotice error={submit.error} summarize />
      <StatusNotice message={said} />
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={submit.pending} title="Add to the log (Ctrl+Enter)">
          {draft.kind === 'pass-on' ? 'Pass on to the next shift' : 'Add to log'}
        </Button>
        {hasWords(draft) && (
          <span className="muted small" role="status">
            {restored ? 'Your unfinished entry was kept: it is back here.' : 'Kept on this console as you type.'}
          </span>
        )}
      </div>
    </form>
  );
}
