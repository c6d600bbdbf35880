import type { Highlighted as Pieces } from '../../../shared/contract';

/** Text with its search matches marked. Pieces are plain text: nothing here is parsed as HTML. */
export function Highlighted({ pieces }: { pieces: Pieces }) {
  return <>{pieces.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}
