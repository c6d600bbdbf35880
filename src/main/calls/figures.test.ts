import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callDesk, type CallDesk } from '../../../test/helpers/calls';
import type { TestConsole } from '../../../test/helpers/services';
import { computeFigures, monthsBefore, percentileOf, spread } from './figures';

describe('percentiles', () => {
  it('interpolates between ranks: median and 90th percentile as spreadsheets compute them', () => {
    expect(percentileOf([2, 4, 6, 8], 50)).toBe(5);
    expect(percentileOf([30, 60, 90, 120, 600], 90)).toBeCloseTo(408);
    expect(percentileOf([7], 90)).toBe(7);
    expect(spread([600, 30, 120, 90, 60])).toEqual({ n: 5, median: 90, p90: 408 });
    expect(spread([])).toBeNull();
  });

  it('groups by branch and month, in the desk’s branch order, months oldest first', () => {
    const f = computeFigures(
      [
        ['b', '2026-11', 10, null, null],
        ['a', '2026-11', 20, 40, 100],
        ['a', '2026-10', 30, null, null],
      ],
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
    // October in Chicago: 23:30 on 31 October is already November in UTC.
    await seed(t.officer, '2026-10-05T23:00:00Z', 30, 90, 600);
    await seed(t.officer, '2026-10-12T23:00:00Z', 60, 180, 900);
    await seed(t.officer, '2026-10-19T23:00:00Z', 90, 150, 1200);
    await seed(t.officer, '2026-10-26T23:00:00Z', 120, null, 300);
    await seed(t.officer, '2026-11-01T04:30:00Z', 600, 700, 2400);
    // November: two cleared calls and one still waiting for a responder.
    await seed(t.officer, '2026-11-10T23:00:00Z', 40, 100, 500);
    await seed(t.officer, '2026-11-20T23:00:00Z', 80, 200, 700);
    await seed(t.officer, '2026-11-25T23:00:00Z', null, null, null);
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
  });
});
