import { useImperativeHandle, useRef } from 'react';
import type { KeyboardEvent, Ref } from 'react';
import { useMainNow } from '../../lib/mainClock';
import type { Branch, CallListItem } from '../../../shared/contract';
import { AGENCY_WORDS, NATURE_WORDS, STATUS_WORDS } from '../../../shared/call-words';
import { clockAt, timer } from './time';

export interface OpenCallsHandle {
  focus: () => void;
}

interface OpenCallsListProps {
  ref?: Ref<OpenCallsHandle>;
  calls: readonly CallListItem[];
  branches: readonly Branch[];
  selectedId: string | null;
  /** Minutes after which an urgent call with nobody responding is flagged. */
  urgentAfterMinutes: number;
  onSelect: (id: string) => void;
  /** Enter: go to the selected call's detail. */
  onEnter: () => void;
}

/** Urgent calls nobody has answered first, then the rest as they came in. */
export function openCallOrder(calls: readonly CallListItem[]): CallListItem[] {
  const waiting = (c: CallListItem) => (c.priority === 'urgent' && c.status === 'received' ? 0 : 1);
  return [...calls].sort((a, b) => waiting(a) - waiting(b) || a.receivedAt.localeCompare(b.receivedAt));
}

/**
 * The open calls, one line each, their time open ticking. One tab stop: Up/Down move
 * (and bring the call's zone camera up), Enter opens the call below; R, O and C step it.
 */
export function OpenCallsList(props: OpenCallsListProps) {
  const { ref, calls, branches, selectedId, urgentAfterMinutes, onSelect, onEnter } = props;
  const now = useMainNow(1_000);
  const listRef = useRef<HTMLUListElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => listRef.current?.focus() }), []);
  const branchOf = new Map(branches.map((b) => [b.id, b]));
  const index = calls.findIndex((c) => c.id === selectedId);

  function onKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: calls.length - 1,
    };
    if (e.key in moves && calls.length > 0) {
      e.preventDefault();
      const next = calls[Math.max(0, Math.min(calls.length - 1, moves[e.key]!))]!;
      onSelect(next.id);
    } else if (e.key === 'Enter' && selectedId) {
      e.preventDefault();
      onEnter();
    }
  }

  const rowId = (id: string) => `open-call-${id}`;
  return (
    <ul
      ref={listRef}
      className="open-calls"
      role="listbox"
      aria-label="Open calls"
      tabIndex={0}
      aria-activedescendant={selectedId && index >= 0 ? rowId(selectedId) : undefined}
      onKeyDown={onKeyDown}
    >
      {calls.map((c) => {
        const b = branchOf.get(c.branchId);
        const openMs = now.getTime() - Date.parse(c.receivedAt);
        const unanswered = c.priority === 'urgent' && c.status === 'received';
        const late = unanswered && openMs >= urgentAfterMinutes * 60_000;
        return (
          <li
            key={c.id}
            id={rowId(c.id)}
            role="option"
            aria-selected={c.id === selectedId}
            className={`open-call status-${c.status}${c.priority === 'urgent' ? ' is-urgent' : ''}${late ? ' is-late' : ''}`}
            onClick={() => onSelect(c.id)}
          >
            <span className="call-status">
              <strong className="status-word">{late ? 'NOBODY RESPONDING' : STATUS_WORDS[c.status]}</strong>
              {c.priority !== 'normal' && (
                <span className={`badge priority-${c.priority}`}>{c.priority === 'urgent' ? 'Urgent' : 'Low'}</span>
              )}
            </span>
            <span className="call-what">
              {NATURE_WORDS[c.nature]}
              {c.zoneName ? ` · ${c.zoneName}` : ''}
              {b ? <span className="call-branch"> {b.code}</span> : null}
            </span>
            <span className="call-line">
              {c.detail || <span className="muted">No detail</span>}
              <span className="muted"> — {c.caller.name}</span>
              {c.responders.length > 0 && <span> · {c.responders.map((r) => r.name).join(', ')}</span>}
              {c.agencies.length > 0 && (
                <span className="call-agencies">
                  {' '}
                  · {[...new Set(c.agencies)].map((a) => AGENCY_WORDS[a]).join(', ')} called
                </span>
              )}
            </span>
            <span className="call-time">
              <time dateTime={c.receivedAt}>{clockAt(c.receivedAt, b?.timeZone)}</time>
              <span className="call-elapsed" aria-label={`open ${Math.floor(openMs / 60_000)} minutes`}>
                {timer(openMs)}
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
