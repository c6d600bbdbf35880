import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callDesk, type CallDesk } from '../../../test/helpers/calls';
import { forTheFile } from '../../../test/helpers/disclose';

let t: CallDesk;
/** A zone added once the plan is saved. */
let stacks: string;
beforeAll(async () => {
  t = await callDesk('2026-11-30T19:00:00Z');
});
afterAll(() => t.close());

const journalKinds = (id: string) =>
  t
    .db()
    .prepare<[string], { kind: string }>('SELECT kind FROM journal WHERE record_id = ? ORDER BY seq')
    .all(id)
    .map((r) => r.kind);

describe('plans', () => {
  it('keeps the assembly point and sweep order an administrator saves; new zones come last', async () => {
    const before = await t.officer.must('evacuations.plans', {});
    expect(before[0]).toMatchObject({ assemblyPoint: '', sweepTargetMinutes: 3, updatedAt: null });
    const plan = await t.admin.must('evacuations.savePlan', {
      branchId: t.branch.id,
      assemblyPoint: 'Parking lot across Main Street, by the flagpole',
      sweepTargetMinutes: 3,
      zones: [
        { zoneId: t.zone('Lobby'), assignee: 'Pat' },
        { zoneId: t.zone('Computer Lab'), assignee: '' },
      ],
    });
    expect(plan.zones.map((z) => [z.name, z.assignee])).toEqual([
      ['Lobby', 'Pat'],
      ['Computer Lab', ''],
    ]);
    expect(
      await t.officer.call('evacuations.savePlan', {
        branchId: t.branch.id,
        assemblyPoint: 'x',
        sweepTargetMinutes: 3,
        zones: [],
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const branch = await t.admin.must('zones.add', {
      branchId: t.branch.id,
      name: 'Stacks',
      kind: 'interior',
      floor: '2',
    });
    stacks = branch.zones.find((z) => z.name === 'Stacks')!.id;
    const [after] = await t.officer.must('evacuations.plans', {});
    expect(after!.zones.map((z) => z.name)).toEqual(['Lobby', 'Computer Lab', 'Stacks']);
  });
});

describe('an evacuation drill from start to all clear', () => {
  let id: string;

  it('starts a drill after refusing a second one at the same branch, and every screen knows it runs', async () => {
    const started = await t.officer.must('evacuations.start', { branchId: t.branch.id, kind: 'drill' });
    id = started.id;
    expect(started).toMatchObject({
      drill: true,
      running: true,
      startedAt: '2026-11-30T19:00:00.000Z',
      startedBy: { name: 'Test olu' },
      assemblyPoint: 'Parking lot across Main Street, by the flagpole',
      sweepTargetSeconds: 180,
    });
    expect(started.zones.map((z) => [z.name, z.assignee, z.state])).toEqual([
      ['Lobby', 'Pat', 'pending'],
      ['Computer Lab', '', 'pending'],
      ['Stacks', '', 'pending'],
    ]);
    expect(await t.supervisor.call('evacuations.start', { branchId: t.branch.id, kind: 'fire-alarm' })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'An evacuation is already running at Main Library: evacuation drill, started 13:00 by Test olu.',
      },
    });
    // Signed out, a console still learns an evacuation is running (the banner shows on the sign-in screen).
    const stranger = t.desk.console();
    expect(await stranger.must('evacuations.running', {})).toEqual([
      expect.objectContaining({ id, branchName: 'Main Library', drill: true }),
    ]);
    expect(await stranger.call('evacuations.get', { id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const alerts = await t.officer.must('alerts.list', {});
    expect(alerts[0]).toMatchObject({
      id: `evacuation:${id}`,
      level: 'urgent',
      title: 'DRILL: evacuation drill running at Main Library',
      work: { tab: 'calls', recordId: id },
    });
  });

  it('sweeps zones once each: a second console is told who swept it first', async () => {
    await t.after(95);
    const lobby = t.zone('Lobby');
    const [a, b] = await Promise.all([
      t.officer.call('evacuations.record', { id, entry: { kind: 'sweep', zoneId: lobby, result: 'clear' } }),
      t.supervisor.call('evacuations.record', {
        id,
        entry: { kind: 'sweep', zoneId: lobby, result: 'clear', by: 'Sam' },
      }),
    ]);
    const lost = a.ok ? b : a;
    expect(lost).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringMatching(/^Lobby was already swept clear by (Pat|Sam) at 13:01/),
      },
    });
    const record = await t.officer.must('evacuations.get', { id });
    expect(record.zones[0]).toMatchObject({ state: 'clear', at: '2026-11-30T19:01:35.000Z' });
    expect(record.timeline.filter((e) => e.kind === 'sweep')).toHaveLength(1);
    await t.officer.must('evacuations.record', {
      id,
      entry: { kind: 'assign', zoneId: t.zone('Computer Lab'), assignee: 'Kim' },
    });
    await t.after(200);
    const lab = await t.officer.must('evacuations.record', {
      id,
      entry: { kind: 'sweep', zoneId: t.zone('Computer Lab'), result: 'not-clear', note: 'Door jammed' },
    });
    expect(lab.zones[1]).toMatchObject({ state: 'not-clear', by: 'Kim', note: 'Door jammed' });
    const undone = await t.officer.must('evacuations.record', {
      id,
      entry: { kind: 'unsweep', zoneId: t.zone('Computer Lab'), reason: 'Kim went back with the key' },
    });
    expect(undone.zones[1]).toMatchObject({ state: 'pending', at: null });
  });

  it('records people who could not leave, services, a headcount, a refusal and notes', async () => {
    await t.after(30);
    let r = await t.officer.must('evacuations.record', {
      id,
      entry: {
        kind: 'refuge',
        zoneId: stacks,
        location: 'Stairwell B landing, 2nd floor',
        count: 2,
        condition: 'One wheelchair user, one companion; both calm',
      },
    });
    const refugeId = r.refuge[0]!.id;
    r = await t.officer.must('evacuations.record', {
      id,
      entry: { kind: 'service', service: 'fire', name: 'City Fire Station 3' },
    });
    const serviceId = r.services[0]!.id;
    expect(
      await t.officer.call('evacuations.record', {
        id,
        entry: { kind: 'serviceArrived', serviceId, at: '2026-11-30T19:00:30.000Z' },
      }),
    ).toMatchObject({ ok: false, error: { message: 'Arrival is before they were called.' } });
    await t.after(240);
    await t.officer.must('evacuations.record', { id, entry: { kind: 'serviceArrived', serviceId } });
    expect(
      await t.supervisor.call('evacuations.record', { id, entry: { kind: 'serviceArrived', serviceId } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Fire department was already marked arrived at 13:09.' },
    });
    await t.officer.must('evacuations.record', {
      id,
      entry: { kind: 'refugeUpdate', refugeId, status: 'brought-out', note: 'Carried down by fire crew' },
    });
    await t.officer.must('evacuations.record', {
      id,
      entry: {
        kind: 'refusal',
        zoneId: t.zone('Computer Lab'),
        location: 'Computer Lab',
        count: 1,
        description: 'Man in a red jacket, said he would finish his printout',
      },
    });
    r = await t.officer.must('evacuations.record', {
      id,
      entry: {
        kind: 'headcount',
        staff: [
          { staffId: t.ids.officer, status: 'accounted' },
          { staffId: t.ids.other, status: 'missing' },
          { staffId: t.ids.supervisor, status: 'off-site' },
        ],
        patrons: 23,
        visitors: 2,
      },
    });
    expect(r.headcounts[0]).toMatchObject({
      at: '2026-11-30T19:09:25.000Z',
      patrons: 23,
      visitors: 2,
      staff: [
        { name: 'Test olu', status: 'accounted' },
        { name: 'Test kim', status: 'missing' },
        { name: 'Test sam', status: 'off-site' },
      ],
    });
    r = await t.officer.must('evacuations.record', { id, entry: { kind: 'note', text: 'Alarm panel shows zone 4' } });
    expect(r.refuge[0]).toMatchObject({ status: 'brought-out', note: 'Carried down by fire crew' });
    expect(r.refusals).toHaveLength(1);
    expect(r.notes.map((n) => n.text)).toEqual(['Alarm panel shows zone 4']);
    expect(r.timeline.map((e) => e.words)).toContain('Fire department arrived (City Fire Station 3)');
  });

  it('asks before an all clear with zones not swept, records which, and refuses a second all clear', async () => {
    await t.after(60);
    expect(await t.officer.call('evacuations.allClear', { id, givenBy: 'Lt. Moreno, City Fire' })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: '2 zones are not swept clear: Computer Lab, Stacks. Confirm them to give the all clear anyway.',
      },
    });
    const ended = await t.officer.must('evacuations.allClear', {
      id,
      givenBy: 'Lt. Moreno, City Fire',
      confirmUnswept: [t.zone('Computer Lab'), stacks],
    });
    expect(ended).toMatchObject({
      running: false,
      allClear: {
        at: '2026-11-30T19:10:25.000Z',
        givenBy: 'Lt. Moreno, City Fire',
        recordedBy: { name: 'Test olu' },
        unswept: [{ name: 'Computer Lab' }, { name: 'Stacks' }],
      },
    });
    expect(await t.supervisor.call('evacuations.allClear', { id, givenBy: 'me' })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'The all clear was already given at 13:10 by Lt. Moreno, City Fire (recorded by Test olu).',
      },
    });
    expect(
      await t.officer.call('evacuations.record', {
        id,
        entry: { kind: 'sweep', zoneId: stacks, result: 'clear' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await t.officer.must('evacuations.record', { id, entry: { kind: 'note', text: 'Debrief on Thursday' } });
    expect(await t.officer.must('evacuations.running', {})).toEqual([]);
    expect((await t.officer.must('alerts.list', {})).filter((a) => a.kind.startsWith('evacuation'))).toEqual([]);
    expect(journalKinds(id)).toEqual([
      'evacuation.started',
      ...Array(11).fill('evacuation.recorded'),
      'evacuation.allClear',
      'evacuation.recorded',
    ]);
    expect(await t.officer.must('evacuations.list', {})).toEqual([
      expect.objectContaining({ id, drill: true, allClearAfter: 625, sweptAfter: null, zones: 3, zonesSwept: 1 }),
    ]);
  });

  it('exports the after-action report as a PDF with the timeline, sweeps, headcount and services (audited)', async () => {
    const pdf = await t.officer.must('evacuations.exportPdf', { id, disclose: forTheFile });
    expect(pdf.fileName).toBe('After-action-drill-MAIN-2026-11-30.pdf');
    const file = join(t.desk.dataDir, pdf.fileName);
    writeFileSync(file, Buffer.from(pdf.pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const words of [
      'AFTER-ACTION REPORT',
      'DRILL',
      'Parking lot across Main Street, by the flagpole',
      'Lobby swept clear by Pat',
      'NOT SWEPT',
      'Lt. Moreno, City Fire',
      'Time to all clear 10 min 25 s',
      'Stairwell B landing',
      'Brought out 13:09 (Carried down by fire crew)',
      'Fire department: City',
      'arrived 13:09 (4 min 00 s later)',
      'Patrons counted 23',
      'Test kim Not accounted for',
      'Man in a red jacket',
      'Alarm panel shows zone 4',
      'DRILLS AT MAIN LIBRARY',
    ]) {
      expect(text).toContain(words);
    }
    const audited = t
      .db()
      .prepare<[string], { staff_id: string }>(
        "SELECT staff_id FROM audit WHERE subject = 'evacuation.pdf' AND record_id = ?",
      )
      .all(id);
    expect(audited).toHaveLength(1);
  });
});
