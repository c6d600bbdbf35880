import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callDesk, type CallDesk } from '../../../test/helpers/calls';

let t: CallDesk;
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

describe('logging and stepping a call', () => {
  it('logs a call in one step at main’s time, steps it to cleared, each step saying who and when', async () => {
    await t.at('2026-11-30T19:00:00Z');
    const call = await t.call(t.officer, { caller: { staffId: t.ids.supervisor, name: 'typed over' } });
    expect(call).toMatchObject({
      status: 'received',
      receivedAt: '2026-11-30T19:00:00.000Z',
      caller: { staffId: t.ids.supervisor, name: 'Test sam' },
      receivedBy: { id: t.ids.officer, name: 'Test olu' },
      zoneName: 'Lobby',
    });
    await t.after(45);
    const responding = await t.officer.must('calls.step', {
      id: call.id,
      step: 'responding',
      responders: [
        { staffId: t.ids.other, name: 'x' },
        { staffId: null, name: 'Pat from facilities' },
      ],
    });
    expect(responding).toMatchObject({
      status: 'responding',
      respondingAt: '2026-11-30T19:00:45.000Z',
      responders: [
        { staffId: t.ids.other, name: 'Test kim' },
        { staffId: null, name: 'Pat from facilities' },
      ],
    });
    await t.after(120);
    await t.other.must('calls.step', { id: call.id, step: 'on-scene' });
    await t.after(600);
    const cleared = await t.other.must('calls.step', {
      id: call.id,
      step: 'cleared',
      outcome: 'patron-left',
      note: 'Both patrons left by the main door.',
    });
    expect(cleared).toMatchObject({
      status: 'cleared',
      onSceneAt: '2026-11-30T19:02:45.000Z',
      clearedAt: '2026-11-30T19:12:45.000Z',
      outcome: 'patron-left',
      outcomeNote: 'Both patrons left by the main door.',
    });
    expect(cleared.steps.map((s) => [s.step, s.recordedBy.name])).toEqual([
      ['received', 'Test olu'],
      ['responding', 'Test olu'],
      ['on-scene', 'Test kim'],
      ['cleared', 'Test kim'],
    ]);
    expect(journalKinds(call.id)).toEqual(['call.received', 'call.stepped', 'call.stepped', 'call.stepped']);
    expect(await t.officer.must('calls.open', {})).not.toContainEqual(expect.objectContaining({ id: call.id }));
  });

  it('refuses steps out of order, in the future, or missing what they need, with a message that says why', async () => {
    await t.at('2026-11-30T20:00:00Z');
    const call = await t.call(t.officer);
    const refused = async (input: Parameters<typeof t.officer.call<'calls.step'>>[1]) => {
      const r = await t.officer.call('calls.step', input);
      if (r.ok) throw new Error('accepted');
      return r.error;
    };
    expect(await refused({ id: call.id, step: 'on-scene' })).toMatchObject({
      code: 'VALIDATION',
      message: 'Mark who is responding first: on scene comes after responding.',
    });
    expect(await refused({ id: call.id, step: 'cleared', outcome: 'resolved' })).toMatchObject({
      message: 'Nobody is responding yet: mark who responded before clearing the call.',
    });
    expect(await refused({ id: call.id, step: 'responding', responders: [] })).toMatchObject({
      fields: { responders: 'Choose who is responding' },
    });
    const olu = [{ staffId: t.ids.officer, name: 'Olu' }];
    expect(
      await refused({ id: call.id, step: 'responding', responders: olu, at: '2026-11-30T20:10:00.000Z' }),
    ).toMatchObject({ message: 'The time responding (14:10) is in the future.' });
    expect(
      await refused({ id: call.id, step: 'responding', responders: olu, at: '2026-11-30T19:59:00.000Z' }),
    ).toMatchObject({ message: 'Responding (13:59) cannot be before received (14:00).' });
    await t.officer.must('calls.step', { id: call.id, step: 'responding', responders: olu });
    expect(await refused({ id: call.id, step: 'cleared' })).toMatchObject({
      fields: { outcome: 'Choose the outcome' },
    });
    // Nothing refused was written: received and responding only.
    expect((await t.officer.must('calls.get', { id: call.id })).steps.map((s) => s.step)).toEqual([
      'received',
      'responding',
    ]);
  });

  it('lets one of two consoles stepping at once win, and tells the other who did it; nothing is counted twice', async () => {
    await t.at('2026-11-30T21:00:00Z');
    const call = await t.call(t.officer, { priority: 'urgent' });
    await t.after(30);
    const [a, b] = await Promise.all([
      t.officer.call('calls.step', {
        id: call.id,
        step: 'responding',
        responders: [{ staffId: t.ids.officer, name: '' }],
      }),
      t.other.call('calls.step', { id: call.id, step: 'responding', responders: [{ staffId: t.ids.other, name: '' }] }),
    ]);
    const [won, lost] = a.ok ? [a, b] : [b, a];
    expect(won.ok).toBe(true);
    expect(lost).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringMatching(/^Already marked responding by Test (olu|kim) at 15:00/),
      },
    });
    const steps = (await t.supervisor.must('calls.get', { id: call.id })).steps;
    expect(steps.filter((s) => s.step === 'responding')).toHaveLength(1);
    expect(journalKinds(call.id).filter((k) => k === 'call.stepped')).toHaveLength(1);
  });
});

