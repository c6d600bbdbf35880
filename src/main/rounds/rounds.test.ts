import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir';
import { ManualClock } from '../clock';
import { dutyDesk, type DutyDesk } from '../../../test/helpers/duties';
import { testDesk } from '../../../test/helpers/services';
import type { OutputOf } from '../../shared/contract';
import { forTheFile } from '../../../test/helpers/disclose';

let t: DutyDesk | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const MIN = 60_000;
/** Monday 30 November 2026 at a Chicago wall time (CST, UTC−6). */
const monday = (hhmm: string) => `2026-11-30T${hhmm}:00.000-06:00`;

async function withRoute(at: string) {
  t = await dutyDesk(new ManualClock(Date.parse(at)));
  const route = await t.admin.must('rounds.saveRoute', {
    branchId: t.branch.id,
    name: 'Interior round',
    checkpoints: [
      { zoneId: t.zone('Lobby'), instructions: '' },
      { zoneId: t.zone('Restrooms'), instructions: 'Knock, then check every stall' },
      { zoneId: t.zone("Children's Room"), instructions: '' },
      { zoneId: t.zone('Parking Lot'), instructions: 'Look behind the dumpster' },
    ],
    intervalMinutes: 60,
    firstAfterMinutes: 30,
    graceMinutes: 15,
    minGapSeconds: 60,
  });
  return { t, route };
}

const roundAlerts = async (d: DutyDesk) =>
  (await d.officer.must('alerts.list', {}))
    .filter((a) => a.kind.startsWith('round.'))
    .map((a) => `${a.level}: ${a.title}`);

type Round = OutputOf<'rounds.start'>;
const cp = (round: Round, zone: string) => round.checkpoints.find((c) => c.zoneName === zone)!.id;

describe('patrol routes', () => {
  it('refuses a route without checkpoints or with another branch’s zone, and versions each change', async () => {
    const { t, route } = await withRoute(monday('08:00'));
    const empty = await t.admin.call('rounds.saveRoute', {
      branchId: t.branch.id,
      name: 'Empty',
      checkpoints: [],
      intervalMinutes: 60,
      firstAfterMinutes: 0,
      graceMinutes: 15,
      minGapSeconds: 0,
    });
    expect(empty).toMatchObject({
      ok: false,
      error: { fields: { checkpoints: 'A route needs at least one checkpoint' } },
    });
    const north = await t.admin.must('branches.add', {
      name: 'North',
      code: 'NORTH',
      address: '',
      timeZone: 'America/Chicago',
    });
    const withZone = await t.admin.must('zones.add', {
      branchId: north.id,
      name: 'Stacks',
      kind: 'interior',
      floor: '',
    });
    const foreign = await t.admin.call('rounds.saveRoute', {
      branchId: t.branch.id,
      name: 'Odd',
      checkpoints: [{ zoneId: withZone.zones[0]!.id }],
      intervalMinutes: 60,
      firstAfterMinutes: 0,
      graceMinutes: 15,
      minGapSeconds: 0,
    });
    expect(foreign).toMatchObject({
      ok: false,
      error: { fields: { 'checkpoints.0.zoneId': 'Not a zone of Main Library' } },
    });
    const twice = await t.admin.call('rounds.saveRoute', {
      branchId: t.branch.id,
      name: 'interior ROUND',
      checkpoints: [{ zoneId: t.zone('Lobby') }],
      intervalMinutes: 60,
      firstAfterMinutes: 0,
      graceMinutes: 15,
      minGapSeconds: 0,
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { name: 'This name is taken' } } });
    const short = await t.admin.call('rounds.saveRoute', {
      branchId: t.branch.id,
      name: 'Quick',
      checkpoints: [{ zoneId: t.zone('Lobby') }],
      intervalMinutes: 5,
      firstAfterMinutes: 0,
      graceMinutes: 15,
      minGapSeconds: 0,
    });
    expect(short).toMatchObject({ ok: false, error: { fields: { intervalMinutes: 'Interval: at least 10 minutes' } } });
    expect(route).toMatchObject({
      version: 1,
      checkpoints: [
        { zoneName: 'Lobby' },
        { zoneName: 'Restrooms', instructions: 'Knock, then check every stall' },
        {},
        { zoneKind: 'exterior' },
      ],
    });
    const v2 = await t.admin.must('rounds.saveRoute', {
      routeId: route.id,
      branchId: t.branch.id,
      name: 'Interior round',
      checkpoints: route.checkpoints.slice(0, 3).map(({ id, zoneId, instructions }) => ({ id, zoneId, instructions })),
      intervalMinutes: 90,
      firstAfterMinutes: 30,
      graceMinutes: 15,
      minGapSeconds: 60,
    });
    expect(v2).toMatchObject({ id: route.id, version: 2, intervalMinutes: 90 });
    expect(v2.checkpoints.map((c) => c.id)).toEqual(route.checkpoints.slice(0, 3).map((c) => c.id));
  });
});

