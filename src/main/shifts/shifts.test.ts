import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { shiftDesk, type ShiftDesk } from '../../../test/helpers/shift';

let t: ShiftDesk | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Monday 30 November 2026 at a Chicago wall time (CST, UTC−6). */
const monday = (hhmm: string) => `2026-11-30T${hhmm}:00.000-06:00`;
const MIN = 60_000;

const journalKinds = (d: ShiftDesk, recordId: string) =>
  d
    .db()
    .prepare<[string], { kind: string }>('SELECT kind FROM journal WHERE record_id = ? ORDER BY seq')
    .all(recordId)
    .map((r) => r.kind);

describe('shifts', () => {
  it('starts one shift per person at a branch or every branch, and names who is on since when', async () => {
    t = await shiftDesk(new ManualClock(Date.parse(monday('16:00'))));
    const mine = await t.officer.must('shifts.start', { branchId: t.branch.id });
    expect(mine).toMatchObject({
      branchName: 'Main Library',
      staff: { id: t.ids.officer, name: 'Test olu' },
      startedAt: '2026-11-30T22:00:00.000Z',
      endedAt: null,
    });
    // Pressing Start again (another console) gives the same shift back; another branch is refused, in words.
    expect((await t.officer.must('shifts.start', { branchId: t.branch.id })).id).toBe(mine.id);
    expect(await t.officer.call('shifts.start', { branchId: null })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'You are on shift at Main Library since 16:00: end that shift first.' },
    });
    t.advance(5 * MIN);
    const central = await t.other.must('shifts.start', { branchId: null });
    expect(central.branchName).toBe('All branches');
    const now = await t.other.must('shifts.now', {});
    expect(now.mine?.id).toBe(central.id);
    expect(now.onDuty.map((s) => s.staff.name)).toEqual(['Test olu', 'Test kim']);
    expect(journalKinds(t, mine.id)).toEqual(['shift.started']);
  });

  it('ends a shift with open calls, an unsigned closing and a callback waiting: told plainly, not blocked', async () => {
    t = await shiftDesk(new ManualClock(Date.parse(monday('16:00'))));
    const shift = await t.officer.must('shifts.start', { branchId: t.branch.id });
    await t.call(t.officer, { nature: 'medical' });
    t.advance(10 * MIN);
    await t.entry(t.officer, {
      kind: 'voicemail',
      fromName: 'Ms. Lee',
      text: 'Asks whether her umbrella was found',
      callbackNumber: '608-555-0134',
      callbackNeeded: true,
    });
    t.set(monday('20:30'));
    const check = await t.officer.must('shifts.endCheck', { shiftId: shift.id });
    expect(check.warnings).toEqual([
      '1 call is still open: Medical in Lobby at Main Library since 16:00. It stays on the Calls tab for the next person.',
      'Nobody has signed the building clear at Main Library tonight (closed at 20:00).',
      '1 callback is still to be made (voicemail of 16:10). It stays in the Callbacks list.',
    ]);
    // Another officer cannot end it; the person on shift can, and is told the same.
    expect(await t.other.call('shifts.end', { shiftId: shift.id })).toMatchObject({ ok: false });
    const ended = await t.officer.must('shifts.end', { shiftId: shift.id, note: 'Handed over to Kim' });
    expect(ended.warnings).toEqual(check.warnings);
    expect(ended.shift).toMatchObject({ endedAt: '2026-12-01T02:30:00.000Z', endedBy: { name: 'Test olu' } });
    expect(await t.officer.call('shifts.end', { shiftId: shift.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'This shift already ended at 20:30, by Test olu.' },
    });
    expect((await t.other.must('shifts.now', {})).previous?.id).toBe(shift.id);
    expect(journalKinds(t, shift.id)).toEqual(['shift.started', 'shift.ended']);
  });

  it('says nothing when all is done: calls cleared, the building signed clear', async () => {
    t = await shiftDesk(new ManualClock(Date.parse(monday('19:40'))));
    const shift = await t.officer.must('shifts.start', { branchId: t.branch.id });
    const run = await t.officer.must('closing.start', { branchId: t.branch.id });
    for (const item of run.items) {
      const value =
        item.kind === 'check'
          ? { kind: 'check' as const, ok: true }
          : item.kind === 'yesno'
            ? { kind: 'yesno' as const, answer: item.okAnswer }
            : item.kind === 'count'
              ? { kind: 'count' as const, count: item.expectedCount }
              : { kind: 'note' as const };
      await t.officer.must('closing.answer', { runId: run.id, branchId: t.branch.id, itemId: item.id, value });
    }
    t.set(monday('20:05'));
    await t.officer.must('closing.sign', { runId: run.id });
    expect((await t.officer.must('shifts.endCheck', { shiftId: shift.id })).warnings).toEqual([]);
  });
});

