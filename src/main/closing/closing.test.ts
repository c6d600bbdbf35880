import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { dutyDesk, type DutyDesk } from '../../../test/helpers/duties';
import { testDesk } from '../../../test/helpers/services';
import type { OutputOf } from '../../shared/contract';

let t: DutyDesk | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Monday 30 November 2026, 19:40 in Chicago (CST, UTC−6): twenty minutes before closing. */
const MONDAY_1940 = '2026-12-01T01:40:00.000Z';

type Run = OutputOf<'closing.start'>;

async function start(at = MONDAY_1940): Promise<{ t: DutyDesk; run: Run }> {
  t = await dutyDesk(new ManualClock(Date.parse(at)));
  const run = await t.officer.must('closing.start', { branchId: t.branch.id });
  return { t, run };
}

/** The answer each item takes when all is well. */
const fine = (item: Run['items'][number]) =>
  item.kind === 'check'
    ? { kind: 'check' as const, ok: true }
    : item.kind === 'yesno'
      ? { kind: 'yesno' as const, answer: item.okAnswer }
      : item.kind === 'count'
        ? { kind: 'count' as const, count: item.expectedCount }
        : { kind: 'note' as const };

describe('closing checklists', () => {
  it('starts from the default checklist matched to the branch’s zones, and two consoles get one run', async () => {
    const { t, run } = await start();
    const zones = new Set(run.items.map((i) => i.zoneName));
    expect(zones).toContain('Restrooms');
    expect(zones).toContain("Children's Room");
    expect(zones).toContain(null);
    expect(run.items.some((i) => i.label.startsWith('Stairwells: '))).toBe(true);
    expect(run).toMatchObject({ status: 'open', closingDate: '2026-11-30', closesAt: '2026-12-01T02:00:00.000Z' });
    expect(run.startedBy.name).toBe('Test olu');
    const again = await t.other.must('closing.start', { branchId: t.branch.id });
    expect(again.id).toBe(run.id);
  });

  it('records who answered, when and how; refuses a second answer to an item with who gave the first', async () => {
    const { t, run } = await start();
    const first = run.items[0]!;
    t.advance(30_000);
    const answered = await t.officer.must('closing.answer', {
      runId: run.id,
      branchId: t.branch.id,
      itemId: first.id,
      value: fine(first),
      method: 'camera',
    });
    expect(answered.answers).toEqual([
      expect.objectContaining({
        itemId: first.id,
        failed: false,
        method: 'camera',
        by: expect.objectContaining({ name: 'Test olu' }),
        at: '2026-12-01T01:40:30.000Z',
      }),
    ]);
    const second = await t.other.call('closing.answer', {
      runId: run.id,
      branchId: t.branch.id,
      itemId: first.id,
      value: fine(first),
    });
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/already answered by Test olu at 19:40/) },
    });
    expect(t.officer.events.some((e) => e.event === 'closing.changed')).toBe(true);
  });

  it('asks for a note when an item fails, refuses answers meant for another branch, and keeps the failure', async () => {
    const { t, run } = await start();
    const count = run.items.find((i) => i.kind === 'count')!;
    const noNote = await t.officer.call('closing.answer', {
      runId: run.id,
      branchId: t.branch.id,
      itemId: count.id,
      value: { kind: 'count', count: 2 },
    });
    expect(noNote).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { note: 'Say what was found' } } });
    const other = await t.admin.must('branches.add', {
      name: 'North Branch',
      code: 'NORTH',
      address: '',
      timeZone: 'America/Chicago',
    });
    const wrong = await t.officer.call('closing.answer', {
      runId: run.id,
      branchId: other.id,
      itemId: count.id,
      value: { kind: 'count', count: 0 },
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/Main Library’s closing, not North Branch’s/) },
    });
    const kind = await t.officer.call('closing.answer', {
      runId: run.id,
      branchId: t.branch.id,
      itemId: count.id,
      value: { kind: 'check', ok: true },
    });
    expect(kind).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const failed = await t.officer.must('closing.answer', {
      runId: run.id,
      branchId: t.branch.id,
      itemId: count.id,
      value: { kind: 'count', count: 2 },
      note: 'Two people in the stalls; they left at 19:45.',
    });
    expect(failed.answers[0]).toMatchObject({
      outcome: 'count',
      count: 2,
      failed: true,
      note: 'Two people in the stalls; they left at 19:45.',
    });
  });

  it('signs “Building clear” only when every item has an answer; a signed run takes no more answers', async () => {
    const { t, run } = await start();
    const early = await t.officer.call('closing.sign', { runId: run.id });
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/items have no answer yet .* Answer every item/) },
    });
    for (const item of run.items.slice(0, -1)) {
      await t.officer.must('closing.answer', {
        runId: run.id,
        branchId: t.branch.id,
        itemId: item.id,
        value: fine(item),
      });
    }
    const last = run.items.at(-1)!;
    await t.other.must('closing.answer', { runId: run.id, branchId: t.branch.id, itemId: last.id, value: fine(last) });
    t.advance(15 * 60_000);
    const signed = await t.other.must('closing.sign', { runId: run.id, note: 'All quiet.' });
    expect(signed).toMatchObject({
      status: 'signed',
      endedAt: '2026-12-01T01:55:00.000Z',
      endedBy: { name: 'Test kim' },
      endNote: 'All quiet.',
    });
    expect(signed.journal.map((j) => j.kind)).toEqual([
      'closing.runStarted',
      ...run.items.map(() => 'closing.itemAnswered'),
      'closing.signed',
    ]);
    const after = await t.officer.call('closing.answer', {
      runId: run.id,
      branchId: t.branch.id,
      itemId: last.id,
      value: fine(last),
    });
    expect(after).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/signed “Building clear” by Test kim at 19:55/) },
    });
    const history = await t.officer.must('closing.history', { branchId: t.branch.id });
    expect(history).toMatchObject({
      total: 1,
      items: [{ id: run.id, status: 'signed', answered: run.items.length, answeredBy: ['Test olu', 'Test kim'] }],
    });
    expect(await t.admin.must('journal.verify', {})).toMatchObject({ ok: true });
  });

  it('keeps a run through a restart with every answer given so far, and resumes it', async () => {
    const clock = new ManualClock(Date.parse(MONDAY_1940));
    t = await dutyDesk(clock);
    const first = t;
    try {
      // The desk's own folder stays: the restarted desk opens the same database.
      const dataDir = t.desk.dataDir;
      const run = await t.officer.must('closing.start', { branchId: t.branch.id });
      for (const item of run.items.slice(0, 3)) {
        await t.officer.must('closing.answer', {
          runId: run.id,
          branchId: t.branch.id,
          itemId: item.id,
          value: fine(item),
        });
      }
      await t.desk.services.close();
      const restarted = testDesk({ dataDir, clock });
      const officer = restarted.console();
      await officer.must('auth.signIn', { username: 'olu', passphrase: 'a long test passphrase' });
      const [overview] = await officer.must('closing.overview', {});
      expect(overview!.openRun).toMatchObject({ id: run.id, answered: 3 });
      const resumed = await officer.must('closing.start', { branchId: t.branch.id });
      expect(resumed.id).toBe(run.id);
      expect(resumed.answers.map((a) => a.itemId)).toEqual(run.items.slice(0, 3).map((i) => i.id));
      await restarted.close();
    } finally {
      // The first desk's folder goes with it (its services are already closed).
      await first.close();
      t = undefined;
    }
  });

  it('versions the checklist: a run keeps the wording it started with, the next run takes the new one', async () => {
    const { t, run } = await start();
    const template = await t.admin.must('closing.template', { branchId: t.branch.id });
    expect(template).toMatchObject({ version: 1, versionId: run.template.versionId });
    const items = template.items.map((i, n) =>
      n === 0 ? { ...i, label: 'Every stall, shower and changing room' } : i,
    );
    const v2 = await t.admin.must('closing.saveTemplate', { branchId: t.branch.id, items });
    expect(v2.version).toBe(2);
    const same = await t.admin.must('closing.saveTemplate', { branchId: t.branch.id, items });
    expect(same.version).toBe(2);
    const reopened = await t.officer.must('closing.get', { runId: run.id });
    expect(reopened.items[0]!.label).toBe(run.items[0]!.label);
    expect(reopened.template.version).toBe(1);
    await t.officer.must('closing.abandon', { runId: run.id, reason: 'Started on the wrong evening.' });
    const next = await t.officer.must('closing.start', { branchId: t.branch.id });
    expect(next.id).not.toBe(run.id);
    expect(next).toMatchObject({
      template: { version: 2 },
      items: expect.arrayContaining([
        expect.objectContaining({ label: 'Every stall, shower and changing room', id: run.items[0]!.id }),
      ]),
    });
    const history = await t.admin.must('closing.templateHistory', { branchId: t.branch.id });
    expect(history.map((h) => h.version)).toEqual([2, 1]);
  });

  it('refuses a checklist with no items, or two items of the same words in one zone, at the field', async () => {
    t = await dutyDesk(new ManualClock(Date.parse(MONDAY_1940)));
    const empty = await t.admin.call('closing.saveTemplate', { branchId: t.branch.id, items: [] });
    expect(empty).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { items: 'A checklist needs at least one item' } },
    });
    const lobby = t.zone('Lobby');
    const twice = await t.admin.call('closing.saveTemplate', {
      branchId: t.branch.id,
      items: [
        { zoneId: lobby, label: 'Doors locked', kind: 'check' },
        { zoneId: t.zone('Restrooms'), label: 'Doors locked', kind: 'check' },
        { zoneId: lobby, label: 'doors locked', kind: 'yesno' },
      ],
    });
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'items.2.label': expect.stringMatching(/Item 1 in this zone/) } },
    });
    const foreign = await t.admin.must('branches.add', {
      name: 'North',
      code: 'NORTH',
      address: '',
      timeZone: 'America/Chicago',
    });
    const withZone = await t.admin.must('zones.add', {
      branchId: foreign.id,
      name: 'Stacks',
      kind: 'interior',
      floor: '',
    });
    const elsewhere = await t.admin.call('closing.saveTemplate', {
      branchId: t.branch.id,
      items: [{ zoneId: withZone.zones[0]!.id, label: 'Aisles walked', kind: 'check' }],
    });
    expect(elsewhere).toMatchObject({
      ok: false,
      error: { fields: { 'items.0.zoneId': 'Not a zone of Main Library' } },
    });
    const officer = await t.officer.call('closing.saveTemplate', {
      branchId: t.branch.id,
      items: [{ zoneId: null, label: 'Alarm set', kind: 'check' }],
    });
    expect(officer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('closing exceptions', () => {
  it('times an unattended child against the policy, alerts when the police are due, and holds the sign-off until resolved', async () => {
    const { t, run } = await start('2026-12-01T02:00:00.000Z'); // 20:00, closing time
    const opened = await t.officer.must('closing.openException', {
      runId: run.id,
      kind: 'child',
      zoneId: t.zone("Children's Room"),
      description: 'Boy about 8, red coat, waiting by the picture books.',
    });
    const child = opened.exceptions[0]!;
    expect(child).toMatchObject({ escalateMinutes: 45, escalateAt: '2026-12-01T02:45:00.000Z', resolvedAt: null });
    await t.officer.must('closing.recordStep', {
      exceptionId: child.id,
      step: 'guardianCalled',
      note: 'Mother’s mobile, voicemail.',
    });
    const twice = await t.other.call('closing.recordStep', { exceptionId: child.id, step: 'guardianCalled' });
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: /already recorded by Test olu at 20:00/ },
    });
    const wrongStep = await t.officer.call('closing.recordStep', { exceptionId: child.id, step: 'alarmRearmed' });
    expect(wrongStep).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    t.advance(44 * 60_000);
    let alerts = await t.officer.must('alerts.list', {});
    expect(alerts).toContainEqual(
      expect.objectContaining({
        kind: 'closing.exception',
        title: 'Unattended child at closing',
        detail: 'Police at 20:45 by the policy.',
      }),
    );
    t.advance(60_000);
    alerts = await t.officer.must('alerts.list', {});
    expect(alerts).toContainEqual(
      expect.objectContaining({
        kind: 'closing.escalate',
        level: 'urgent',
        title: 'Call the police: unattended child at closing',
        work: { tab: 'closing', recordId: run.id },
      }),
    );

    for (const item of run.items) {
      await t.officer.must('closing.answer', {
        runId: run.id,
        branchId: t.branch.id,
        itemId: item.id,
        value: fine(item),
      });
    }
    const held = await t.officer.call('closing.sign', { runId: run.id });
    expect(held).toMatchObject({ ok: false, error: { message: /unattended child is not resolved/ } });
    await t.officer.must('closing.recordStep', { exceptionId: child.id, step: 'guardianArrived' });
    alerts = await t.officer.must('alerts.list', {});
    expect(alerts.some((a) => a.kind.startsWith('closing.escalate') || a.kind === 'closing.exception')).toBe(false);
    const signed = await t.officer.must('closing.sign', { runId: run.id });
    expect(signed.exceptions[0]).toMatchObject({ resolvedAt: '2026-12-01T02:45:00.000Z', escalateAt: null });

    // After the sign-off, a re-entry can still be recorded; the alarm alert stays until it is re-armed.
    t.advance(30 * 60_000);
    const late = await t.officer.call('closing.openException', {
      runId: run.id,
      kind: 'inside',
      who: 'A cleaner',
      where: 'Lobby',
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: /only an after-hours re-entry/ } });
    const noWhy = await t.officer.call('closing.openException', {
      runId: run.id,
      kind: 'reentry',
      who: 'Pat, branch manager',
    });
    expect(noWhy).toMatchObject({ ok: false, error: { fields: { why: 'Say why they came back in' } } });
    const reentry = await t.officer.must('closing.openException', {
      runId: run.id,
      kind: 'reentry',
      who: 'Pat, branch manager',
      why: 'Forgot laptop',
    });
    const reentryId = reentry.exceptions.find((e) => e.kind === 'reentry')!.id;
    expect((await t.officer.must('alerts.list', {})).map((a) => a.kind)).toContain('closing.reentry');
    await t.officer.must('closing.recordStep', { exceptionId: reentryId, step: 'alarmRearmed' });
    expect((await t.officer.must('alerts.list', {})).map((a) => a.kind)).not.toContain('closing.reentry');
    // The child's description is patron data: opening the run leaves a trace in the audit log.
    await t.other.must('closing.get', { runId: run.id });
    const audit = await t.admin.must('audit.list', { limit: 100 });
    expect(audit.entries).toContainEqual(
      expect.objectContaining({ subject: 'closing.run', recordId: run.id, staffName: 'Test kim' }),
    );
  });

  it('starts a refusal’s countdown from when the patron was asked', async () => {
    const { t, run } = await start('2026-12-01T02:05:00.000Z');
    const r = await t.officer.must('closing.openException', {
      runId: run.id,
      kind: 'refusal',
      beganAt: '2026-12-01T02:02:00.000Z',
      zoneId: t.zone('Lobby'),
    });
    expect(r.exceptions[0]).toMatchObject({
      steps: [expect.objectContaining({ step: 'askedToLeave', at: '2026-12-01T02:02:00.000Z' })],
      escalateAt: '2026-12-01T02:17:00.000Z',
    });
    const future = await t.officer.call('closing.openException', {
      runId: run.id,
      kind: 'refusal',
      beganAt: '2026-12-01T03:00:00.000Z',
    });
    expect(future).toMatchObject({ ok: false, error: { fields: { beganAt: 'In the future' } } });
  });
});