describe('a round', () => {
  it('is walked checkpoint by checkpoint: visited once, skipped only with a reason, observed, ended', async () => {
    const { t, route } = await withRoute(monday('10:00'));
    const round = await t.officer.must('rounds.start', { routeId: route.id });
    expect(await t.other.must('rounds.start', { routeId: route.id })).toMatchObject({ id: round.id });
    t.advance(2 * MIN);
    let r = await t.officer.must('rounds.visit', { roundId: round.id, checkpointId: cp(round, 'Lobby') });
    expect(r.checkpoints[0]!.visit).toMatchObject({
      status: 'visited',
      method: 'walked',
      by: { name: 'Test olu' },
      at: new Date(Date.parse(monday('10:02'))).toISOString(),
    });
    const again = await t.other.call('rounds.visit', { roundId: round.id, checkpointId: cp(round, 'Lobby') });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: /already visited by Test olu at 10:02/ },
    });
    const noReason = await t.officer.call('rounds.skip', {
      roundId: round.id,
      checkpointId: cp(round, 'Restrooms'),
      reason: '  ',
    });
    expect(noReason).toMatchObject({ ok: false, error: { fields: { reason: 'Say why the checkpoint is skipped' } } });
    t.advance(3 * MIN);
    r = await t.officer.must('rounds.skip', {
      roundId: round.id,
      checkpointId: cp(round, 'Restrooms'),
      reason: 'Being cleaned, wet floor',
    });
    r = await t.officer.must('rounds.observe', {
      roundId: round.id,
      checkpointId: cp(round, "Children's Room"),
      text: 'Broken chair by the window',
    });
    t.advance(2 * MIN);
    r = await t.officer.must('rounds.visit', {
      roundId: round.id,
      checkpointId: cp(round, "Children's Room"),
      method: 'camera',
    });
    expect(r.observations).toEqual([expect.objectContaining({ text: 'Broken chair by the window', incidentId: null })]);
    const early = await t.officer.call('rounds.end', { roundId: round.id });
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: /One checkpoint has not been visited \(Parking Lot\)/ },
    });
    const ended = await t.officer.must('rounds.end', {
      roundId: round.id,
      skipRemainingReason: 'Called to the lobby',
      note: 'Cut short',
    });
    expect(ended).toMatchObject({ status: 'ended', endNote: 'Cut short', endedBy: { name: 'Test olu' } });
    expect(ended.checkpoints[3]!.visit).toMatchObject({ status: 'skipped', reason: 'Called to the lobby' });
    const after = await t.officer.call('rounds.visit', { roundId: round.id, checkpointId: cp(round, 'Parking Lot') });
    expect(after).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: /ended by Test olu at 10:07/ } });
    expect(ended.journal.map((j) => j.kind)).toEqual([
      'round.started',
      'round.checkpointVisited',
      'round.checkpointSkipped',
      'round.observation',
      'round.checkpointVisited',
      'round.checkpointSkipped',
      'round.ended',
    ]);
    expect(await t.admin.must('journal.verify', {})).toMatchObject({ ok: true });
  });

  it('is flagged, never blocked, when walked faster than the route allows or out of order', async () => {
    const { t, route } = await withRoute(monday('10:00'));
    const round = await t.officer.must('rounds.start', { routeId: route.id });
    await t.officer.must('rounds.visit', { roundId: round.id, checkpointId: cp(round, 'Lobby') });
    t.advance(20_000);
    await t.officer.must('rounds.visit', { roundId: round.id, checkpointId: cp(round, "Children's Room") });
    t.advance(3 * MIN);
    await t.officer.must('rounds.visit', { roundId: round.id, checkpointId: cp(round, 'Restrooms') });
    t.advance(40_000);
    const r = await t.officer.must('rounds.visit', {
      roundId: round.id,
      checkpointId: cp(round, 'Parking Lot'),
      method: 'camera',
    });
    expect(r.flags).toEqual([
      {
        kind: 'fast',
        text: "Walked faster than the route allows: one checkpoint reached in under 1 min (quickest 20 s, Lobby to Children's Room)",
      },
      { kind: 'order', text: "Checkpoints visited out of order: Restrooms after Children's Room" },
    ]);
  });

  it('survives a restart as far as it got', async () => {
    const { t: first, route } = await withRoute(monday('10:00'));
    try {
      const round = await first.officer.must('rounds.start', { routeId: route.id });
      await first.officer.must('rounds.visit', { roundId: round.id, checkpointId: cp(round, 'Lobby') });
      await first.desk.services.close();
      const again = testDesk({ dataDir: first.desk.dataDir, clock: first.clock });
      const officer = again.console();
      await officer.must('auth.signIn', { username: 'olu', passphrase: 'a long test passphrase' });
      const [overview] = await officer.must('rounds.overview', {});
      expect(overview!.routes[0]).toMatchObject({
        state: 'inProgress',
        openRound: { id: round.id, done: 1, total: 4 },
      });
      const resumed = await officer.must('rounds.start', { routeId: route.id });
      expect(resumed.checkpoints[0]!.visit).toMatchObject({ status: 'visited' });
      await again.close();
    } finally {
      await first.close();
      t = undefined;
    }
  });
});

