import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Button } from '../../components/Button';

interface NoteFormProps {
  /** "What was found at Restrooms" */
  label: string;
  required: boolean;
  /** Shown as the answer being saved ("No", "Count 2"). */
  answerWords: string;
  pending: boolean;
  /** Failed answers can start an incident report once saved. */
  offerReport: boolean;
  onSave: (note: string, report: boolean) => void;
  onCancel: () => void;
}

/**
 * The note under an item: takes the cursor, Enter saves (Shift+Enter for a new line),
 * Esc goes back to the item without answering it.
 */
export function NoteForm({ label, required, answerWords, pending, offerReport, onSave, onCancel }: NoteFormProps) {
  const [note, setNote] = useState('');
  const [report, setReport] = useState(false);
  const [missing, setMissing] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useEffect(() => ref.current?.focus(), []);

  function save() {
    if (required && !note.trim()) {
      setMissing(true);
      ref.current?.focus();
      return;
    }
    onSave(note.trim(), report);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Enter' && !e.shiftKey && e.target === ref.current) {
      e.preventDefault();
      save();
    }
  }

  return (
    <div className="note-form" onKeyDown={onKeyDown}>
      <div className={`field${missing ? ' field-invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        <textarea
          id={id}
          ref={ref}
          rows={2}
          value={note}
          spellCheck
          aria-invalid={missing || undefined}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setNote(e.target.value);
            setMissing(false);
          }}
        />
        {missing && (
          <p className="field-error">
            <span aria-hidden="true">⚠ </span>Say what was found: a note is needed when an item fails.
          </p>
        )}
        <p id={`${id}-hint`} className="field-hint">
          Answer: <strong>{answerWords}</strong>. Enter saves, Shift+Enter starts a new line, Esc goes back.
        </p>
      </div>
      {offerReport && (
        <label className="check-line">
          <input type="checkbox" checked={report} onChange={(e) => setReport(e.target.checked)} />
          Start an incident report with this zone once saved
        </label>
      )}
      <div className="form-actions">
        <Button variant="primary" small disabled={pending} onClick={save}>
          Save answer
        </Button>
        <Button variant="quiet" small onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
