import { useEffect, useState, useSyncExternalStore } from 'react';
import type { RefObject } from 'react';

function subscribeVisibility(onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

const documentVisible = () => document.visibilityState === 'visible';

/**
 * How long an element must stay out of the scrolled view before it counts as off
 * screen. A tile at the edge of the view moves in and out of it when the layout
 * above shifts by a line (replay's notices, a banner wrapping): without this, each
 * shift stopped the tile and the next restarted it (back to the live edge, "Connecting").
 */
export const OFF_SCREEN_AFTER_MS = 3_000;

/**
 * True while the element can be seen: the window is not minimized or behind
 * another tab, and the element is at least partly inside the scrolled view (or left
 * it less than OFF_SCREEN_AFTER_MS ago). Tiles that cannot be seen stop loading video.
 * `evenScrolledAway`: only a hidden window counts (the live strip under a replay).
 */
export function useOnScreen(
  ref: RefObject<HTMLElement | null>,
  { evenScrolledAway = false }: { evenScrolledAway?: boolean } = {},
): boolean {
  const visible = useSyncExternalStore(subscribeVisibility, documentVisible);
  const [intersecting, setIntersecting] = useState(true);
  // Leaving the strip for the wall, a tile is taken as seen until a fresh observer says
  // otherwise (and then only after the delay): the old answer was about the strip.
  const [even, setEven] = useState(evenScrolledAway);
  if (even !== evenScrolledAway) {
    setEven(evenScrolledAway);
    setIntersecting(true);
  }

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let leaving: ReturnType<typeof setTimeout> | undefined;
    const observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (!last) return;
      clearTimeout(leaving);
      if (last.isIntersecting) setIntersecting(true);
      else leaving = setTimeout(() => setIntersecting(false), OFF_SCREEN_AFTER_MS);
    });
    observer.observe(element);
    return () => {
      clearTimeout(leaving);
      observer.disconnect();
    };
    // A new observer when the strip comes or goes: its first answer is about the new place.
  }, [ref, evenScrolledAway]);

  return visible && (evenScrolledAway || intersecting);
}
