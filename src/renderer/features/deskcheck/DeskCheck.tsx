import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/Notice';
import { Unseen } from '../../components/Unseen';
import type { DeskCheckResult, IncidentListItem, Resource, StaffSummary } from '../../../shared/contract';
import { useQuery } from '../../lib/useQuery';
import { useDeskActions } from '../desk/deskActions';
import type { BranchFilter } from '../desk/useBranchFilter';
import { Highlighted } from '../incidents/Highlighted';
import { formatWhen } from '../incidents/localTime';
import { STATUS_WORD } from '../incidents/words';
import { CheckPerson } from './CheckPerson';
import { CheckResources } from './CheckResources';
import { useDeskCheck } from './useDeskCheck';
import './deskcheck.css';

/** What Tab reaches inside an element, in order. */
function tabbables(root: HTMLElement | null): HTMLElement[] {
  if (!root) return [];
  return [...root.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]')].filter(
    (el) => el.tabIndex >= 0 && !el.hasAttribute('disabled') && el.checkVisibility(),
  );
}

type Item =
  | { kind: 'person'; result: DeskCheckResult }
  | { kind: 'newPerson' }
  | { kind: 'report'; report: IncidentListItem }
  | { kind: 'allReports' }
  | { kind: 'resource'; resource: Resource };

/** Community services shown under the reports. */
const RESOURCE_LIMIT = 4;

interface DeskCheckProps {
  staff: StaffSummary;
  filter: BranchFilter;
  /** The results show in the work area's place (the host) while open. */
  open: boolean;
  /** Changes when / or Ctrl+K asks for the box. */
  focusRequest: number;
  host: HTMLElement | null;
  onOpen: () => void;
  onClose: () => void;
}

/**
 * The desk check: one box in the header over persons, bans and reports. As the
 * desk types it answers "is this person banned?" first (photo, name, the answer in
 * words and colour, where and until when), then the matching reports. Arrows move,
 * Enter opens, Esc closes; the answer sits where the work panel was, the cameras stay.
 */
