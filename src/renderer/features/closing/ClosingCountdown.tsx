import { useMainNow } from '../../lib/mainClock';
import { formatClock } from '../../lib/time';
import { sessionAt } from '../../../shared/opening-hours';
import type { BranchFilter } from '../desk/useBranchFilter';
import { countdownWords, durationWords } from '../duties/words';

/** The last quarter hour is counted in minutes and seconds, and marked. */
const SOON_MS = 15 * 60_000;

/**
 * For each open branch in the header's filter: when it closes and how long is left,
 * so the desk sees the closing coming without opening anything.
 */
export function ClosingCountdown({ filter }: { filter: BranchFilter }) {
  const now = useMainNow();
  const branches = filter.selected ? [filter.selected] : filter.branches;
  const open = branches.flatMap((b) => {
    const session = sessionAt(b.hours, b.timeZone, now.getTime());
    return session ? [{ branch: b, closesAt: session.closesAt }] : [];
  });
  if (open.length === 0) return null;
  return (
    <ul className="countdowns" aria-label="Closing times of open branches">
      {open.map(({ branch, closesAt }) => {
        const left = closesAt - now.getTime();
        const soon = left <= SOON_MS;
        const closes = formatClock(new Date(closesAt), branch.timeZone);
        return (
          <li
            key={branch.id}
            className={`countdown${soon ? ' is-soon' : ''}`}
            title={`${branch.name} closes at ${closes}`}
          >
            <span className="countdown-code">{branch.code}</span>
            <span className="countdown-words">
              {soon ? 'closes in ' : `closes ${closes} · `}
              <strong>{soon ? countdownWords(left) : durationWords(left)}</strong>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
