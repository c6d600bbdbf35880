import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useQuery } from '../../lib/useQuery';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import type { EntryLink, LinkKind } from '../../../shared/contract';
import { SHIFT_LIMITS } from '../../../shared/contract/shifts';
import { NATURE_WORDS, STATUS_WORDS } from '../../../shared/call-words';
import { formatWhen } from '../incidents/localTime';
import { STATUS_WORD } from '../incidents/words';

const KIND_OPTIONS = [
  { value: 'incident', label: 'A report' },
  { value: 'call', label: 'A call' },
  { value: 'person', label: 'A person' },
] as const satisfies readonly { value: LinkKind; label: string }[];

const SEARCH_LABEL: Record<LinkKind, string> = {
  incident: 'Find a report: its number (2026-0042) or words',
  call: 'Find a call: words of it, or pick a recent one',
  person: 'Find a person: a name, an alias or how they look',
};
const LIMIT = 6;
/** "2026-0042", "MAIN-2026", "42": typed as a number, searched as one. */
const looksLikeNumber = (t: string) => /^[A-Za-z]*-?[0-9][0-9-]*$/.test(t);

interface Candidate {
  link: EntryLink;
  /** The line shown: number or name first, then when and what. */
  main: string;
  facts: string;
}

/** What can be linked for the words typed: reports and calls (recent ones when nothing is typed), persons. */
function useCandidates(kind: LinkKind, typed: string, timeZone: string | undefined) {
  const number = kind === 'incident' && looksLikeNumber(typed);
  const reports = useQuery(
    'incidents.search',
    number ? { number: typed, limit: LIMIT } : { text: typed, limit: LIMIT },
    { enabled: kind === 'incident' },
  );
  const calls = useQuery('calls.search', { text: typed, limit: LIMIT }, { enabled: kind === 'call' });
  // The desk's own person search (desk.check), audited in main as it is from the header.
  const persons = useQuery('desk.check', { text: typed, limit: LIMIT }, { enabled: kind === 'person' && typed !== '' });
  const query = kind === 'incident' ? reports : kind === 'call' ? calls : persons;
  let list: Candidate[] = [];
  if (kind === 'incident') {
    list = (reports.value?.items ?? []).map((r) => ({
      link: { kind, id: r.id, label: r.number },
      main: r.number,
      facts: `${formatWhen(r.occurredFrom, timeZone)} · ${STATUS_WORD[r.status]} · ${r.summary}`,
    }));
  } else if (kind === 'call') {
    list = (calls.value?.items ?? []).map((c) => {
      const what = `${NATURE_WORDS[c.nature]}${c.zoneName ? ` in ${c.zoneName}` : ''}`;
      return {
        link: { kind, id: c.id, label: `Call of ${formatWhen(c.receivedAt, timeZone)}: ${what}` },
        main: formatWhen(c.receivedAt, timeZone),
        facts: `${what} · ${STATUS_WORDS[c.status]}${c.detail ? ` · ${c.detail}` : ''}`,
      };
    });
  } else if (typed) {
    list = (persons.value?.results ?? []).map((r) => ({
      link: { kind, id: r.person.id, label: r.person.name },
      main: r.person.name,
      facts: [r.person.aliases.length ? `also ${r.person.aliases.join(', ')}` : '', r.statusWords, r.person.description]
        .filter(Boolean)
        .join(' · '),
    }));
  }
  return { list, error: query.error, pending: query.value === undefined && !query.error };
}

/**
 * Link the entry being written to a report, a call or a person: choose which, type (a
 * report's number, words, a name), move with ↑ ↓, Enter links the one chosen. Reports
 * and calls list the most recent ones before anything is typed.
 */
export function LinkPicker({
  links,
  timeZone,
  onAdd,
}: {
  links: readonly EntryLink[];
  timeZone: string | undefined;
  onAdd: (link: EntryLink) => void;
}) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<LinkKind>('incident');
  const [text, setText] = useState('');
  const [cursor, setCursor] = useState(0);
  // Closing the picker gives the cursor back to its button, once that is on screen again.
  const returnFocus = useRef(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const baseId = useId();
  const typed = text.trim();
  const { list, error, pending } = useCandidates(kind, typed, timeZone);
  const linked = new Set(links.map((l) => `${l.kind}:${l.id}`));
  const active = Math.min(cursor, Math.max(0, list.length - 1));
  const full = links.length >= SHIFT_LIMITS.links;

  // The picker was opened to be typed in.
  useEffect(() => {
    if (open) searchRef.current?.focus();
  }, [open]);

  function add(c: Candidate | undefined) {
    if (!c || full || linked.has(`${c.link.kind}:${c.link.id}`)) return;
    onAdd(c.link);
    setText('');
    setCursor(0);
  }

  function close() {
    setOpen(false);
    setText('');
    returnFocus.current = true;
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setCursor(Math.max(0, Math.min(list.length - 1, active + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      // Enter links the one chosen; it never adds the entry itself (Ctrl+Enter does).
      e.preventDefault();
      add(list[active]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (text) setText('');
      else close();
    }
  }

  if (!open) {
    return (
      <Button
        small
        buttonRef={(el) => {
          if (el && returnFocus.current) {
            returnFocus.current = false;
            el.focus();
          }
        }}
        onClick={() => setOpen(true)}
        disabled={full}
      >
        Link a report, call or person…
      </Button>
    );
  }

  const listId = `${baseId}-list`;
  const optionId = (i: number) => `${baseId}-option-${i}`;
  const noun = kind === 'incident' ? 'reports' : kind === 'call' ? 'calls' : 'persons';
  return (
    <div className="link-picker" role="group" aria-label="Link the entry">
      <div className="link-picker-row">
        <SelectField
          label="Link to"
          value={kind}
          options={KIND_OPTIONS}
          onChange={(k) => {
            setKind(k);
            setText('');
            setCursor(0);
          }}
          fieldClassName="link-picker-kind"
        />
        <div className="field link-picker-search">
          <label htmlFor={`${baseId}-search`}>{SEARCH_LABEL[kind]}</label>
          <input
            id={`${baseId}-search`}
            role="combobox"
            aria-expanded={list.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={list.length > 0 ? optionId(active) : undefined}
            autoComplete="off"
            spellCheck={false}
            ref={searchRef}
            maxLength={kind === 'incident' && looksLikeNumber(typed) ? 40 : 200}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setCursor(0);
            }}
            onKeyDown={onKeyDown}
          />
        </div>
        <Button small onClick={close} title="Close the links (Esc)">
          Done linking
        </Button>
      </div>
      <p className="small muted link-picker-help" aria-live="polite">
        {error
          ? error.message
          : kind === 'person' && !typed
            ? 'Type to find a person on file.'
            : pending
              ? 'Looking…'
              : list.length === 0
                ? `No ${noun} match “${typed}”.`
                : `${typed ? `${list.length} ${noun} found` : `Recent ${noun}`}: ↑ ↓ choose, Enter links.`}
      </p>
      <ul
        id={listId}
        role="listbox"
        aria-label={`${noun[0]!.toUpperCase()}${noun.slice(1)} to link`}
        className="link-picker-list"
      >
        {list.map((c, i) => {
          const already = linked.has(`${c.link.kind}:${c.link.id}`);
          return (
            <li
              key={c.link.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              aria-disabled={already || full || undefined}
              className={`link-option${i === active ? ' is-active' : ''}${already ? ' is-linked' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                setCursor(i);
                add(c);
              }}
            >
              <strong>{c.main}</strong> <span className="muted">{c.facts}</span>
              {already && <span className="badge">Linked</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
