import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Button } from '../../components/Button';

interface LineFormProps {
  label: string;
  saveLabel: string;
  pending: boolean;
  onSave: (text: string) => void;
  onCancel: () => void;
}

/** One line of words under a checkpoint (a skip's reason, an observation): Enter saves, Esc goes back. */
export function LineForm({ label, saveLabel, pending, onSave, onCancel }: LineFormProps) {
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => ref.current?.focus(), []);

  function save() {
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    onSave(text.trim());
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Enter' && e.target === ref.current) {
      e.preventDefault();
      save();
    }
  }

  return (
    <div className="note-form" onKeyDown={onKeyDown}>
      <div className={`field${missing ? ' field-invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          ref={ref}
          type="text"
          value={text}
          spellCheck
          aria-invalid={missing || undefined}
          onChange={(e) => {
            setText(e.target.value);
            setMissing(false);
          }}
        />
        {missing && (
          <p className="field-error">
            <span aria-hidden="true">⚠ </span>Write a few words first.
          </p>
        )}
        <p className="field-hint">Enter saves, Esc goes back.</p>
      </div>
      <div className="form-actions">
        <Button variant="primary" small disabled={pending} onClick={save}>
          {saveLabel}
        </Button>
        <Button variant="quiet" small onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
