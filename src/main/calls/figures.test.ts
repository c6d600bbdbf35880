import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callDesk, type CallDesk } from '../../../test/helpers/calls';
import type { TestConsole } from '../../../test/helpers/services';
import { buildFigures, monthsBefore, spreadOf, type FigureSource, type Measure } from './figures';

/** An in-memory source: the same reads the repo makes from its indexes, over plain arrays. */
function memorySource(
  calls: [branchId: string, month: string, d: number | null, a: number | null, c: number | null][],
): FigureSource {
  const column = { dispatch: 2, arrive: 3, clear: 4 } as const;
  const values = (m: Measure, b: string, month: string | null) =>
    calls
      .filter((r) => r[0] === b && (month === null || r[1] === month) && r[column[m]] !== null)
      .map((r) => r[column[m]]!)
      .sort((x, y) => x - y);
  return {
    counts: (branchId) => {
      const keys = [...new Set(calls.filter((r) => !branchId || r[0] === branchId).map((r) => `${r[0]} ${r[1]}`))];
      return keys.map((k) => {
        const [b, month] = k.split(' ') as [string, string];
        const rows = calls.filter((r) => r[0] === b && r[1] === month);
        const n = (m: Measure) => rows.filter((r) => r[column[m]] !== null).length;
        return {
          branchId: b,
          month,
          calls: rows.length,
          dispatch: n('dispatch'),
          arrive: n('arrive'),
          clear: n('clear'),
        };
      });
    },
    valuesAt: (m, b, month, offset) => values(m, b, month).slice(offset, offset + 2),
  };
}

describe('percentiles', () => {
  it('interpolates between ranks: median and 90th percentile as spreadsheets compute them', () => {
    const of = (list: number[]) =>
      spreadOf(list.length, (offset) => [...list].sort((a, b) => a - b).slice(offset, offset + 2));
    expect(of([2, 4, 6, 8])).toEqual({ n: 4, median: 5, p90: 7 });
    expect(of([600, 30, 120, 90, 60])).toEqual({ n: 5, median: 90, p90: 408 });
    expect(of([7])).toEqual({ n: 1, median: 7, p90: 7 });
    expect(of([])).toBeNull();
  });

  it('groups by branch and month, in the desk’s branch order, months oldest first, with totals over the range', () => {
    const f = buildFigures(
      memorySource([
        ['b', '2026-11', 10, null, null],
        ['a', '2026-11', 20, 40, 100],
        ['a', '2026-10', 30, null, null],
      ]),
      { from: '2026-10', to: '2026-11' },
      ['a', 'b'],
    );
    expect(f.branches.map((b) => [b.branchId, b.months.map((m) => m.month)])).toEqual([
      ['a', ['2026-10', '2026-11']],
      ['b', ['2026-11']],
    ]);
    expect(f.branches[0]!.total).toEqual({
      calls: 2,
      dispatch: { n: 2, median: 25, p90: 29 },
      arrive: { n: 1, median: 40, p90: 40 },
      clear: { n: 1, median: 100, p90: 100 },
    });
    expect(f.branches[1]!.months[0]!.arrive).toBeNull();
    expect(monthsBefore('2026-11', 11)).toBe('2025-12');
    expect(monthsBefore('2026-01', 1)).toBe('2025-12');
  });
});

