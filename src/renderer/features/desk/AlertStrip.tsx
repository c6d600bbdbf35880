import { Unseen } from '../../components/Unseen';
import { useMainNow } from '../../lib/mainClock';
import { formatAgo, formatClock } from '../../lib/time';
import type { Branch, DeskAlert } from '../../../shared/contract';

const LEVEL_WORD: Record<DeskAlert['level'], string> = { urgent: 'Urgent', warning: 'Soon', notice: 'Note' };
const MAX_SHOWN = 4;

interface AlertStripProps {
  alerts: readonly DeskAlert[];
  branches: readonly Branch[];
  onOpen: (alert: DeskAlert) => void;
}

/**
 * The desk's alerts in one strip under the header: the level and what is happening
 * in words, the branch, since when. The most urgent come first; G opens the first.
 */
export function AlertStrip({ alerts, branches, onOpen }: AlertStripProps) {
  const now = useMainNow(15_000);
  if (alerts.length === 0) return null;
  const codeOf = new Map(branches.map((b) => [b.id, b]));
  const shown = alerts.slice(0, MAX_SHOWN);
  return (
    <section className="alert-strip" aria-label={`Desk alerts: ${alerts.length}`}>
      <ul className="alert-list">
        {shown.map((a, i) => {
          const branch = a.branchId ? codeOf.get(a.branchId) : undefined;
          const since = new Date(a.since);
          return (
            <li key={a.id}>
              <button
                type="button"
                className={`alert alert-${a.level}`}
                onClick={() => onOpen(a)}
                title={`${a.detail ? `${a.detail}. ` : ''}Open the work${i === 0 ? ' (G)' : ''}`}
                aria-keyshortcuts={i === 0 ? 'G' : undefined}
              >
                <span className="alert-level">{LEVEL_WORD[a.level]}</span>
                <span className="alert-title">{a.title}</span>
                {branch && <span className="alert-branch">{branch.code}</span>}
                <span className="alert-since">
                  <Unseen>since </Unseen>
                  {formatClock(since, branch?.timeZone)}, {formatAgo(since, now)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {alerts.length > MAX_SHOWN && <span className="alert-more">+{alerts.length - MAX_SHOWN} more</span>}
    </section>
  );
}