describe('the shift log', () => {
  it('logs a voicemail with a callback, refuses a number that is not one at the field, and marks it done once', async () => {
    t = await shiftDesk(new ManualClock(Date.parse(monday('17:00'))));
    await t.officer.must('shifts.start', { branchId: t.branch.id });
    const refused = async (over: Record<string, unknown>) => {
      const r = await t!.officer.call('shifts.addEntry', {
        branchId: t!.branch.id,
        kind: 'voicemail',
        text: 'Lost a library card',
        fromName: 'Sam Ortiz',
        ...over,
      });
      if (r.ok) throw new Error('accepted');
      return r.error;
    };
    expect(await refused({ callbackNumber: 'call me', callbackNeeded: true })).toMatchObject({
      code: 'VALIDATION',
      fields: { callbackNumber: 'A phone number uses digits, spaces, ( ) - . and + only, like 608-555-0134' },
    });
    expect(await refused({ callbackNumber: '555-01', callbackNeeded: true })).toMatchObject({
      fields: { callbackNumber: 'Too few digits for a phone number: give the whole number' },
    });
    expect(await refused({ callbackNeeded: true })).toMatchObject({
      fields: { callbackNumber: 'Give the number to call back' },
    });
    expect(await refused({ kind: 'note', callbackNumber: '608-555-0134', callbackNeeded: true })).toMatchObject({
      fields: { callbackNeeded: 'Only a phone call or voicemail has a callback' },
    });

    const vm = await t.entry(t.officer, {
      kind: 'voicemail',
      at: new Date(Date.parse(monday('16:40'))).toISOString(),
      fromName: 'Sam Ortiz',
      text: 'Lost a library card on Saturday',
      callbackNumber: '(608) 555-0134 ext. 12',
      callbackNeeded: true,
    });
    expect(vm).toMatchObject({ kind: 'voicemail', at: '2026-11-30T22:40:00.000Z', callback: null, current: true });
    expect((await t.other.must('shifts.callbacks', {})).map((e) => e.id)).toEqual([vm.id]);
    t.advance(20 * MIN);
    const done = await t.other.must('shifts.callbackDone', { id: vm.id, note: 'Card found at circulation' });
    expect(done.callback).toMatchObject({
      doneAt: '2026-11-30T23:20:00.000Z',
      doneBy: { name: 'Test kim' },
      note: 'Card found at circulation',
    });
    expect(await t.officer.call('shifts.callbackDone', { id: vm.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('already marked done by Test kim at 17:20') },
    });
    expect(await t.other.must('shifts.callbacks', {})).toEqual([]);
    expect(journalKinds(t, vm.id)).toEqual(['shift.entryAdded', 'shift.callbackDone']);
  });

  it('corrects an entry with a new record pointing at the old one, keeps both, and refuses a stale correction', async () => {
    t = await shiftDesk(new ManualClock(Date.parse(monday('17:00'))));
    const first = await t.entry(t.officer, { kind: 'phone', fromName: 'Facilities', text: 'Boiler check at 19:00' });
    const fields = { branchId: t.branch.id, kind: 'phone' as const, fromName: 'Facilities' };
    expect(
      await t.other.call('shifts.correctEntry', {
        id: first.id,
        ...fields,
        text: 'Boiler check at 19:00',
        reason: 'x',
      }),
    ).toMatchObject({ ok: false, error: { message: 'Nothing was changed: there is nothing to correct.' } });
    t.advance(MIN);
    const fixed = await t.other.must('shifts.correctEntry', {
      id: first.id,
      ...fields,
      text: 'Boiler check at 21:00',
      reason: 'Facilities called again: later',
    });
    expect(fixed).toMatchObject({ chainId: first.id, corrects: first.id, reason: 'Facilities called again: later' });
    expect(
      await t.officer.call('shifts.correctEntry', { id: first.id, ...fields, text: 'Boiler at 20:00', reason: 'y' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('corrected since, by Test kim at 17:01') },
    });
    const { chain } = await t.officer.must('shifts.entry', { id: fixed.id });
    expect(chain.map((e) => [e.text, e.current])).toEqual([
      ['Boiler check at 19:00', false],
      ['Boiler check at 21:00', true],
    ]);
    const gone = await t.officer.must('shifts.correctEntry', {
      id: fixed.id,
      ...fields,
      text: 'Boiler check at 21:00',
      withdraw: true,
      reason: 'Written in the wrong branch’s log',
    });
    expect(gone).toMatchObject({ withdrawn: true, text: 'Boiler check at 21:00' });
    expect(journalKinds(t, first.id)).toEqual(['shift.entryAdded', 'shift.entryCorrected', 'shift.entryCorrected']);
    // The records themselves cannot be changed behind the service's back.
    expect(() => t!.db().prepare("UPDATE shift_entries SET text = 'x' WHERE id = ?").run(first.id)).toThrow(
      /never edited/,
    );
    const log = await t.officer.must('shifts.log', { branchId: t.branch.id, date: '2026-11-30' });
    expect(log.entries.map((e) => e.id)).toEqual([gone.id, fixed.id, first.id]);
  });

  it('links an entry to a filed report, a call and a person, names them as they are now, and refuses an unknown one', async () => {
    t = await shiftDesk(new ManualClock(Date.parse(monday('17:00'))));
    const report = await t.file(t.officer, 'Loud phone call in the lobby');
    const call = await t.call(t.officer);
    const person = await t.officer.must('persons.add', { name: 'Jordan Example', sex: 'unknown' });
    const entry = await t.entry(t.officer, {
      text: 'Spoke with the patron again',
      links: [
        { kind: 'incident', id: report.id },
        { kind: 'call', id: call.id },
        { kind: 'person', id: person.id },
      ],
    });
    expect(entry.links).toEqual([
      { kind: 'call', id: call.id, label: 'Call of Mon 30 Nov 2026, 17:00: Disturbance in Lobby' },
      { kind: 'incident', id: report.id, label: report.number },
      { kind: 'person', id: person.id, label: 'Jordan Example' },
    ]);
    expect(
      await t.officer.call('shifts.addEntry', {
        branchId: t.branch.id,
        kind: 'note',
        text: 'x',
        links: [{ kind: 'incident', id: call.id }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { links: 'Unknown report' } } });
  });

  it('audits a read that shows someone’s name, once per person and set of entries in a quarter hour', async () => {
    t = await shiftDesk(new ManualClock(Date.parse(monday('17:00'))));
    const audits = () =>
      t!
        .db()
        .prepare<[], { subject: string; detail: string }>(
          "SELECT subject, detail FROM audit WHERE subject LIKE 'shifts.%' ORDER BY rowid",
        )
        .all();
    await t.entry(t.officer, { text: 'Quiet so far' });
    await t.officer.must('shifts.log', { branchId: t.branch.id, date: '2026-11-30' });
    expect(audits()).toEqual([]);
    const named = await t.entry(t.officer, { kind: 'phone', fromName: 'Ms. Lee', text: 'Asks about hours' });
    await t.officer.must('shifts.log', { branchId: t.branch.id, date: '2026-11-30' });
    await t.officer.must('shifts.log', { branchId: t.branch.id, date: '2026-11-30' });
    expect(audits()).toEqual([
      {
        subject: 'shifts.log',
        detail: `Read the shift log of Main Library for 2026-11-30: 1 entry names someone (${named.id})`,
      },
    ]);
    t.advance(16 * MIN);
    await t.officer.must('shifts.log', { branchId: t.branch.id, date: '2026-11-30' });
    expect(audits()).toHaveLength(2);
  });

  it('turns a callback not made after half an hour into a notice that names no caller', async () => {
    t = await shiftDesk(new ManualClock(Date.parse(monday('17:00'))));
    const vm = await t.entry(t.officer, {
      kind: 'voicemail',
      fromName: 'Ms. Lee',
      text: 'Umbrella',
      callbackNumber: '608-555-0134',
      callbackNeeded: true,
    });
    const alerts = async () => {
      // Moving a ManualClock tells nobody: a domain event makes the scheduler look again.
      await t!.entry(t!.other, { text: 'tick' });
      return (await t!.officer.must('alerts.list', {})).filter((a) => a.kind === 'shift.callback');
    };
    t.advance(29 * MIN);
    expect(await alerts()).toEqual([]);
    t.advance(MIN);
    expect(await alerts()).toEqual([
      {
        id: `shift.callback:${vm.chainId}`,
        kind: 'shift.callback',
        level: 'notice',
        branchId: t.branch.id,
        title: 'Callback waiting: voicemail at Main Library',
        detail: 'Since 17:00; the number is in the shift log',
        since: vm.at,
        work: { tab: 'shift', recordId: vm.chainId },
      },
    ]);
    await t.other.must('shifts.callbackDone', { id: vm.id });
    expect(await alerts()).toEqual([]);
  });
});

describe('notes passed on', () => {
  it('asks each next person to acknowledge each note, keeps who and when, and asks again after a correction', async () => {
    t = await shiftDesk(new ManualClock(Date.parse(monday('16:00'))));
    const shift = await t.officer.must('shifts.start', { branchId: t.branch.id });
    const note = await t.entry(t.officer, { kind: 'pass-on', text: 'East door sticks: push hard' });
    const other = await t.entry(t.officer, { kind: 'pass-on', text: 'Printer 2 out of toner' });
    await t.officer.must('shifts.end', { shiftId: shift.id });
    expect(await t.officer.must('shifts.passOn', {})).toEqual([]);
    expect((await t.other.must('shifts.now', {})).toAcknowledge).toBe(2);
    expect((await t.other.must('shifts.passOn', {})).map((e) => e.text)).toEqual([
      'East door sticks: push hard',
      'Printer 2 out of toner',
    ]);
    expect(await t.officer.call('shifts.acknowledge', { id: note.id })).toMatchObject({
      ok: false,
      error: { message: 'You wrote this note: the next person on the desk acknowledges it.' },
    });
    t.advance(5 * MIN);
    const read = await t.other.must('shifts.acknowledge', { id: note.id });
    expect(read.acknowledgements).toEqual([
      { staff: { id: t.ids.other, name: 'Test kim' }, at: '2026-11-30T22:05:00.000Z' },
    ]);
    // Twice (two consoles) is once.
    expect((await t.other.must('shifts.acknowledge', { id: note.id })).acknowledgements).toHaveLength(1);
    expect((await t.other.must('shifts.passOn', {})).map((e) => e.id)).toEqual([other.id]);
    expect((await t.admin.must('shifts.passOn', {})).map((e) => e.id)).toEqual([note.id, other.id]);

    // A corrected note is news again: the one who read the old words is asked to read the new.
    const corrected = await t.officer.must('shifts.correctEntry', {
      id: note.id,
      branchId: t.branch.id,
      kind: 'pass-on',
      text: 'East door sticks: push hard, then lift',
      reason: 'Facilities explained the trick',
    });
    expect(await t.admin.call('shifts.acknowledge', { id: note.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('corrected since it was shown') },
    });
    expect((await t.other.must('shifts.passOn', {})).map((e) => e.id)).toEqual([other.id, corrected.id]);
    expect(journalKinds(t, note.id)).toEqual(['shift.entryAdded', 'shift.passOnAcknowledged', 'shift.entryCorrected']);

    // A week later the handover is history: it no longer asks to be read.
    t.advance(7 * 24 * 60 * MIN + MIN);
    expect(await t.admin.must('shifts.passOn', {})).toEqual([]);
  });
});
