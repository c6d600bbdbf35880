import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { CallError } from '../../lib/api';
import type { Submitting } from '../../lib/useSubmit';

interface RadioGroupProps<V extends string> {
  legend: string;
  name?: string;
  value: V | null;
  options: readonly { value: V; label: ReactNode; hint?: ReactNode; disabled?: boolean }[];
  onChange: (value: V) => void;
  error?: string;
  hint?: ReactNode;
  className?: string;
}

/** A choice of a few, all in sight: a fieldset of radio buttons, its error said at the group. */
export function RadioGroup<V extends string>({
  legend,
  value,
  options,
  onChange,
  error,
  hint,
  className,
}: RadioGroupProps<V>) {
  const name = useId();
  const errorId = `${name}-error`;
  const hintId = `${name}-hint`;
  return (
    <fieldset
      className={`choice-group${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={[error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      {error && (
        <p id={errorId} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      {options.map((o) => (
        <label key={o.value} className={`choice${o.value === value ? ' is-chosen' : ''}`}>
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={o.value === value}
            disabled={o.disabled}
            aria-invalid={error ? true : undefined}
            onChange={() => onChange(o.value)}
          />
          <span className="choice-text">
            <span className="choice-label">{o.label}</span>
            {o.hint && <span className="choice-hint">{o.hint}</span>}
          </span>
        </label>
      ))}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </fieldset>
  );
}

interface CheckboxProps {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  disabled?: boolean;
  error?: string;
}

/** One yes-or-no, its label beside the box and a line saying what it means. */
export function Checkbox({ label, checked, onChange, hint, disabled, error }: CheckboxProps) {
  const id = useId();
  return (
    <div className={`checkbox-field${error ? ' field-invalid' : ''}`}>
      <label className="choice" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={hint || error ? `${id}-more` : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span className="choice-text">
          <span className="choice-label">{label}</span>
          {(hint || error) && (
            <span id={`${id}-more`} className={error ? 'field-error' : 'choice-hint'}>
              {error ?? hint}
            </span>
          )}
        </span>
      </label>
    </div>
  );
}

interface CheckboxGroupProps<V extends string> {
  legend: string;
  values: readonly V[];
  options: readonly { value: V; label: ReactNode; disabled?: boolean }[];
  onChange: (values: V[]) => void;
  error?: string;
  hint?: ReactNode;
}

/** Several of a few: a fieldset of checkboxes (branches, privileges), its error said at the group. */
export function CheckboxGroup<V extends string>({
  legend,
  values,
  options,
  onChange,
  error,
  hint,
}: CheckboxGroupProps<V>) {
  const id = useId();
  return (
    <fieldset
      className={`choice-group${error ? ' field-invalid' : ''}`}
      aria-describedby={
        [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined
      }
    >
      <legend>{legend}</legend>
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <div className="choice-row">
        {options.map((o) => (
          <label key={o.value} className={`choice${values.includes(o.value) ? ' is-chosen' : ''}`}>
            <input
              type="checkbox"
              checked={values.includes(o.value)}
              disabled={o.disabled}
              aria-invalid={error ? true : undefined}
              onChange={(e) => onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))}
            />
            <span className="choice-label">{o.label}</span>
          </label>
        ))}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </fieldset>
  );
}

/**
 * A form's refusals: main's, or the form's own when something needed is still empty
 * (said in words at the field, before anything is sent; main checks again).
 */
export function useFormCheck(submit: Submitting) {
  const [local, setLocal] = useState<CallError | undefined>(undefined);
  return {
    error: local ?? submit.error,
    fieldError: (path: string) => (local ? local.fields?.[path] : submit.fieldError(path)),
    /** True when nothing is missing; else the messages show at their fields. */
    check(missing: Record<string, string | false | null | undefined>): boolean {
      const fields: Record<string, string> = {};
      for (const [path, message] of Object.entries(missing)) if (message) fields[path] = message;
      const first = Object.values(fields)[0];
      setLocal(first ? { code: 'VALIDATION', message: first, fields } : undefined);
      return first === undefined;
    },
  };
}
