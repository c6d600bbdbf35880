import { useEffect, useState, useSyncExternalStore } from 'react';
import type { RefObject } from 'react';

function subscribeVisibility(onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

const documentVisible = () => document.visibilityState === 'visible';

/**
 * True while the element can be seen: the window is not minimized or behind
 * another tab, and the element is at least partly inside the scrolled view.
 * Tiles that cannot be seen stop loading video.
 */
export function useOnScreen(ref: RefObject<HTMLElement | null>): boolean {
  const visible = useSyncExternalStore(subscribeVisibility, documentVisible);
  const [intersecting, setIntersecting] = useState(true);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last) setIntersecting(last.isIntersecting);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);

  return visible && intersecting;
}
