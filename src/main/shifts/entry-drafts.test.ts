import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { shiftDesk, type ShiftDesk } from '../../../test/helpers/shift';

let t: ShiftDesk | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const monday = (hhmm: string) => `2026-11-30T${hhmm}:00.000-06:00`;
const TYPED = {
  kind: 'voicemail' as const,
  text: 'Left her glasses in the study room',
  fromName: 'Ms. Lee',
  callbackNumber: '608-555',
  callbackNeeded: true,
  links: [],
};

describe('the log entry being written (kept in main per person)', () => {
  it('is saved, read back on any console, private to its writer, and cleared when the entry is added', async () => {
    t = await shiftDesk(new ManualClock(Date.parse(monday('17:00'))));
    expect(await t.officer.must('shifts.draft', {})).toBeNull();
    const first = await t.officer.must('shifts.saveDraft', { revision: 0, content: TYPED });
    expect(first).toEqual({ revision: 1, updatedAt: '2026-11-30T23:00:00.000Z' });
    t.advance(2_000);
    const second = await t.officer.must('shifts.saveDraft', {
      revision: 1,
      content: { ...TYPED, callbackNumber: '608-555-0134' },
    });
    expect(second.revision).toBe(2);

    // Another console of the same person (a reload, a lock, another desk) finds it where it was left.
    const again = t.desk.console();
    await again.must('auth.signIn', { username: 'olu', passphrase: 'a long test passphrase' });
    expect(await again.must('shifts.draft', {})).toEqual({
      revision: 2,
      updatedAt: '2026-11-30T23:00:02.000Z',
      content: { ...TYPED, callbackNumber: '608-555-0134' },
      links: [],
    });
    // Someone else sees only their own (none), and cannot overwrite or discard it.
    expect(await t.other.must('shifts.draft', {})).toBeNull();
    expect(await t.other.call('shifts.saveDraft', { revision: 2, content: TYPED })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await t.other.must('shifts.discardDraft', {})).toEqual({ discarded: false });
    expect((await t.officer.must('shifts.draft', {}))?.revision).toBe(2);

    // A stale console's save is refused, not written over the newer one.
    expect(await t.officer.call('shifts.saveDraft', { revision: 1, content: TYPED })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await t.officer.call('shifts.saveDraft', { revision: 0, content: TYPED })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    // Adding the entry clears it; nothing of it went into the journal.
    await t.entry(t.officer, { ...TYPED, callbackNumber: '608-555-0134' });
    expect(await t.officer.must('shifts.draft', {})).toBeNull();
    const journaled = t
      .db()
      .prepare<[], { n: number }>(
        "SELECT count(*) AS n FROM journal WHERE kind LIKE 'shift.%' AND kind <> 'shift.entryAdded'",
      )
      .get()!.n;
    expect(journaled).toBe(0);
  });

  it('names its links as the entry will, audits a person named, and can be thrown away', async () => {
    t = await shiftDesk(new ManualClock(Date.parse(monday('17:00'))));
    const report = await t.file(t.officer, 'Loud phone call in the lobby');
    const person = await t.officer.must('persons.add', { name: 'Jordan Example', sex: 'unknown' });
    await t.officer.must('shifts.saveDraft', {
      revision: 0,
      content: {
        ...TYPED,
        links: [
          { kind: 'incident', id: report.id },
          { kind: 'person', id: person.id },
        ],
      },
    });
    const draft = await t.officer.must('shifts.draft', {});
    expect(draft?.links).toEqual([
      { kind: 'incident', id: report.id, label: report.number },
      { kind: 'person', id: person.id, label: 'Jordan Example' },
    ]);
    const audited = t
      .db()
      .prepare<[], { recordId: string; detail: string }>(
        "SELECT record_id AS recordId, detail FROM audit WHERE subject = 'shifts.draft'",
      )
      .all();
    expect(audited).toEqual([
      { recordId: person.id, detail: `Reopened their unfinished log entry: it links a person (${person.id})` },
    ]);
    expect(await t.officer.must('shifts.discardDraft', {})).toEqual({ discarded: true });
    expect(await t.officer.must('shifts.draft', {})).toBeNull();
    // Once thrown away, a console still holding the old revision starts anew rather than resurrecting it silently.
    expect(await t.officer.call('shifts.saveDraft', { revision: 1, content: TYPED })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
