import type { FigureRow, ResponseFigures, Spread } from '../../shared/contract/calls';

/** One call as the figures read it: branch, month received, and its three times in seconds. */
export type FigureInput = [
  branchId: string,
  month: string,
  dispatch: number | null,
  arrive: number | null,
  clear: number | null,
];

/**
 * The p-th percentile of sorted values by linear interpolation between closest ranks
 * (the method spreadsheets call PERCENTILE.INC): the median of 2, 4, 6, 8 is 5.
 */
export function percentileOf(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

/** Median and 90th percentile of a measure, rounded to whole seconds; null when no call has it. */
export function spread(values: number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return {
    n: sorted.length,
    median: Math.round(percentileOf(sorted, 50)),
    p90: Math.round(percentileOf(sorted, 90)),
  };
}

class Bucket {
  calls = 0;
  readonly dispatch: number[] = [];
  readonly arrive: number[] = [];
  readonly clear: number[] = [];

  add(d: number | null, a: number | null, c: number | null): void {
    this.calls++;
    if (d !== null) this.dispatch.push(d);
    if (a !== null) this.arrive.push(a);
    if (c !== null) this.clear.push(c);
  }

  row(): FigureRow {
    return {
      calls: this.calls,
      dispatch: spread(this.dispatch),
      arrive: spread(this.arrive),
      clear: spread(this.clear),
    };
  }
}

/**
 * Per branch and month, and per branch over the whole range: how many calls, and the
 * median and 90th percentile of time to dispatch, to arrive and to clear. Branches
 * come in the order given (the desk's branch order); months oldest first.
 */
export function computeFigures(
  rows: Iterable<FigureInput>,
  range: { from: string; to: string },
  branchOrder: readonly string[],
): ResponseFigures {
  const months = new Map<string, Map<string, Bucket>>();
  const totals = new Map<string, Bucket>();
  for (const [branchId, month, d, a, c] of rows) {
    let byMonth = months.get(branchId);
    if (!byMonth) months.set(branchId, (byMonth = new Map()));
    let bucket = byMonth.get(month);
    if (!bucket) byMonth.set(month, (bucket = new Bucket()));
    bucket.add(d, a, c);
    let total = totals.get(branchId);
    if (!total) totals.set(branchId, (total = new Bucket()));
    total.add(d, a, c);
  }
  const order = [...branchOrder, ...[...months.keys()].filter((id) => !branchOrder.includes(id))];
  return {
    ...range,
    branches: order
      .filter((id) => months.has(id))
      .map((branchId) => ({
        branchId,
        months: [...months.get(branchId)!]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([month, bucket]) => ({ month, ...bucket.row() })),
        total: totals.get(branchId)!.row(),
      })),
  };
}

/** The month `count` months before "2026-11" ("2025-12" for 11). */
export function monthsBefore(month: string, count: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
