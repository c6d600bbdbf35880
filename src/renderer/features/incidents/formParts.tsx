import type { ReactNode } from 'react';
import { TextField } from '../../components/Field';
import { isoToLocalInput, localInputToIso } from './localTime';

/** The first message at or under a path: for a control that stands for a whole list ("ruleIds.2"). */
export function groupError(errors: Record<string, string>, path: string): string | undefined {
  const key = Object.keys(errors).find((k) => k === path || k.startsWith(`${path}.`));
  return key ? errors[key] : undefined;
}

interface DateTimeFieldProps {
  label: string;
  value: string | null;
  timeZone: string | undefined;
  onChange: (iso: string | null) => void;
  error?: string;
  hint?: string;
}

/** A time typed as the branch's clock reads it, kept as an instant. */
export function DateTimeField({ label, value, timeZone, onChange, error, hint }: DateTimeFieldProps) {
  return (
    <TextField
      label={label}
      type="datetime-local"
      value={isoToLocalInput(value, timeZone)}
      onChange={(v) => onChange(localInputToIso(v, timeZone))}
      error={error}
      hint={hint}
    />
  );
}

/** A titled part of the form, so a long report reads as a few short ones. */
export function FormSection({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend>{title}</legend>
      {aside && <div className="section-aside">{aside}</div>}
      <div className="section-fields">{children}</div>
    </fieldset>
  );
}
