import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { pdfText, shiftDesk, type ShiftDesk } from '../../../test/helpers/shift';
import { forTheFile } from '../../../test/helpers/disclose';

let t: ShiftDesk | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const monday = (hhmm: string) => `2026-11-30T${hhmm}:00.000-06:00`;
const MIN = 60_000;

/** An evening at Main Library: a shift, a call answered, a report filed, messages, a referral, a pass-on note. */
async function evening(d: ShiftDesk) {
  const shift = await d.officer.must('shifts.start', { branchId: d.branch.id });
  d.advance(20 * MIN);
  const call = await d.call(d.officer, { nature: 'medical' });
  d.advance(2 * MIN);
  await d.officer.must('calls.step', {
    id: call.id,
    step: 'responding',
    responders: [{ staffId: d.ids.other, name: 'Test kim' }],
  });
  d.advance(10 * MIN);
  const incident = await d.file(d.officer, 'Patron fainted near the printers; recovered');
  await d.entry(d.officer, {
    kind: 'voicemail',
    fromName: 'Ms. Lee',
    text: 'Asks whether her umbrella was found',
    callbackNumber: '608-555-0134',
    callbackNeeded: true,
  });
  await d.entry(d.officer, { kind: 'pass-on', text: 'The east door sticks: push it firmly.' });
  const shelter = await d.admin.must('resources.save', {
    name: 'Harbor House Shelter',
    kind: 'shelter',
    phone: '608-555-0100',
  });
  const line = await d.admin.must('resources.save', { name: 'County Crisis Line', kind: 'crisis-line', phone: '988' });
  await d.officer.must('resources.referralCard', { resourceIds: [shelter.id, line.id], branchId: d.branch.id });
  d.advance(60 * MIN);
  return { shift, call, incident };
}

describe('the daily activity report', () => {
  it('holds the shift’s staff, calls with response times, incidents, messages, referrals and pass-on notes', async () => {
    t = await shiftDesk(new ManualClock(Date.parse(monday('16:00'))));
    const { shift, incident } = await evening(t);
    const report = await t.officer.must('activity.generate', { scope: 'shift', shiftId: shift.id });
    expect(report).toMatchObject({
      scope: 'shift',
      shiftId: shift.id,
      branchName: 'Main Library',
      date: '2026-11-30',
      from: '2026-11-30T22:00:00.000Z',
      to: '2026-11-30T23:32:00.000Z',
      title: 'Shift report: Test olu at Main Library, Mon 30 Nov 2026',
      sends: [],
    });
    expect(report.fileName).toBe('Shift-activity-MAIN-2026-11-30-Test.pdf');

    // The email's body: counts and numbers, no caller's name and no narrative.
    expect(report.summary).toContain('Staff on shift: Test olu');
    expect(report.summary).toContain(`Incidents: 1 (${incident.number})`);
    expect(report.summary).toContain('Staff calls: 1, 1 still open; median time to a responder 2 min 00 s');
    expect(report.summary).toContain('Referrals to community services: 2 (crisis line 1, shelter 1)');
    expect(report.summary).toContain('Shift log: 2 entries, 1 note passed on (1 not yet read)');
    expect(report.summary).toContain('Callbacks still to make: 1');
    expect(report.summary).not.toContain('Ms. Lee');
    expect(report.summary).not.toContain('umbrella');

    const text = pdfText(await t.officer.must('activity.pdf', { id: report.id, disclose: forTheFile }));
    for (const words of [
      'SHIFT ACTIVITY REPORT',
      'Main Library',
      'SHIFTS (1)',
      'Test olu',
      'INCIDENTS (1)',
      incident.number,
      'Patron fainted near the printers; recovered',
      'STAFF CALLS (1)',
      'responder after 2 min',
      'REFERRALS TO COMMUNITY SERVICES (2)',
      'SHIFT LOG (2)',
      'From Ms. Lee',
      'CALLBACK STILL TO MAKE',
      'Not acknowledged yet',
      'The east door sticks: push it firmly.',
      'RECORD INTEGRITY',
    ]) {
      expect(text).toContain(words);
    }
  });

  it('reports a day at a branch, refuses a day still to come, and keeps each report as it was made', async () => {
    t = await shiftDesk(new ManualClock(Date.parse(monday('16:00'))));
    await evening(t);
    const day = await t.officer.must('activity.generate', { scope: 'day', branchId: t.branch.id, date: '2026-11-30' });
    expect(day.title).toBe('Daily activity report: Main Library, Mon 30 Nov 2026');
    expect(day.from).toBe('2026-11-30T06:00:00.000Z');
    expect(day.to).toBe('2026-12-01T06:00:00.000Z');
    const text = pdfText(await t.officer.must('activity.pdf', { id: day.id, disclose: forTheFile }));
    expect(text).toContain('DAILY ACTIVITY REPORT');
    expect(text).toContain('CLOSING');
    expect(
      await t.officer.call('activity.generate', { scope: 'day', branchId: t.branch.id, date: '2026-12-01' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'That day has not come yet: choose today or an earlier day.' },
    });
    // A later entry changes the next report, never the one kept.
    const before = await t.officer.must('activity.pdf', { id: day.id, disclose: forTheFile });
    await t.entry(t.officer, { text: 'Late note' });
    expect((await t.officer.must('activity.pdf', { id: day.id, disclose: forTheFile })).sha256).toBe(before.sha256);
    expect((await t.officer.must('activity.list', {})).map((r) => r.id)).toEqual([day.id]);
    // Making the report and each opening of it are audited reads.
    t.desk.services.flushAudit();
    const audited = t
      .db()
      .prepare<[string], { n: number }>(
        "SELECT count(*) AS n FROM audit WHERE record_id = ? AND subject = 'activity.report'",
      )
      .get(day.id)!.n;
    expect(audited).toBe(4);
  });
});
