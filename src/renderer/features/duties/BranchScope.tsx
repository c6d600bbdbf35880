import type { Branch } from '../../../shared/contract';
import { useMainNow } from '../../lib/mainClock';
import { hoursWords } from './words';

interface BranchScopeProps {
  /** The branches to choose from (active ones, in the header's order). */
  branches: readonly Branch[];
  selected: string | undefined;
  onSelect: (branchId: string) => void;
  /** What each branch's button says after its name and hours ("Checklist in progress"), if anything. */
  statusOf?: (branch: Branch) => { word: string; tone: 'ok' | 'warn' | 'danger' | 'muted' } | null;
  label: string;
}

/**
 * Which branch a duty panel is working on, when the header shows all branches: one
 * button per branch with its hours now and its state, a pressed one for the chosen.
 */
export function BranchScope({ branches, selected, onSelect, statusOf, label }: BranchScopeProps) {
  const now = useMainNow(30_000);
  return (
    <div className="branch-scope" role="group" aria-label={label}>
      {branches.map((b) => {
        const status = statusOf?.(b) ?? null;
        return (
          <button
            key={b.id}
            type="button"
            className="scope-button"
            aria-pressed={b.id === selected}
            onClick={() => onSelect(b.id)}
          >
            <span className="scope-name">{b.name}</span>
            <span className="scope-hours">{hoursWords(b, now)}</span>
            {status && <span className={`scope-status tone-${status.tone}`}>{status.word}</span>}
          </button>
        );
      })}
    </div>
  );
}
