import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { dutyDesk, type DutyDesk } from '../../../test/helpers/duties';

let t: DutyDesk | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** The closing alerts now, as a console gets them. */
async function closingAlerts(d: DutyDesk) {
  return (await d.officer.must('alerts.list', {})).filter((a) => a.kind.startsWith('closing.'));
}

/** Walks the clock over `minutes` local times (HH:MM on `date`, Chicago) and says what the desk is told at each. */
async function toldAt(d: DutyDesk, date: string, times: string[], offset: string) {
  const told: Record<string, string> = {};
  for (const time of times) {
    d.set(`${date}T${time}:00.000${offset}`);
    told[time] = (await closingAlerts(d)).map((a) => `${a.level}: ${a.title}`).join(' | ') || '—';
  }
  return told;
}

describe('closing reminders', () => {
  it('reminds at 15, 10 and 5 minutes before each weekday’s closing, then asks for the checklist', async () => {
    t = await dutyDesk(new ManualClock(Date.parse('2026-11-30T18:00:00Z')));
    // Monday: closes 20:00.
    expect(
      await toldAt(
        t,
        '2026-11-30',
        ['19:44', '19:45', '19:50', '19:54', '19:55', '19:59', '20:00', '20:29', '20:30'],
        '-06:00',
      ),
    ).toEqual({
      '19:44': '—',
      '19:45': 'warning: Announce: “The library closes in 15 minutes”',
      '19:50': 'warning: Announce: “The library closes in 10 minutes”',
      '19:54': 'warning: Announce: “The library closes in 10 minutes”',
      '19:55': 'warning: Announce: “The library closes in 5 minutes”',
      '19:59': 'warning: Announce: “The library closes in 5 minutes”',
      '20:00': 'warning: Closing time: start the checklist',
      '20:29': 'warning: Closing time: start the checklist',
      '20:30': 'urgent: Building clear not signed',
    });
    t.set('2026-11-30T19:51:00.000-06:00');
    const [soon] = await closingAlerts(t);
    expect(soon).toMatchObject({
      since: '2026-12-01T01:50:00.000Z',
      detail: expect.stringMatching(/^Closes 20:00\. Say: “The library will close in 10 minutes/),
    });
    // Sunday: closes 17:00.
    expect(await toldAt(t, '2026-12-06', ['16:44', '16:45', '16:55', '17:00'], '-06:00')).toEqual({
      '16:44': '—',
      '16:45': 'warning: Announce: “The library closes in 15 minutes”',
      '16:55': 'warning: Announce: “The library closes in 5 minutes”',
      '17:00': 'warning: Closing time: start the checklist',
    });
  });

  it('follows a holiday’s special hours and says nothing on a day the branch is closed', async () => {
    t = await dutyDesk(new ManualClock(Date.parse('2026-12-20T18:00:00Z')));
    await t.admin.must('branches.setSpecialDay', {
      branchId: t.branch.id,
      date: '2026-12-24',
      closed: false,
      opens: '09:00',
      closes: '15:00',
      note: 'Christmas Eve',
    });
    await t.admin.must('branches.setSpecialDay', {
      branchId: t.branch.id,
      date: '2026-12-25',
      closed: true,
      note: 'Christmas Day',
    });
    expect(await toldAt(t, '2026-12-24', ['14:44', '14:45', '14:55', '15:00', '19:45'], '-06:00')).toEqual({
      '14:44': '—',
      '14:45': 'warning: Announce: “The library closes in 15 minutes”',
      '14:55': 'warning: Announce: “The library closes in 5 minutes”',
      '15:00': 'warning: Closing time: start the checklist',
      // The evening the weekday would close: not a closing at all on Christmas Eve.
      '19:45': 'urgent: Building clear not signed',
    });
    expect(await toldAt(t, '2026-12-25', ['12:00', '19:45', '19:55', '20:00'], '-06:00')).toEqual({
      '12:00': '—',
      '19:45': '—',
      '19:55': '—',
      '20:00': '—',
    });
  });

  it('uses the branch’s own reminder minutes, and stops once the building is signed clear', async () => {
    t = await dutyDesk(new ManualClock(Date.parse('2026-11-30T18:00:00Z')));
    const policy = await t.admin.must('closing.savePolicy', {
      branchId: t.branch.id,
      reminderMinutes: [5, 30],
      childPoliceMinutes: 30,
      refusalPoliceMinutes: 10,
    });
    expect(policy.reminderMinutes).toEqual([30, 5]);
    expect(await toldAt(t, '2026-11-30', ['19:29', '19:30', '19:50', '19:55'], '-06:00')).toEqual({
      '19:29': '—',
      '19:30': 'warning: Announce: “The library closes in 30 minutes”',
      '19:50': 'warning: Announce: “The library closes in 30 minutes”',
      '19:55': 'warning: Announce: “The library closes in 5 minutes”',
    });
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
    await t.officer.must('closing.sign', { runId: run.id });
    expect(await toldAt(t, '2026-11-30', ['19:58', '20:00', '21:00'], '-06:00')).toEqual({
      '19:58': '—',
      '20:00': '—',
      '21:00': '—',
    });
    const bad = await t.admin.call('closing.savePolicy', {
      branchId: t.branch.id,
      reminderMinutes: [10, 10],
      childPoliceMinutes: 0,
      refusalPoliceMinutes: 10,
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        fields: { reminderMinutes: 'Each reminder once', childPoliceMinutes: expect.stringMatching(/at least 1/) },
      },
    });
  });
});

describe('opening hours', () => {
  it('refuses a closing time that is not a time, or hours that end before they start, at the field', async () => {
    t = await dutyDesk(new ManualClock());
    const notTime = await t.admin.call('branches.setWeeklyHours', {
      branchId: t.branch.id,
      weekly: [{ weekday: 1, opens: '09:00', closes: '8 pm' }],
    });
    expect(notTime).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'weekly.0.closes': expect.stringMatching(/HH:MM/) } },
    });
    const backwards = await t.admin.call('branches.setWeeklyHours', {
      branchId: t.branch.id,
      weekly: [{ weekday: 2, opens: '20:00', closes: '09:00' }],
    });
    expect(backwards).toMatchObject({
      ok: false,
      error: { fields: { 'weekly.0.closes': 'Closing must be later than opening on the same day' } },
    });
    const special = await t.admin.call('branches.setSpecialDay', {
      branchId: t.branch.id,
      date: '2026-02-30',
      closed: true,
    });
    expect(special).toMatchObject({ ok: false, error: { fields: { date: 'That date does not exist' } } });
    const noHours = await t.admin.call('branches.setSpecialDay', {
      branchId: t.branch.id,
      date: '2026-12-31',
      closed: false,
      opens: '9:00',
    });
    expect(noHours).toMatchObject({ ok: false, error: { fields: { closes: expect.stringMatching(/closing time/) } } });
    const set = await t.admin.must('branches.setWeeklyHours', {
      branchId: t.branch.id,
      weekly: [{ weekday: 3, opens: '9:30', closes: '17:00' }],
    });
    expect(set.hours.weekly).toEqual([{ weekday: 3, opens: '09:30', closes: '17:00' }]);
    const journal = await t.admin.must('journal.verify', {});
    expect(journal.ok).toBe(true);
  });
});
