import { useCallback, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';

/**
 * A list of rows with one tab stop (the current row): Up/Down/Home/End move, and
 * the screen moves the cursor on after an answer. Rows register their element by
 * index; `focusRow` puts the cursor there.
 */
export function useRowKeys(count: number) {
  const [current, setCurrent] = useState(0);
  const rows = useRef(new Map<number, HTMLElement>());
  const at = Math.min(current, Math.max(0, count - 1));

  const focusRow = useCallback((index: number) => {
    setCurrent(index);
    requestAnimationFrame(() => rows.current.get(index)?.focus());
  }, []);

  const register = useCallback(
    (index: number) => (el: HTMLElement | null) => {
      if (el) rows.current.set(index, el);
      else rows.current.delete(index);
    },
    [],
  );

  /** The moves every list shares; true when the key was one of them. */
  function move(e: KeyboardEvent, index: number): boolean {
    const to: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: count - 1,
    };
    if (!(e.key in to)) return false;
    e.preventDefault();
    focusRow(Math.max(0, Math.min(count - 1, to[e.key]!)));
    return true;
  }

  return { current: at, setCurrent, focusRow, register, move };
}
