import { useId } from 'react';
import { Button } from '../../components/Button';
import { Unseen } from '../../components/Unseen';
import type { GuidelineRule } from '../../../shared/contract';

interface RulesPickerProps {
  rules: readonly GuidelineRule[];
  selected: readonly string[];
  onChange: (ruleIds: string[]) => void;
  error: string | undefined;
}

/** Rules broken, one or more: each chosen one as a chip with its code and title, the rest in a list to add. */
export function RulesPicker({ rules, selected, onChange, error }: RulesPickerProps) {
  const id = useId();
  const byId = new Map(rules.map((r) => [r.id, r]));
  const offered = rules.filter((r) => !r.retired && !selected.includes(r.id));
  const describedBy = [error ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ');
  return (
    <div className={`field field-wide${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>Rules broken</label>
      {selected.length > 0 && (
        <ul className="chips" aria-label="Rules chosen">
          {selected.map((ruleId) => {
            const rule = byId.get(ruleId);
            const name = rule ? `${rule.code} — ${rule.title}` : 'A rule no longer listed';
            return (
              <li key={ruleId} className="chip">
                <span>{name}</span>
                <Button small variant="quiet" onClick={() => onChange(selected.filter((r) => r !== ruleId))}>
                  Remove<Unseen> rule {name}</Unseen>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <select
        id={id}
        value=""
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => e.target.value && onChange([...selected, e.target.value])}
      >
        <option value="">{selected.length === 0 ? 'Choose a rule…' : 'Add another rule…'}</option>
        {offered.map((r) => (
          <option key={r.id} value={r.id}>
            {r.code} — {r.title}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <p id={`${id}-hint`} className="field-hint">
        From the Patron Expectations and Behavior Guidelines. Choose every rule that applies.
      </p>
    </div>
  );
}
