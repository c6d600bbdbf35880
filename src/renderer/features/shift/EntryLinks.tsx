import { Button } from '../../components/Button';
import type { EntryLink, LinkKind } from '../../../shared/contract';
import { useDeskActions } from '../desk/deskActions';

export const LINK_KIND_WORDS: Record<LinkKind, string> = { incident: 'Report', call: 'Call', person: 'Person' };

/** "Report MAIN-2026-0042", "Person Jordan Example": what a link is, then what it names. */
export const linkWords = (l: EntryLink) =>
  l.kind === 'call' ? l.label : `${LINK_KIND_WORDS[l.kind]} ${l.label || '(not named)'}`;

/**
 * What an entry is linked to, each a button that opens the record where it lives: a
 * report in Incidents, a call in Calls, a person beside the ban list (an audited read
 * there, as from anywhere else).
 */
export function EntryLinks({ links, onRemove }: { links: readonly EntryLink[]; onRemove?: (l: EntryLink) => void }) {
  const actions = useDeskActions();
  if (links.length === 0) return null;
  const open = (l: EntryLink) =>
    l.kind === 'person'
      ? actions.openPerson(l.id)
      : actions.openWork(l.kind === 'incident' ? 'incidents' : 'calls', l.id);
  return (
    <ul className="shift-links" aria-label="Linked to">
      {links.map((l) => (
        <li key={`${l.kind}:${l.id}`} className={`shift-link link-${l.kind}`}>
          <button type="button" className="shift-link-open" onClick={() => open(l)} title={`Open ${linkWords(l)}`}>
            <span className="shift-link-kind">{LINK_KIND_WORDS[l.kind]}</span>{' '}
            <span className="shift-link-label">
              {l.kind === 'call' ? l.label.replace(/^Call of /, '') : l.label || '(not named)'}
            </span>
          </button>
          {onRemove && (
            <Button small variant="quiet" aria-label={`Remove link: ${linkWords(l)}`} onClick={() => onRemove(l)}>
              ✕
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
