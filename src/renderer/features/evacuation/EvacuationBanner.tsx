import { useMainNow } from '../../lib/mainClock';
import { formatClock } from '../../lib/time';
import { Button } from '../../components/Button';
import type { RunningEvacuation } from '../../../shared/contract';
import { EVACUATION_WORDS } from '../../../shared/call-words';
import { timer } from '../calls/time';
import './evacuation.css';

interface EvacuationBannerProps {
  running: readonly RunningEvacuation[];
  /** On the desk: bring the coordinator's screen back. Elsewhere (sign-in, lock) there is nothing to open. */
  onOpen?: (id: string) => void;
  /** The evacuation whose coordinator's screen is showing now. */
  shownId?: string | null;
}

/**
 * The emergency across the whole desk, as long as an evacuation runs: the word
 * EVACUATION (or DRILL), the branch, what it is, since when and for how long. Shown
 * on the sign-in and lock screens too, so it is on screen at once after a restart.
 */
export function EvacuationBanner({ running, onOpen, shownId }: EvacuationBannerProps) {
  const now = useMainNow(1_000);
  if (running.length === 0) return null;
  return (
    <div className="evac-banners">
      {running.map((e) => {
        const word = e.drill ? 'DRILL' : 'EVACUATION';
        return (
          <section key={e.id} className={`evac-banner${e.drill ? ' is-drill' : ''}`} aria-label={`${word} running`}>
            <strong className="evac-word">{word}</strong>
            <span className="evac-where">
              {e.branchName}: {EVACUATION_WORDS[e.kind]}
            </span>
            <span className="evac-since">
              started {formatClock(new Date(e.startedAt), e.timeZone)}
              <span className="evac-timer" aria-hidden="true">
                {timer(now.getTime() - Date.parse(e.startedAt))}
              </span>
            </span>
            {onOpen && shownId !== e.id && (
              <Button variant="primary" className="evac-open" onClick={() => onOpen(e.id)}>
                Coordinator screen<span className="visually-hidden"> for {e.branchName}</span>
              </Button>
            )}
          </section>
        );
      })}
      <p role="alert" className="visually-hidden">
        {running.map((e) => `${e.drill ? 'Drill' : 'Evacuation'} running at ${e.branchName}.`).join(' ')}
      </p>
    </div>
  );
}