export function DeskCheck({ staff, filter, open, focusRequest, host, onOpen, onClose }: DeskCheckProps) {
  const actions = useDeskActions();
  const [text, setText] = useState('');
  // The result chosen with the arrows, by what it is, for the text typed then: an answer for a
  // longer text arriving after the move keeps the same result chosen wherever it now sits.
  const [cursor, setCursor] = useState<{ typed: string; key: string; index: number }>({ typed: '', key: '', index: 0 });
  const [enterPending, setEnterPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const sheetRef = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const baseId = useId();
  const { answer, settled } = useDeskCheck(open ? text : '');
  // Closed from elsewhere (a result opened, Settings, another panel): the next check starts empty.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (!open) setText('');
  }

  const typed = text.trim();
  const resourcesFound = useQuery(
    'resources.search',
    { text: answer.text, limit: RESOURCE_LIMIT },
    { enabled: answer.text.trim() !== '' },
  );
  const resources = answer.text && resourcesFound.value ? resourcesFound.value : [];
  const items: Item[] =
    answer.text && typed
      ? [
          ...answer.persons.map((result): Item => ({ kind: 'person', result })),
          { kind: 'newPerson' },
          ...answer.reports.map((report): Item => ({ kind: 'report', report })),
          { kind: 'allReports' },
          ...resources.map((resource): Item => ({ kind: 'resource', resource })),
        ]
      : [];
  const keyOf = (item: Item | undefined) =>
    !item
      ? ''
      : item.kind === 'person'
        ? `p:${item.result.person.id}`
        : item.kind === 'report'
          ? `r:${item.report.id}`
          : item.kind === 'resource'
            ? `s:${item.resource.id}`
            : item.kind;
  const chosen = cursor.typed === typed ? items.findIndex((item) => keyOf(item) === cursor.key) : -1;
  const current =
    chosen >= 0 ? chosen : cursor.typed === typed ? Math.min(cursor.index, Math.max(0, items.length - 1)) : 0;
  const itemId = (i: number) => `${baseId}-item-${i}`;

  useEffect(() => {
    if (!focusRequest) return;
    const input = inputRef.current;
    if (!input) return;
    const active = document.activeElement;
    if (active !== input && active instanceof HTMLElement && !sheetRef.current?.contains(active)) {
      opener.current = active;
    }
    input.focus();
    input.select();
  }, [focusRequest]);

  function close(restoreFocus: boolean) {
    setText('');
    setEnterPending(false);
    onClose();
    const back = opener.current;
    opener.current = null;
    if (restoreFocus) {
      if (back?.isConnected) back.focus();
      else inputRef.current?.blur();
    }
  }

  function act(item: Item | undefined) {
    if (!item) return;
    setText('');
    opener.current = null;
    if (item.kind === 'person') actions.openPerson(item.result.person.id);
    else if (item.kind === 'newPerson') actions.newPerson(typed);
    else if (item.kind === 'report') actions.openWork('incidents', item.report.id);
    else if (item.kind === 'resource') actions.openWork('shift', item.resource.id);
    else actions.searchReports(typed);
  }

  // Enter pressed before the answer for the text caught up: act once it has (never on an older answer).
  useEffect(() => {
    if (!enterPending || !settled) return;
    void Promise.resolve().then(() => {
      setEnterPending(false);
      act(items[current]);
    });
  });

  function moveTo(index: number) {
    if (items.length === 0) return;
    const next = Math.max(0, Math.min(items.length - 1, index));
    setCursor({ typed, key: keyOf(items[next]), index: next });
    document.getElementById(itemId(next))?.scrollIntoView({ block: 'nearest' });
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) onOpen();
      moveTo(current + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      e.preventDefault();
      moveTo(e.key === 'PageDown' ? items.length - 1 : 0);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!typed) return;
      if (!open) onOpen();
      if (settled) act(items[current]);
      else setEnterPending(true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'Tab' && !e.shiftKey && open && typed) {
      // The answer sits in the work area, far from the header in the page's order: Tab goes to it,
      // to the current result's buttons first.
      const item = document.getElementById(itemId(current));
      const target = tabbables(item)[0] ?? (item?.tabIndex === 0 ? item : tabbables(sheetRef.current)[0]);
      if (target) {
        e.preventDefault();
        target.focus();
      }
    }
  }

  const sheetId = `${baseId}-sheet`;
  const personCount = answer.persons.length;
  const reportStart = personCount + 1;
  const resourceStart = reportStart + answer.reports.length + 1;

  const sheet = (
    <div
      ref={sheetRef}
      id={sheetId}
      className="desk-check"
      onKeyDown={(e) => {
        if (e.defaultPrevented) return;
        if (e.key === 'Escape') {
          e.preventDefault();
          close(true);
        } else if (
          e.key === 'Tab' &&
          e.shiftKey &&
          [tabbables(sheetRef.current)[0], tabbables(document.getElementById(itemId(current)))[0]].includes(
            e.target as HTMLElement,
          )
        ) {
          // Back from the first result's first button to the box it answers.
          e.preventDefault();
          inputRef.current?.focus();
        }
      }}
    >
      <div className="check-head">
        <div>
          <h2 className="check-title">Desk check</h2>
          <p className="muted check-lead">
            Is this person banned? Type a name, an alias or how they look: typos, missing accents and first and last
            swapped are forgiven. <kbd>↑</kbd> <kbd>↓</kbd> move, <kbd>Enter</kbd> opens, <kbd>Esc</kbd> closes.
          </p>
        </div>
        <Button onClick={() => close(true)} title="Back to the desk work (Esc)" aria-keyshortcuts="Escape">
          Close<Unseen> the desk check</Unseen>
        </Button>
      </div>
      <ErrorNotice error={answer.error} />
      {!typed && <p className="check-empty">Start typing in the box above: results show here as you type.</p>}
      {typed && !answer.text && <p className="muted">Checking…</p>}
      {typed && answer.text && (
        <>
          <section className="check-section" aria-labelledby={`${baseId}-persons`} data-for={answer.text}>
            <h3 id={`${baseId}-persons`} className="check-section-title">
              Persons{' '}
              <span className="muted">
                {personCount === 0 ? `— nobody on file matches “${answer.text}”` : `(${personCount})`}
              </span>
              {!settled && <span className="muted check-busy"> · checking…</span>}
            </h3>
            {personCount > 0 && (
              <ul className="check-persons" aria-label="Persons found">
                {answer.persons.map((r, i) => (
                  <li key={r.person.id}>
                    <CheckPerson
                      id={itemId(i)}
                      result={r}
                      mediaBase={answer.mediaBase}
                      active={i === current}
                      staff={staff}
                      filter={filter}
                      onPick={() => setCursor({ typed, key: keyOf(items[i]), index: i })}
                      onOpen={() => act({ kind: 'person', result: r })}
                    />
                  </li>
                ))}
              </ul>
            )}
            <button
              type="button"
              id={itemId(personCount)}
              className={`check-more${current === personCount ? ' is-active' : ''}`}
              tabIndex={current === personCount ? 0 : -1}
              onClick={() => act({ kind: 'newPerson' })}
            >
              {personCount === 0 ? 'Add a new person' : 'Not one of these? Add a new person'}
              {`: “${answer.text}”`}
            </button>
          </section>
          <section className="check-section" aria-labelledby={`${baseId}-reports`}>
            <h3 id={`${baseId}-reports`} className="check-section-title">
              Reports{' '}
              <span className="muted">
                {answer.reportsPending
                  ? '· searching…'
                  : answer.reports.length === 0
                    ? `— none mention “${answer.text}”`
                    : `(${answer.reports.length}${answer.moreReports ? '+' : ''})`}
              </span>
            </h3>
            {answer.reports.length > 0 && (
              <div role="listbox" aria-label="Reports found" className="check-reports">
                {answer.reports.map((report, i) => {
                  const index = reportStart + i;
                  const tz = filter.branches.find((b) => b.id === report.branchId)?.timeZone;
                  return (
                    <div
                      key={report.id}
                      id={itemId(index)}
                      role="option"
                      aria-selected={index === current}
                      className={`check-report${index === current ? ' is-active' : ''}`}
                      onClick={() => act({ kind: 'report', report })}
                    >
                      <span className="row-facts">
                        <strong className="row-number">{report.number}</strong>
                        <time dateTime={report.occurredFrom}>{formatWhen(report.occurredFrom, tz)}</time>
                        <span className="row-branch">{report.branchCode}</span>
                        <span className={`status-word status-${report.status}`}>{STATUS_WORD[report.status]}</span>
                      </span>
                      <span className="row-summary">
                        {report.match ? <Highlighted pieces={report.match.summary} /> : report.summary}
                      </span>
                      {report.match && report.match.snippet.length > 0 && (
                        <span className="row-snippet">
                          <Highlighted pieces={report.match.snippet} />
                        </span>
                      )}
                    </div>
                  );
                })}
              </div>
            )}
            <button
              type="button"
              id={itemId(reportStart + answer.reports.length)}
              className={`check-more${current === reportStart + answer.reports.length ? ' is-active' : ''}`}
              tabIndex={current === reportStart + answer.reports.length ? 0 : -1}
              onClick={() => act({ kind: 'allReports' })}
            >
              Search all reports for “{answer.text}” in the Incidents tab
            </button>
          </section>
          <CheckResources
            list={resources}
            headingId={`${baseId}-resources`}
            itemId={(i) => itemId(resourceStart + i)}
            current={current - resourceStart}
            onRefer={(resource) => act({ kind: 'resource', resource })}
          />
        </>
      )}
    </div>
  );

  return (
    <div className="desk-search" role="search" aria-label="Desk check">
      <label htmlFor={`${baseId}-input`} className="visually-hidden">
        Check a person or search reports
      </label>
      <span className="desk-search-icon" aria-hidden="true">
        ⌕
      </span>
      <input
        id={`${baseId}-input`}
        ref={inputRef}
        type="search"
        className="desk-search-input"
        placeholder="Check a person"
        title="Check a person or search reports (/ or Ctrl+K)"
        aria-keyshortcuts="/ Control+K"
        aria-controls={sheetId}
        aria-autocomplete="list"
        aria-activedescendant={open && items.length > 0 ? itemId(current) : undefined}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (!open) onOpen();
        }}
        onClick={() => {
          if (!open) onOpen();
        }}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          // An empty box closes when the cursor leaves it for somewhere other than the results.
          const to = e.relatedTarget;
          if (!text.trim() && open && !(to instanceof Node && sheetRef.current?.contains(to))) close(false);
        }}
      />
      {host && createPortal(sheet, host)}
    </div>
  );
}
