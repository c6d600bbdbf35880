import { useEffect, useId, useState } from 'react';
import { useQuery } from '../../lib/useQuery';
import { ErrorNotice } from '../../components/Notice';
import type { Person } from '../../../shared/contract';
import { SEX_WORD } from './words';

const SETTLE_MS = 250;

/** One line that tells two people of the same name apart. */
function describePerson(p: Person): string {
  return [p.name, SEX_WORD[p.sex].toLowerCase(), p.ageEstimate && `age ${p.ageEstimate}`, p.height, p.hair]
    .filter(Boolean)
    .join(', ');
}

interface PersonPickerProps {
  label: string;
  onPick: (person: Person) => void;
}

/** Finds a known person by name (persons.search, an audited read) and offers each match as a button. */
export function PersonPicker({ label, onPick }: PersonPickerProps) {
  const inputId = useId();
  const [text, setText] = useState('');
  // What is searched for: the text once typing has paused, so each keystroke does not search.
  const [wanted, setWanted] = useState('');
  const found = useQuery('persons.search', { text: wanted, limit: 8 }, { enabled: wanted !== '' });

  useEffect(() => {
    const timer = setTimeout(() => setWanted(text.trim()), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const shown = text.trim() ? found.value : undefined;
  return (
    <div className="person-picker">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="search"
        value={text}
        autoComplete="off"
        spellCheck={false}
        placeholder="Type a name"
        onChange={(e) => setText(e.target.value)}
      />
      <ErrorNotice error={found.error} />
      {shown && shown.length === 0 && <p className="muted small">Nobody on file by that name.</p>}
      {shown && shown.length > 0 && (
        <ul className="picker-results" aria-label={`${label}: matches`}>
          {shown.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="picker-result"
                onClick={() => {
                  onPick(p);
                  setText('');
                }}
              >
                {describePerson(p)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