describe('rounds due and overdue', () => {
  it('alerts when due and when overdue across opening and closing, never while closed, and stops once a round starts', async () => {
    const { t, route } = await withRoute(monday('08:00'));
    const at = async (hhmm: string) => {
      t.set(monday(hhmm));
      return roundAlerts(t);
    };
    expect(await at('08:59')).toEqual([]);
    expect(await at('09:29')).toEqual([]);
    expect(await at('09:30')).toEqual(['warning: Round due: Interior round']);
    expect(await at('09:45')).toEqual(['warning: Round due: Interior round']);
    expect(await at('09:46')).toEqual(['urgent: Round overdue: Interior round, due 09:30']);
    // It stays, saying the same due time, until a round starts.
    expect(await at('11:10')).toEqual(['urgent: Round overdue: Interior round, due 09:30']);
    const [overview] = await t.officer.must('rounds.overview', {});
    expect(overview!.routes[0]).toMatchObject({
      state: 'overdue',
      missedToday: 2,
      overdueSince: new Date(Date.parse(monday('09:45'))).toISOString(),
    });
    const round = await t.officer.must('rounds.start', { routeId: route.id });
    expect(await roundAlerts(t)).toEqual([]);
    for (const c of round.checkpoints) {
      t.advance(2 * MIN);
      await t.officer.must('rounds.visit', { roundId: round.id, checkpointId: c.id });
    }
    await t.officer.must('rounds.end', { roundId: round.id });
    expect(await at('12:09')).toEqual([]);
    expect(await at('12:10')).toEqual(['warning: Round due: Interior round']);
    // Closing at 20:00 ends it all; nothing overnight, nothing on the closed evening.
    expect(await at('20:00')).toEqual([]);
    expect(await at('23:30')).toEqual([]);
    // Sunday opens at 13:00: the first round is due at 13:30.
    t.set('2026-12-06T13:29:00.000-06:00');
    expect(await roundAlerts(t)).toEqual([]);
    t.set('2026-12-06T13:31:00.000-06:00');
    expect(await roundAlerts(t)).toEqual(['warning: Round due: Interior round']);
    await t.admin.must('rounds.setRouteRetired', { routeId: route.id, retired: true });
    expect(await roundAlerts(t)).toEqual([]);
  });

  it('keeps a history per branch and per person: rounds, missed intervals, skips with reasons, shortest and longest gaps', async () => {
    const { t, route } = await withRoute(monday('09:20'));
    const walk = async (who: typeof t.officer, gapsMin: number[], skip?: string) => {
      const round = await who.must('rounds.start', { routeId: route.id });
      for (const [i, c] of round.checkpoints.entries()) {
        if (i > 0) t.advance(gapsMin[i - 1]! * MIN);
        if (skip && c.zoneName === skip)
          await who.must('rounds.skip', { roundId: round.id, checkpointId: c.id, reason: 'Locked for a meeting' });
        else await who.must('rounds.visit', { roundId: round.id, checkpointId: c.id });
      }
      return who.must('rounds.end', { roundId: round.id });
    };
    await walk(t.officer, [2, 3, 4]); // 09:20
    t.set(monday('10:15'));
    await walk(t.other, [5, 1, 2], "Children's Room"); // 10:15, on time
    // Nobody starts the 11:15 round; the next is at 12:40, after the 11:15 and 12:15 graces ran out.
    t.set(monday('12:40'));
    await walk(t.officer, [6, 2, 2]);
    t.set('2026-12-01T08:00:00.000-06:00');
    const all = await t.officer.must('rounds.history', { branchId: t.branch.id, from: '2026-11-30', to: '2026-11-30' });
    expect(all.rounds.map((r) => r.startedBy.name)).toEqual(['Test olu', 'Test kim', 'Test olu']);
    expect(all.missed.map((m) => m.dueAt)).toEqual(
      ['11:15', '12:15', '13:40', '14:40', '15:40', '16:40', '17:40', '18:40', '19:40'].map((h) =>
        new Date(Date.parse(monday(h))).toISOString(),
      ),
    );
    expect(all.skipped).toEqual([
      expect.objectContaining({
        zoneName: "Children's Room",
        reason: 'Locked for a meeting',
        by: expect.objectContaining({ name: 'Test kim' }),
      }),
    ]);
    expect(all.shortestGap).toMatchObject({ seconds: 120, from: 'Lobby', to: 'Restrooms' });
    expect(all.longestGap).toMatchObject({ seconds: 360, from: 'Lobby', to: 'Restrooms' });
    const staff = await t.admin.must('staff.list', {});
    const kim = staff.find((s) => s.username === 'kim')!;
    const hers = await t.officer.must('rounds.history', {
      branchId: t.branch.id,
      from: '2026-11-30',
      to: '2026-11-30',
      staffId: kim.id,
    });
    expect(hers).toMatchObject({ rounds: [{ startedBy: { name: 'Test kim' }, skipped: 1 }], missed: [] });
    const pdf = await t.officer.must('rounds.exportPdf', {
      branchId: t.branch.id,
      from: '2026-11-30',
      to: '2026-11-30',
      disclose: forTheFile,
    });
    const dir = tempDir();
    const file = join(dir.path, pdf.fileName);
    writeFileSync(file, Buffer.from(pdf.pdfBase64, 'base64'));
    const printed = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    dir.remove();
    expect(pdf.fileName).toBe('Rounds-MAIN-2026-11-30-to-2026-11-30.pdf');
    expect(printed).toMatch(/Missed intervals\s+9/);
    expect(printed).toContain('Interior round due 11:15');
    expect(printed).toContain('Reason: Locked for a meeting');
    expect(printed).toMatch(/Shortest between\s+2 min, Lobby to Restrooms/);
    const backwards = await t.officer.call('rounds.history', {
      branchId: t.branch.id,
      from: '2026-12-01',
      to: '2026-11-30',
    });
    expect(backwards).toMatchObject({ ok: false, error: { fields: { to: 'The last date is before the first' } } });
  });
});
