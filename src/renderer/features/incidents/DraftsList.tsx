import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/Notice';
import { Unseen } from '../../components/Unseen';
import type { Query } from '../../lib/useQuery';
import { formatAgo, formatClock } from '../../lib/time';
import type { OutputOf } from '../../../shared/contract';

interface DraftsListProps {
  drafts: Query<OutputOf<'incidents.listDrafts'>>;
  onOpen: (id: string) => void;
}

/** My unfinished reports, most recently saved first: each opens exactly where it was left. */
export function DraftsList({ drafts, onOpen }: DraftsListProps) {
  const list = drafts.value ?? [];
  return (
    <section aria-labelledby="drafts-title">
      <h3 id="drafts-title" className="pane-title">
        My drafts
      </h3>
      <ErrorNotice error={drafts.error} />
      {!drafts.loading && list.length === 0 && (
        <EmptyState title="No drafts">
          <p>A report you start and do not submit waits here, saved as you typed it.</p>
        </EmptyState>
      )}
      <ul className="drafts-list">
        {list.map((d) => {
          const title = d.summary.trim() || 'Untitled report';
          const saved = new Date(d.updatedAt);
          return (
            <li key={d.id} className="draft-item">
              <span className="draft-title">{title}</span>
              <span className="muted">
                Saved {formatClock(saved)}, {formatAgo(saved)}
              </span>
              <Button small onClick={() => onOpen(d.id)}>
                Open<Unseen> draft {title}</Unseen>
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