describe('corrections', () => {
  it('corrects a step with a reason, keeps the original, journals it, and refuses a stale or reasonless one', async () => {
    await t.at('2026-11-30T22:00:00Z');
    const call = await t.call(t.officer);
    await t.after(300);
    const stepped = await t.officer.must('calls.step', {
      id: call.id,
      step: 'responding',
      responders: [{ staffId: t.ids.other, name: '' }],
    });
    const original = stepped.steps.find((s) => s.step === 'responding')!;
    expect(
      await t.officer.call('calls.correctStep', {
        id: call.id,
        stepId: original.id,
        at: '2026-11-30T22:01:00.000Z',
        reason: '  ',
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { reason: 'Say why it is corrected' } } });
    const corrected = await t.supervisor.must('calls.correctStep', {
      id: call.id,
      stepId: original.id,
      at: '2026-11-30T22:01:00.000Z',
      reason: 'Kim was sent at 16:01 by radio; logged late.',
    });
    expect(corrected.respondingAt).toBe('2026-11-30T22:01:00.000Z');
    const records = corrected.steps.filter((s) => s.step === 'responding');
    expect(records).toMatchObject([
      { id: original.id, at: '2026-11-30T22:05:00.000Z', current: false },
      {
        corrects: original.id,
        at: '2026-11-30T22:01:00.000Z',
        current: true,
        reason: 'Kim was sent at 16:01 by radio; logged late.',
        recordedBy: { name: 'Test sam' },
      },
    ]);
    expect(journalKinds(call.id)).toContain('call.stepCorrected');
    // Someone still looking at the original is told it was corrected since.
    expect(
      await t.officer.call('calls.correctStep', { id: call.id, stepId: original.id, at: call.receivedAt, reason: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('by Test sam') } });
    // A correction must keep the order: responding before received is refused.
    expect(
      await t.officer.call('calls.correctStep', {
        id: call.id,
        stepId: records[1]!.id,
        at: '2026-11-30T21:59:00.000Z',
        reason: 'typo',
      }),
    ).toMatchObject({ ok: false, error: { message: 'Responding (15:59) cannot be before received (16:00).' } });
  });

  it('withdraws only the latest step, and a withdrawn step can be taken again', async () => {
    await t.at('2026-11-30T23:00:00Z');
    const call = await t.call(t.officer);
    await t.after(60);
    await t.officer.must('calls.step', {
      id: call.id,
      step: 'responding',
      responders: [{ staffId: null, name: 'Pat' }],
    });
    await t.after(60);
    const onScene = await t.officer.must('calls.step', { id: call.id, step: 'on-scene' });
    const responding = onScene.steps.find((s) => s.step === 'responding')!;
    expect(
      await t.officer.call('calls.correctStep', { id: call.id, stepId: responding.id, withdraw: true, reason: 'oops' }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Withdraw on scene first: only the latest step can be withdrawn.' },
    });
    const scene = onScene.steps.find((s) => s.step === 'on-scene')!;
    const withdrawn = await t.officer.must('calls.correctStep', {
      id: call.id,
      stepId: scene.id,
      withdraw: true,
      reason: 'Pressed O on the wrong call',
    });
    expect(withdrawn).toMatchObject({ status: 'responding', onSceneAt: null });
    await t.after(60);
    const again = await t.officer.must('calls.step', { id: call.id, step: 'on-scene' });
    expect(again).toMatchObject({ status: 'on-scene', onSceneAt: '2026-11-30T23:03:00.000Z' });
    expect(again.steps.filter((s) => s.step === 'on-scene').map((s) => s.at)).toEqual([
      '2026-11-30T23:02:00.000Z',
      null,
      '2026-11-30T23:03:00.000Z',
    ]);
  });

  it('corrects what the call was, on the revision it was read at', async () => {
    const call = await t.call(t.officer);
    const fixed = await t.supervisor.must('calls.correctDetails', {
      id: call.id,
      revision: call.revision,
      zoneId: t.zone('Computer Lab'),
      caller: call.caller,
      channel: 'radio',
      nature: 'medical',
      priority: 'urgent',
      detail: call.detail,
      reason: 'It was a fall in the computer lab, called in by radio.',
    });
    expect(fixed).toMatchObject({ zoneName: 'Computer Lab', priority: 'urgent', channel: 'radio' });
    expect(fixed.changes[0]!.changes.map((c) => c.field)).toEqual(['Zone', 'Channel', 'Nature', 'Priority']);
    expect(
      await t.officer.call('calls.correctDetails', {
        id: call.id,
        revision: call.revision,
        zoneId: null,
        caller: call.caller,
        channel: 'desk',
        nature: 'other',
        priority: 'low',
        detail: '',
        reason: 'stale',
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('agencies and reports', () => {
  it('records police called from a call, their arrival and case number, and refuses arrival before the call', async () => {
    await t.at('2026-12-01T01:00:00Z');
    const call = await t.call(t.officer, { priority: 'urgent' });
    await t.after(120);
    const withPolice = await t.officer.must('calls.recordAgency', {
      id: call.id,
      kind: 'police',
      name: 'City Police',
      calledAt: '2026-12-01T01:01:00.000Z',
      arrivedAt: null,
      caseNumber: '',
    });
    const agency = withPolice.agencies[0]!;
    expect(
      await t.officer.call('calls.recordAgency', {
        id: call.id,
        agencyId: agency.id,
        kind: 'police',
        name: 'City Police',
        calledAt: agency.calledAt,
        arrivedAt: '2026-12-01T01:00:30.000Z',
        caseNumber: '',
      }),
    ).toMatchObject({ ok: false, error: { fields: { arrivedAt: 'Before they were called' } } });
    await t.after(600);
    const arrived = await t.officer.must('calls.recordAgency', {
      id: call.id,
      agencyId: agency.id,
      kind: 'police',
      name: 'City Police',
      calledAt: agency.calledAt,
      arrivedAt: '2026-12-01T01:11:00.000Z',
      caseNumber: '26-014411',
    });
    expect(arrived.agencies).toEqual([
      expect.objectContaining({ arrivedAt: '2026-12-01T01:11:00.000Z', caseNumber: '26-014411' }),
    ]);
    expect(journalKinds(call.id)).toEqual(['call.received', 'call.agencyRecorded', 'call.agencyRecorded']);
  });

  it('starts a report carrying branch, zone, times, persons, police and notes over, and links the filed number', async () => {
    // A past evening: incidents check a report's times against the real clock, not main's.
    await t.at('2025-12-01T02:00:00Z');
    const call = await t.call(t.officer, { caller: { staffId: t.ids.supervisor, name: '' } });
    await t.after(60);
    await t.officer.must('calls.step', {
      id: call.id,
      step: 'responding',
      responders: [{ staffId: t.ids.officer, name: '' }],
    });
    await t.officer.must('calls.recordAgency', {
      id: call.id,
      kind: 'police',
      name: 'City Police',
      calledAt: '2025-12-01T02:01:00.000Z',
      arrivedAt: null,
      caseNumber: '26-0001',
    });
    await t.after(300);
    await t.officer.must('calls.step', {
      id: call.id,
      step: 'cleared',
      outcome: 'police-took-over',
      note: 'Escorted out.',
    });
    const { draftId, call: linked } = await t.officer.must('calls.reportIncident', { id: call.id });
    expect(linked.incidents).toMatchObject([{ incidentId: draftId, number: null, linkedBy: { name: 'Test olu' } }]);
    const draft = await t.officer.must('incidents.getDraft', { id: draftId });
    expect(draft.content).toMatchObject({
      branchId: t.branch.id,
      zoneId: t.zone('Lobby'),
      occurredFrom: '2025-12-01T02:00:00.000Z',
      occurredTo: '2025-12-01T02:06:00.000Z',
      summary: 'Disturbance: Two patrons arguing loudly by the printers',
      actions: 'Police took over. Escorted out.',
      persons: [
        { role: 'staff', name: 'Test sam' },
        { role: 'staff', name: 'Test olu' },
      ],
      police: { agency: 'City Police', calledAt: '2025-12-01T02:01:00.000Z', caseNumber: '26-0001' },
    });
    expect(draft.content.narrative).toContain('Staff call received at 20:00 from Test sam by phone, Lobby');
    // Filing the report puts its number on the call's link.
    await t.officer.must('incidents.saveDraft', {
      id: draftId,
      revision: draft.revision,
      content: { ...draft.content, ruleIds: [t.rules[0]!.id], severity: 2 },
    });
    const filed = await t.officer.must('incidents.submit', { id: draftId });
    const after = await t.officer.must('calls.get', { id: call.id });
    expect(after.incidents).toMatchObject([{ incidentId: draftId, number: filed.number }]);
    expect(await t.officer.must('calls.forIncident', { incidentId: draftId })).toMatchObject({
      id: call.id,
      incidentNumbers: [filed.number],
    });
  });
});

describe('history', () => {
  it('finds calls by words and filters, a page at a time, and audits a search that shows calls', async () => {
    await t.at('2026-12-02T01:00:00Z');
    await t.call(t.officer, { detail: 'Smell of smoke near the quixotic mural', nature: 'facility' });
    const found = await t.officer.must('calls.search', { text: 'QUIXOTIC smoke' });
    expect(found.items.map((c) => c.detail)).toEqual(['Smell of smoke near the quixotic mural']);
    expect((await t.officer.must('calls.search', { text: '100%_' })).items).toEqual([]);
    const facility = await t.officer.must('calls.search', { nature: 'facility' });
    expect(facility.items).toHaveLength(1);
    const page1 = await t.officer.must('calls.search', { limit: 2 });
    const page2 = await t.officer.must('calls.search', { limit: 2, cursor: page1.nextCursor! });
    expect(page2.items[0]!.receivedAt <= page1.items[1]!.receivedAt).toBe(true);
    expect(page2.items.map((c) => c.id)).not.toContain(page1.items[0]!.id);
    const audited = t
      .db()
      .prepare<[], { detail: string }>("SELECT detail FROM audit WHERE subject = 'calls.search'")
      .all();
    expect(audited.at(-1)!.detail).toContain('QUIXOTIC smoke');
  });
});