describe('response-time figures from seeded calls', () => {
  let t: CallDesk;
  beforeAll(async () => {
    t = await callDesk('2026-12-15T18:00:00Z');
  });
  afterAll(() => t.close());

  /** A call received at `at`, responded to, on scene and cleared after these seconds (null: not taken). */
  async function seed(
    by: TestConsole,
    at: string,
    dispatch: number | null,
    arrive: number | null,
    clear: number | null,
  ) {
    await t.at(at);
    const call = await t.call(by);
    if (dispatch !== null) {
      await t.after(dispatch);
      await by.must('calls.step', { id: call.id, step: 'responding', responders: [{ staffId: null, name: 'Kim' }] });
    }
    if (arrive !== null) {
      await t.after(arrive - dispatch!);
      await by.must('calls.step', { id: call.id, step: 'on-scene' });
    }
    if (clear !== null) {
      await t.after(clear - (arrive ?? dispatch!));
      await by.must('calls.step', { id: call.id, step: 'cleared', outcome: 'resolved' });
    }
  }

  it('gives median and p90 per month in the branch’s zone, over the calls that reached each step', async () => {
    // Newest first, so the test clock only ever jumps back between calls (see callDesk).
    // November: two cleared calls and one still waiting for a responder.
    await seed(t.officer, '2026-11-25T23:00:00Z', null, null, null);
    await seed(t.officer, '2026-11-20T23:00:00Z', 80, 200, 700);
    await seed(t.officer, '2026-11-10T23:00:00Z', 40, 100, 500);
    // October in Chicago: 23:30 on 31 October is already November in UTC.
    await seed(t.officer, '2026-11-01T04:30:00Z', 600, 700, 2400);
    await seed(t.officer, '2026-10-26T23:00:00Z', 120, null, 300);
    await seed(t.officer, '2026-10-19T23:00:00Z', 90, 150, 1200);
    await seed(t.officer, '2026-10-12T23:00:00Z', 60, 180, 900);
    await seed(t.officer, '2026-10-05T23:00:00Z', 30, 90, 600);
    await t.at('2026-12-15T18:00:00Z');

    const figures = await t.officer.must('calls.figures', { from: '2026-10', to: '2026-11' });
    expect(figures).toMatchObject({ from: '2026-10', to: '2026-11' });
    const main = figures.branches.find((b) => b.branchId === t.branch.id)!;
    expect(main.months).toEqual([
      {
        month: '2026-10',
        calls: 5,
        dispatch: { n: 5, median: 90, p90: 408 },
        arrive: { n: 4, median: 165, p90: 544 },
        clear: { n: 5, median: 900, p90: 1920 },
      },
      {
        month: '2026-11',
        calls: 3,
        dispatch: { n: 2, median: 60, p90: 76 },
        arrive: { n: 2, median: 150, p90: 190 },
        clear: { n: 2, median: 600, p90: 680 },
      },
    ]);
    expect(main.total).toMatchObject({ calls: 8, dispatch: { n: 7, median: 80 } });

    // A correction moves the figures: the late-October call was really dispatched after 100 s.
    const late = (await t.officer.must('calls.search', { from: '2026-11-01T04:00:00Z', to: '2026-11-01T05:00:00Z' }))
      .items[0]!;
    const record = await t.officer.must('calls.get', { id: late.id });
    await t.supervisor.must('calls.correctStep', {
      id: late.id,
      stepId: record.steps.find((s) => s.step === 'responding' && s.current)!.id,
      at: new Date(Date.parse(late.receivedAt) + 100_000).toISOString(),
      reason: 'The radio log shows Kim sent after 100 seconds',
    });
    const after = await t.officer.must('calls.figures', { from: '2026-10', to: '2026-10' });
    expect(after.branches[0]!.months[0]!.dispatch).toEqual({ n: 5, median: 90, p90: 112 });
    const defaults = await t.officer.must('calls.figures', {});
    expect(defaults).toMatchObject({ from: '2026-01', to: '2026-12' });

    // A correction that moves a call into another month moves it in the counts the database keeps.
    const november = (
      await t.officer.must('calls.search', { from: '2026-11-10T00:00:00Z', to: '2026-11-11T00:00:00Z' })
    ).items[0]!;
    const received = (await t.officer.must('calls.get', { id: november.id })).steps[0]!;
    await t.supervisor.must('calls.correctStep', {
      id: november.id,
      stepId: received.id,
      at: '2026-10-30T20:00:00.000Z',
      reason: 'Logged from the paper sheet of 30 October',
    });
    const moved = await t.officer.must('calls.figures', { from: '2026-10', to: '2026-11' });
    expect(moved.branches[0]!.months.map((m) => [m.month, m.calls, m.dispatch?.n])).toEqual([
      ['2026-10', 6, 6],
      ['2026-11', 2, 1],
    ]);
    const kept = t
      .db()
      .prepare(
        'SELECT branch_id, month, calls, dispatch, arrive, clear FROM call_month_counts WHERE calls > 0 ORDER BY 1, 2',
      )
      .all();
    const counted = t
      .db()
      .prepare(
        `SELECT branch_id, month, count(*) AS calls, count(dispatch_s) AS dispatch, count(arrive_s) AS arrive,
           count(clear_s) AS clear FROM calls GROUP BY branch_id, month ORDER BY 1, 2`,
      )
      .all();
    expect(kept).toEqual(counted);
  });
});
