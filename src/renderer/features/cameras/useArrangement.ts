import { useCallback, useState } from 'react';
import { readStored, writeStored } from '../../lib/storage';
import type { Layout, WallView } from '../../../shared/contract';

/** Typed against the contract's LAYOUTS, not imported from it as a value (that would bundle zod). */
export const LAYOUT_CHOICES: readonly { layout: Layout; label: string; columns: number }[] = [
  { layout: 1, label: '1 camera', columns: 1 },
  { layout: 4, label: '2 × 2', columns: 2 },
  { layout: 9, label: '3 × 3', columns: 3 },
  { layout: 16, label: '4 × 4', columns: 4 },
];

const isLayout = (n: unknown): n is Layout => LAYOUT_CHOICES.some((c) => c.layout === n);

/**
 * What the wall shows: a layout and, once someone has placed a camera, which
 * camera sits in which slot. `slots: null` is the automatic wall (the branch's
 * cameras in order); `viewId` names the saved view it started from.
 */
export interface Arrangement {
  viewId: string | null;
  layout: Layout;
  slots: (string | null)[] | null;
}

const AUTOMATIC: Arrangement = { viewId: null, layout: 4, slots: null };

function fit(slots: readonly (string | null)[], layout: Layout): (string | null)[] {
  return Array.from({ length: layout }, (_, i) => slots[i] ?? null);
}

function parseStored(raw: string | null): Arrangement {
  try {
    const value = JSON.parse(raw ?? 'null') as Partial<Arrangement> | null;
    if (!value || !isLayout(value.layout)) return AUTOMATIC;
    const slots = Array.isArray(value.slots)
      ? fit(
          value.slots.map((s) => (typeof s === 'string' ? s : null)),
          value.layout,
        )
      : null;
    return { viewId: typeof value.viewId === 'string' ? value.viewId : null, layout: value.layout, slots };
  } catch {
    return AUTOMATIC;
  }
}

export interface ArrangementControls {
  arrangement: Arrangement;
  setLayout: (layout: Layout) => void;
  /** Puts a camera in a slot; if it already sits in another slot, the two swap. */
  place: (slot: number, cameraId: string, current: readonly (string | null)[]) => void;
  showView: (view: WallView) => void;
  showAutomatic: () => void;
  forgetView: () => void;
}

/** The working arrangement of one person's wall, remembered on this machine between sign-ins. */
export function useArrangement(staffId: string): ArrangementControls {
  const key = `vigil.wall.${staffId}`;
  const [arrangement, setArrangement] = useState<Arrangement>(() => parseStored(readStored(key)));

  const update = useCallback(
    (change: (a: Arrangement) => Arrangement) =>
      setArrangement((a) => {
        const next = change(a);
        writeStored(key, JSON.stringify(next));
        return next;
      }),
    [key],
  );

  return {
    arrangement,
    setLayout: (layout) => update((a) => ({ ...a, layout, slots: a.slots && fit(a.slots, layout) })),
    place: (slot, cameraId, current) =>
      update((a) => {
        const slots = fit(current, a.layout);
        const from = slots.indexOf(cameraId);
        if (from >= 0) slots[from] = slots[slot] ?? null;
        slots[slot] = cameraId;
        return { ...a, slots };
      }),
    showView: (view) => update(() => ({ viewId: view.id, layout: view.layout, slots: fit(view.slots, view.layout) })),
    showAutomatic: () => update((a) => ({ ...AUTOMATIC, layout: a.layout })),
    forgetView: () => update((a) => ({ ...a, viewId: null })),
  };
}
