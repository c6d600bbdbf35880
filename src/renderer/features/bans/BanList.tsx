import { useImperativeHandle, useRef, useState } from 'react';
import type { KeyboardEvent, Ref } from 'react';
import type { BanSummary, Branch } from '../../../shared/contract';
import { useMainNow } from '../../lib/mainClock';
import { BanStatusWord } from './StatusWords';
import { dayWords } from './format';
import { banTimeZone, scopeCodes } from './words';

export interface BanListHandle {
  focus: () => void;
  isShown: () => boolean;
}

interface BanListProps {
  ref?: Ref<BanListHandle>;
  label: string;
  bans: readonly BanSummary[];
  branches: readonly Branch[];
  preferred: Branch | undefined;
  openId: string | undefined;
  onOpen: (id: string) => void;
}

/** "until Sat 12 Dec", "indefinite", "warning": the end as a row says it. */
export function endWords(b: BanSummary, timeZone: string | undefined, now: Date): string {
  if (b.step.kind === 'warning') return 'warning only';
  if (!b.endsAt) return b.status === 'lifted' ? 'lifted' : 'indefinite';
  const end = dayWords(b.endsAt, timeZone, now);
  if (b.status === 'awaitingReinstatement') return `ended ${end}, meeting first`;
  if (b.status === 'ended' || Date.parse(b.endsAt) <= now.getTime()) return `ended ${end}`;
  return `until ${end}`;
}

/**
 * Bans, one dense line each: number, person, status in words (its colour beside),
 * where, until when. One tab stop: Up/Down/Home/End move, Enter opens it beside.
 */
export function BanList({ ref, label, bans, branches, preferred, openId, onOpen }: BanListProps) {
  const now = useMainNow(60_000);
  const box = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, bans.length - 1));
  const rowId = (i: number) => `ban-row-${label.replace(/\W+/g, '-')}-${i}`;

  useImperativeHandle(
    ref,
    () => ({
      focus: () => box.current?.focus(),
      isShown: () => box.current?.checkVisibility() ?? false,
    }),
    [],
  );

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: bans.length - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      const next = Math.max(0, Math.min(bans.length - 1, moves[e.key]!));
      setActive(next);
      document.getElementById(rowId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter' && bans[current]) {
      e.preventDefault();
      onOpen(bans[current].id);
    }
  }

  return (
    <div
      ref={box}
      className="ban-list"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={bans.length > 0 ? rowId(current) : undefined}
      onKeyDown={onKeyDown}
    >
      {bans.map((b, i) => {
        const tz = banTimeZone(b, branches, preferred);
        return (
          <div
            key={b.id}
            id={rowId(i)}
            role="option"
            aria-selected={b.id === openId}
            className={`ban-row${i === current ? ' is-active' : ''}${b.id === openId ? ' is-open' : ''}`}
            onClick={() => {
              setActive(i);
              onOpen(b.id);
            }}
          >
            <span className="ban-row-main">
              <strong className="row-number">{b.number}</strong>
              <span className="ban-row-person">{b.personName}</span>
            </span>
            <span className="ban-row-state">
              <BanStatusWord ban={b} />
              <span className="ban-row-meta">
                {scopeCodes(b, branches)}, {endWords(b, tz, now)}
              </span>
            </span>
          </div>
        );
      })}
    </div>
  );
}
