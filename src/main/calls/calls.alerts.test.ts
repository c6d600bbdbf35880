import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callDesk, type CallDesk } from '../../../test/helpers/calls';

let t: CallDesk;
beforeAll(async () => {
  t = await callDesk('2026-11-30T19:00:00Z');
});
afterAll(() => t.close());

/**
 * The desk's alerts now. Moving a ManualClock tells nobody, so this saves the alert
 * settings unchanged: like any domain event at a desk, that makes the scheduler recompute.
 */
async function alertsNow() {
  const settings = await t.admin.must('calls.alertSettings', {});
  await t.admin.must('calls.updateAlertSettings', settings);
  return t.officer.must('alerts.list', {});
}

describe('open-call alerts', () => {
  it('raises an urgent alert when an urgent call has no responder after 2 minutes, and drops it once someone responds', async () => {
    const call = await t.call(t.officer, { priority: 'urgent', nature: 'medical' });
    await t.after(119);
    expect((await alertsNow()).filter((a) => a.kind === 'call.unanswered')).toEqual([]);
    await t.after(1);
    const [alert] = (await alertsNow()).filter((a) => a.kind === 'call.unanswered');
    expect(alert).toMatchObject({
      id: `call.unanswered:${call.id}`,
      level: 'urgent',
      branchId: t.branch.id,
      title: 'Urgent call, nobody responding: medical in Lobby',
      since: call.receivedAt,
      work: { tab: 'calls', recordId: call.id },
    });
    await t.officer.must('calls.step', {
      id: call.id,
      step: 'responding',
      responders: [{ staffId: t.ids.other, name: '' }],
    });
    expect((await alertsNow()).filter((a) => a.work.recordId === call.id)).toEqual([]);
  });

  it('waits as long as the administrator set, and warns of any call open too long', async () => {
    await t.at('2026-11-30T21:00:00Z');
    await t.admin.must('calls.updateAlertSettings', { urgentUnansweredMinutes: 5, openTooLongMinutes: 20 });
    const urgent = await t.call(t.officer, { priority: 'urgent' });
    const low = await t.call(t.officer, { priority: 'low' });
    await t.after(180);
    expect((await alertsNow()).filter((a) => a.work.recordId === urgent.id)).toEqual([]);
    await t.after(120);
    expect((await alertsNow()).find((a) => a.work.recordId === urgent.id)).toMatchObject({ level: 'urgent' });
    await t.after(15 * 60);
    const warned = (await alertsNow()).find((a) => a.work.recordId === low.id);
    expect(warned).toMatchObject({
      id: `call.open:${low.id}`,
      level: 'warning',
      title: 'Call still open: disturbance in Lobby',
      detail: 'Nobody is responding yet',
    });
    // An urgent call shows once, as the urgent alert: not also as a warning.
    expect((await alertsNow()).filter((a) => a.work.recordId === urgent.id).map((a) => a.level)).toEqual(['urgent']);
    expect(
      await t.officer.call('calls.updateAlertSettings', { urgentUnansweredMinutes: 2, openTooLongMinutes: 30 }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
