import type { Resource } from '../../../shared/contract';
import { RESOURCE_KIND_WORDS } from '../../../shared/shift-words';

/**
 * Community services whose name, kind, notes or languages hold the words typed ("shelter",
 * "food", "Spanish"): the number at once, and a button to refer the patron with a card.
 * They are results like the others: ↑ ↓ reach them, Enter refers.
 */
export function CheckResources({
  list,
  headingId,
  itemId,
  current,
  onRefer,
}: {
  list: readonly Resource[];
  headingId: string;
  /** The element id of the desk check's result at this index. */
  itemId: (index: number) => string;
  /** The arrow keys' current result, as an index into `list` (-1: none of these). */
  current: number;
  onRefer: (r: Resource) => void;
}) {
  if (list.length === 0) return null;
  return (
    <section className="check-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="check-section-title">
        Community services <span className="muted">({list.length})</span>
      </h3>
      <ul className="check-resources" aria-label="Community services found">
        {list.map((r, i) => (
          <li key={r.id} id={itemId(i)} className={`check-resource${i === current ? ' is-active' : ''}`}>
            <span>
              <strong>{r.name}</strong> <span className="muted">· {RESOURCE_KIND_WORDS[r.kind]}</span>
              {r.phone && <strong className="check-resource-phone"> {r.phone}</strong>}
              {r.hours && <span className="muted small"> · {r.hours}</span>}
            </span>
            <button
              type="button"
              className="btn btn-secondary btn-small"
              tabIndex={i === current ? 0 : -1}
              onClick={() => onRefer(r)}
            >
              Refer: {r.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
