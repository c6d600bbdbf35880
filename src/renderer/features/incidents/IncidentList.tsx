import { useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { KeyboardEvent, Ref } from 'react';
import { Button } from '../../components/Button';
import type { IncidentListItem } from '../../../shared/contract';
import { Highlighted } from './Highlighted';
import { formatWhen } from './localTime';
import { STATUS_WORD } from './words';

/** Rows are a fixed height so the window of rows on screen is plain arithmetic. */
const ROW = 62;
/** With a text search a row also shows the passage that matched. */
const ROW_WITH_MATCH = 86;
/** Rows drawn above and below the visible ones, so fast scrolling shows no gap. */
const OVERSCAN = 6;

/** What the panel beside the list may do with it. */
export interface IncidentListHandle {
  /** Puts the cursor in the list (its one tab stop). */
  focus: () => void;
  /** False while the list is not on screen (a narrow panel shows the open report in its place). */
  isShown: () => boolean;
}

interface IncidentListProps {
  ref?: Ref<IncidentListHandle>;
  items: readonly IncidentListItem[];
  searching: boolean;
  hasMore: boolean;
  loading: boolean;
  openId: string | undefined;
  timeZoneOf: (branchId: string) => string | undefined;
  onOpen: (id: string) => void;
  onLoadMore: () => void;
}

/**
 * The reports found, one row each, only the rows in view drawn. One tab stop:
 * Up/Down/Home/End move, Enter opens; nearing the end loads the next page.
 */
export function IncidentList(props: IncidentListProps) {
  const { ref, items, searching, hasMore, loading, openId, timeZoneOf, onOpen, onLoadMore } = props;
  const rowHeight = searching ? ROW_WITH_MATCH : ROW;
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, items.length - 1));

  useImperativeHandle(
    ref,
    () => ({
      focus: () => viewport.current?.focus(),
      isShown: () => viewport.current?.checkVisibility() ?? false,
    }),
    [],
  );

  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const nearEnd = scrollTop + height >= items.length * rowHeight - 3 * rowHeight;
  useEffect(() => {
    if (nearEnd && hasMore && !loading) onLoadMore();
  }, [nearEnd, hasMore, loading, onLoadMore]);

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(items.length - 1, index));
    setActive(next);
    const el = viewport.current;
    if (!el) return;
    // Keep the active row in view, so it is drawn and aria-activedescendant points at something.
    const top = next * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: items.length - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      moveTo(moves[e.key]!);
    } else if (e.key === 'Enter' && items[current]) {
      e.preventDefault();
      onOpen(items[current].id);
    }
  }

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const rowId = (i: number) => `incident-row-${i}`;

  return (
    <div className="incident-list">
      <div
        ref={viewport}
        className="incident-viewport"
        role="listbox"
        aria-label="Reports"
        tabIndex={0}
        aria-activedescendant={items.length > 0 ? rowId(current) : undefined}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: items.length * rowHeight, position: 'relative' }}>
          {items.slice(first, last).map((item, offset) => {
            const i = first + offset;
            return (
              <div
                key={item.id}
                id={rowId(i)}
                role="option"
                aria-selected={item.id === openId}
                aria-posinset={i + 1}
                aria-setsize={hasMore ? -1 : items.length}
                className={`incident-row${i === current ? ' is-active' : ''}${item.id === openId ? ' is-open' : ''}`}
                style={{ top: i * rowHeight, height: rowHeight }}
                onClick={() => {
                  setActive(i);
                  onOpen(item.id);
                }}
              >
                <IncidentRow item={item} timeZone={timeZoneOf(item.branchId)} />
              </div>
            );
          })}
        </div>
      </div>
      {hasMore && (
        <Button small variant="quiet" className="load-more" disabled={loading} onClick={onLoadMore}>
          {loading ? 'Loading…' : 'Load more reports'}
        </Button>
      )}
    </div>
  );
}

function IncidentRow({ item, timeZone }: { item: IncidentListItem; timeZone: string | undefined }) {
  return (
    <>
      <span className="row-facts">
        <strong className="row-number">{item.number}</strong>
        <time dateTime={item.occurredFrom}>{formatWhen(item.occurredFrom, timeZone)}</time>
        <span className="row-branch">
          {item.branchCode}
          {item.zoneName && ` · ${item.zoneName}`}
        </span>
        <span className={`status-word status-${item.status}`}>{STATUS_WORD[item.status]}</span>
      </span>
      <span className="row-summary">{item.match ? <Highlighted pieces={item.match.summary} /> : item.summary}</span>
      {item.match && item.match.snippet.length > 0 && (
        <span className="row-snippet">
          <Highlighted pieces={item.match.snippet} />
        </span>
      )}
    </>
  );
}
