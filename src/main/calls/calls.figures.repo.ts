import type { Db } from '../db/connection';
import type { FigureSource, Measure } from './figures';

/** SQL of the response-time figures: counts and ranks, read from the calls table's indexes only. */
export class CallFiguresRepo {
  constructor(private readonly db: Db) {}

  /**
   * The figures' reads for months `from`..`to` (branch zone months, inclusive), all from
   * indexes: counts per branch and month, and a value at a rank found by OFFSET along an
   * index already in order, so no call row is read and nothing is sorted.
   */
  figureSource(from: string, to: string): FigureSource {
    const q = (this.figureQueries ??= this.prepareFigureQueries());
    return {
      counts: (branchId) => {
        const rows = (branchId ? q.branchCounts.all(branchId, from, to) : q.counts.all(from, to)) as [
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
      valuesAt: (measure, branchId, month, offset) =>
        month === null
          ? (q[measure].range.all(branchId, from, to, offset) as number[])
          : (q[measure].month.all(branchId, month, offset) as number[]),
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
      return {
        month: this.db
          .prepare(
            `SELECT ${column} FROM calls INDEXED BY ${byMonth}
             WHERE branch_id = ? AND month = ? AND ${column} IS NOT NULL ORDER BY ${column} LIMIT 2 OFFSET ?`,
          )
          .pluck(),
        range: this.db
          .prepare(
            `SELECT ${column} FROM calls INDEXED BY ${byValue}
             WHERE branch_id = ? AND ${column} IS NOT NULL AND month BETWEEN ? AND ? ORDER BY ${column} LIMIT 2 OFFSET ?`,
          )
          .pluck(),
      };
    };
    const counts = `SELECT branch_id, month, count(*), count(dispatch_s), count(arrive_s), count(clear_s)
      FROM calls INDEXED BY calls_figure_counts`;
    return {
      counts: this.db.prepare(`${counts} WHERE month BETWEEN ? AND ? GROUP BY branch_id, month`).raw(true),
      branchCounts: this.db
        .prepare(`${counts} WHERE branch_id = ? AND month BETWEEN ? AND ? GROUP BY branch_id, month`)
        .raw(true),
      dispatch: perMeasure('dispatch'),
      arrive: perMeasure('arrive'),
      clear: perMeasure('clear'),
    };
  }
}
