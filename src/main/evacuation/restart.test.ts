import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { ADMIN, testDesk } from '../../../test/helpers/services';
import { tempDir } from '../../../test/helpers/temp-dir';

describe('an evacuation across a restart', () => {
  it('comes back running after the app restarts mid-evacuation, with its sweeps, alert and open call', async () => {
    const dir = tempDir();
    const clock = new ManualClock(Date.parse('2026-11-30T19:00:00Z'));
    const first = testDesk({ dataDir: dir.path, clock });
    const admin = first.console();
    await admin.must('auth.createAdministrator', { ...ADMIN, confirmPassphrase: ADMIN.passphrase });
    const added = await admin.must('branches.add', {
      name: 'North Branch',
      code: 'NORTH',
      address: '',
      timeZone: 'America/Chicago',
    });
    const branch = await admin.must('zones.add', { branchId: added.id, name: 'Stacks', kind: 'interior', floor: '1' });
    const zoneId = branch.zones[0]!.id;
    const started = await admin.must('evacuations.start', {
      branchId: branch.id,
      kind: 'fire-alarm',
      description: 'Alarm panel: smoke detector, 2nd floor',
    });
    clock.advance(70_000);
    await admin.must('evacuations.record', {
      id: started.id,
      entry: { kind: 'sweep', zoneId, result: 'clear', by: 'Kim' },
    });
    const call = await admin.must('calls.create', {
      branchId: branch.id,
      zoneId,
      caller: { staffId: null, name: 'Kim on the radio' },
      channel: 'radio',
      nature: 'medical',
      priority: 'urgent',
      detail: 'Patron fainted at the assembly point',
    });
    await first.services.close();

    clock.advance(30_000);
    const second = testDesk({ dataDir: dir.path, clock });
    try {
      // Before anyone signs in, the screen already knows (the banner on the sign-in screen).
      const screen = second.console();
      expect(await screen.must('evacuations.running', {})).toEqual([
        expect.objectContaining({ id: started.id, branchName: 'North Branch', kind: 'fire-alarm', drill: false }),
      ]);
      await screen.must('auth.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      const record = await screen.must('evacuations.get', { id: started.id });
      expect(record).toMatchObject({
        running: true,
        startedAt: '2026-11-30T19:00:00.000Z',
        zones: [{ name: 'Stacks', state: 'clear', by: 'Kim', at: '2026-11-30T19:01:10.000Z' }],
      });
      expect((await screen.must('alerts.list', {}))[0]).toMatchObject({
        id: `evacuation:${started.id}`,
        title: 'EVACUATION running at North Branch: fire alarm',
        since: '2026-11-30T19:00:00.000Z',
      });
      expect(await screen.must('calls.open', {})).toEqual([
        expect.objectContaining({ id: call.id, status: 'received' }),
      ]);
      const ended = await screen.must('evacuations.allClear', { id: started.id, givenBy: 'Fire department' });
      expect(ended.allClear).toMatchObject({ at: '2026-11-30T19:01:40.000Z', unswept: [] });
      expect(await screen.must('journal.verify', {})).toMatchObject({ ok: true });
    } finally {
      await second.close();
      dir.remove();
    }
  });
});
