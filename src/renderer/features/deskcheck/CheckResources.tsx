import { useQuery } from '../../lib/useQuery';
import type { Resource } from '../../../shared/contract';
import { RESOURCE_KIND_WORDS } from '../../../shared/shift-words';

/**
 * Community services whose name, kind, notes or languages hold the words typed ("shelter",
 * "food", "Spanish"): the number at once, and a button to refer the patron with a card.
 */
export function CheckResources({
  text,
  headingId,
  onRefer,
}: {
  text: string;
  headingId: string;
  onRefer: (r: Resource) => void;
}) {
  const found = useQuery('resources.search', { text, limit: 4 }, { enabled: text.trim() !== '' });
  const list = found.value ?? [];
  if (list.length === 0) return null;
  return (
    <section className="check-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="check-section-title">
        Community services <span className="muted">({list.length})</span>
      </h3>
      <ul className="check-resources">
        {list.map((r) => (
          <li key={r.id} className="check-resource">
            <span>
              <strong>{r.name}</strong> <span className="muted">· {RESOURCE_KIND_WORDS[r.kind]}</span>
              {r.phone && <strong className="check-resource-phone"> {r.phone}</strong>}
              {r.hours && <span className="muted small"> · {r.hours}</span>}
            </span>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => onRefer(r)}>
              Refer: {r.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
