import { useId, useState } from 'react';
import { call } from '../../lib/api';
import type { ImageAttachment } from '../../../shared/contract';
import { readBase64 } from '../../lib/readFile';

/** Main refuses past this too; checking here spares reading a huge file into memory only to be told no. */
const MAX_BYTES = 15 * 1024 * 1024;

interface Refusal {
  /** The file's name on this computer: shown to the person, never sent (main trusts only the bytes). */
  name: string;
  reason: string;
}

/**
 * "Attach image files": each chosen file is sent to main, which decides from its
 * bytes whether it is a JPEG or PNG, strips its metadata and stores it. Each refusal
 * stays listed beside the file's local name; the rest of the form is untouched.
 */
export function ImageFilePicker({ onAdded }: { onAdded: (photo: ImageAttachment) => void }) {
  const inputId = useId();
  const [pending, setPending] = useState<string[]>([]);
  const [refusals, setRefusals] = useState<Refusal[]>([]);

  async function addFiles(files: File[]) {
    setRefusals([]);
    setPending(files.map((f) => f.name));
    // One at a time: each result lands in the form before the next is read, and memory holds one file.
    for (const file of files) {
      const refuse = (reason: string) => setRefusals((r) => [...r, { name: file.name, reason }]);
      if (file.size > MAX_BYTES) {
        refuse(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; at most 15 MB can be attached.`);
      } else {
        try {
          const r = await call('attachments.addImage', { dataBase64: await readBase64(file) });
          if (r.ok) onAdded(r.value);
          else refuse(r.error.message);
        } catch {
          refuse('The file could not be read from this computer.');
        }
      }
      setPending((p) => p.filter((n) => n !== file.name));
    }
  }

  return (
    <div className="image-file-picker">
      <label htmlFor={inputId}>Attach image files</label>
      <input
        id={inputId}
        type="file"
        accept="image/jpeg,image/png"
        multiple
        aria-describedby={`${inputId}-hint`}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          // Cleared so the same file can be chosen again after a refusal.
          e.currentTarget.value = '';
          if (files.length) void addFiles(files);
        }}
      />
      <p id={`${inputId}-hint`} className="muted">
        JPEG or PNG, up to 15 MB each. Location and other data inside the file are removed before it is kept.
      </p>
      {pending.length > 0 && <p aria-live="polite">Adding {pending.join(', ')}…</p>}
      {refusals.length > 0 && (
        <ul className="image-refusals" role="alert">
          {refusals.map((r, i) => (
            <li key={i} className="field-error">
              <span aria-hidden="true">⚠ </span>
              <strong>{r.name}</strong>: {r.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
