import type { Db } from '../db/connection';
import type { FigureSource, Measure } from './figures';

/** SQL of the response-time figures: counts kept by the database, and ranks read from the calls' indexes only. */
export class CallFiguresRepo {
  constructor(private readonly db: Db) {}

  /**
   * The figures' reads for months `from`..`to` (branch zone months, inclusive): counts per
   * branch and month from call_month_counts (kept by triggers), and a value at a rank found
   * by OFFSET along an index already in order, so no call row is read and nothing is sorted.
   */
  figureSource(from: string, to: string): FigureSource {
    const q = (this.figureQueries ??= this.prepareFigureQueries());
    return {
      counts: (branchId) => {
        const rows = (branchId ? q.branchCounts.all(from, to, branchId) : q.counts.all(from, to)) as [
          string,
          string,
          number,
          number,
          number,
          number,
        ][];
        return rows.map(([b, m, calls, dispatch, arrive, clear]) => ({
          branchId: b,
          month: m,
          calls,
          dispatch,
          arrive,
          clear,
        }));
      },
      valuesAt: (measure, branchId, month, offset, n) => {
        const read = (order: 'asc' | 'desc', skip: number) =>
          (month === null
            ? q[measure].range[order].all(branchId, from, to, skip)
            : q[measure].month[order].all(branchId, month, skip)) as number[];
        if (offset <= n / 2) return read('asc', offset);
        // Past the middle, from the largest down: the 90th percentile steps over a tenth, not nine.
        const [high, low] = read('desc', Math.max(0, n - 2 - offset));
        return offset === n - 1 ? [high!] : [low!, high!];
      },
    };
  }

  private figureQueries: ReturnType<CallFiguresRepo['prepareFigureQueries']> | undefined;

  /** One set of statements per measure; the column and index names come from this fixed list, never from input. */
  private prepareFigureQueries() {
    const columns = { dispatch: 'dispatch_s', arrive: 'arrive_s', clear: 'clear_s' } as const;
    const perMeasure = (m: Measure) => {
      const column = columns[m];
      const byMonth = `calls_${m}_by_month`;
      const byValue = `calls_${m}_by_value`;
      const byMonthSql = `SELECT ${column} FROM calls INDEXED BY ${byMonth}
        WHERE branch_id = ? AND month = ? AND ${column} IS NOT NULL`;
      const byValueSql = `SELECT ${column} FROM calls INDEXED BY ${byValue}
        WHERE branch_id = ? AND ${column} IS NOT NULL AND month BETWEEN ? AND ?`;
      return {
        month: {
          asc: this.db.prepare(`${byMonthSql} ORDER BY ${column} LIMIT 2 OFFSET ?`).pluck(),
          desc: this.db.prepare(`${byMonthSql} ORDER BY ${column} DESC LIMIT 2 OFFSET ?`).pluck(),
        },
        range: {
          asc: this.db.prepare(`${byValueSql} ORDER BY ${column} LIMIT 2 OFFSET ?`).pluck(),
          desc: this.db.prepare(`${byValueSql} ORDER BY ${column} DESC LIMIT 2 OFFSET ?`).pluck(),
        },
      };
    };
    const counts = `SELECT branch_id, month, calls, dispatch, arrive, clear FROM call_month_counts
      WHERE calls > 0 AND month BETWEEN ? AND ?`;
    return {
      counts: this.db.prepare(counts).raw(true),
      branchCounts: this.db.prepare(`${counts} AND branch_id = ?`).raw(true),
      dispatch: perMeasure('dispatch'),
      arrive: perMeasure('arrive'),
      clear: perMeasure('clear'),
    };
  }
}
