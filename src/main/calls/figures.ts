import type { FigureRow, ResponseFigures, Spread } from '../../shared/contract/calls';

/** The three response times: received → responding, → on scene, → cleared. */
export const MEASURES = ['dispatch', 'arrive', 'clear'] as const;
export type Measure = (typeof MEASURES)[number];

/** How many calls a branch had in a month, and how many reached each step. */
export interface MonthCount {
  branchId: string;
  month: string;
  calls: number;
  dispatch: number;
  arrive: number;
  clear: number;
}

/** Where the figures read, for one range of months: counts, and the values at a rank of a measure in ascending order. */
export interface FigureSource {
  counts(branchId?: string): MonthCount[];
  /**
   * The values at ranks `offset` and `offset + 1` (0-based, ascending) of a branch's measure,
   * in one month, or over the source's whole range when `month` is null; `n` is how many
   * there are (a rank past the middle is reached faster from the top).
   */
  valuesAt(measure: Measure, branchId: string, month: string | null, offset: number, n: number): number[];
}

/**
 * Median and 90th percentile of `n` ordered values, each the value at its rank by
 * linear interpolation between the two closest ranks (what spreadsheets call
 * PERCENTILE.INC: the median of 2, 4, 6, 8 is 5), rounded to whole seconds.
 * `pick(offset)` gives the values at ranks offset and offset + 1.
 */
export function spreadOf(n: number, pick: (offset: number) => number[]): Spread | null {
  if (n === 0) return null;
  const at = (p: number) => {
    const rank = (p / 100) * (n - 1);
    const low = Math.floor(rank);
    const [a = 0, b = a] = pick(low);
    return a + (b - a) * (rank - low);
  };
  return { n, median: Math.round(at(50)), p90: Math.round(at(90)) };
}

/**
 * Per branch and month, and per branch over the whole range: how many calls, and the
 * median and 90th percentile of time to dispatch, to arrive and to clear. Branches come
 * in the order given (the desk's order); months oldest first.
 */
export function buildFigures(
  source: FigureSource,
  range: { from: string; to: string; branchId?: string | undefined },
  branchOrder: readonly string[],
): ResponseFigures {
  const counts = source.counts(range.branchId);
  const byBranch = new Map<string, MonthCount[]>();
  for (const c of counts) byBranch.set(c.branchId, [...(byBranch.get(c.branchId) ?? []), c]);
  const order = [...branchOrder, ...[...byBranch.keys()].filter((id) => !branchOrder.includes(id))];
  const row = (branchId: string, month: string | null, c: Omit<MonthCount, 'branchId' | 'month'>): FigureRow => {
    const spread = (m: Measure) => spreadOf(c[m], (offset) => source.valuesAt(m, branchId, month, offset, c[m]));
    return { calls: c.calls, dispatch: spread('dispatch'), arrive: spread('arrive'), clear: spread('clear') };
  };
  return {
    from: range.from,
    to: range.to,
    branches: order
      .filter((id) => byBranch.has(id))
      .map((branchId) => {
        const months = byBranch.get(branchId)!.sort((a, b) => a.month.localeCompare(b.month));
        const sum = (k: 'calls' | Measure) => months.reduce((n, m) => n + m[k], 0);
        return {
          branchId,
          months: months.map((m) => ({ month: m.month, ...row(branchId, m.month, m) })),
          total: row(branchId, null, {
            calls: sum('calls'),
            dispatch: sum('dispatch'),
            arrive: sum('arrive'),
            clear: sum('clear'),
          }),
        };
      }),
  };
}

/** The month `count` months before "2026-11" ("2025-12" for 11). */
export function monthsBefore(month: string, count: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
