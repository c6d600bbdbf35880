import { useId } from 'react';

interface RadioGroupProps<V extends string> {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  className?: string;
}

/** A few choices side by side: one tab stop, arrow keys move between them (the browser's own radio group). */
export function RadioGroup<V extends string>({ label, value, options, onChange, className }: RadioGroupProps<V>) {
  const name = useId();
  return (
    <fieldset className={`radio-group${className ? ` ${className}` : ''}`}>
      <legend>{label}</legend>
      <div className="radio-options">
        {options.map((o) => (
          <label key={o.value} className={`radio-option${o.value === value ? ' is-checked' : ''}`}>
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={o.value === value}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
