import { describe, expect, it } from 'vitest';
import { ADMIN, testDesk } from '../../../test/helpers/services';
import { createServices } from '../services';
import { tempDir } from '../../../test/helpers/temp-dir';

describe('the web shell’s test clock', () => {
  it('does not exist without --test-clock: answered as an unknown method', async () => {
    const desk = testDesk();
    const r = await desk.console().call('system.setTestClock', { advanceMs: 60_000 });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Unknown method.' } });
    expect(await desk.console().must('system.info', {})).toMatchObject({ testClock: false });
    await desk.close();
  });

  it('moves main’s clock forward and to a moment, tells consoles, and keeps ticking', async () => {
    const dir = tempDir();
    const services = createServices({
      dataDir: dir.path,
      demo: false,
      shell: 'web',
      version: 't',
      log: () => {},
      testClock: true,
    });
    const pushed: unknown[] = [];
    const session = services.sessions.open((event, payload) => pushed.push({ event, payload }));
    const before = Date.now();
    const moved = await services.dispatch(session, 'system.setTestClock', { advanceMs: 3_600_000 });
    const movedTo = moved.ok ? (moved.value as { now: string }).now : '';
    expect(Date.parse(movedTo) - before).toBeGreaterThanOrEqual(3_600_000);
    const at = await services.dispatch(session, 'system.setTestClock', { at: '2026-12-24T17:45:00.000Z' });
    expect(at).toMatchObject({ ok: true, value: { now: expect.stringMatching(/^2026-12-24T17:45:00/) } });
    const info = await services.dispatch(session, 'system.info', {});
    expect(info).toMatchObject({
      ok: true,
      value: { testClock: true, now: expect.stringMatching(/^2026-12-24T17:4/) },
    });
    await services.close();
    dir.remove();
    // Every console follows main's clock, signed in or not.
    expect(pushed).toContainEqual({
      event: 'clock.changed',
      payload: { now: expect.stringMatching(/^2026-12-24T17:45/) },
    });
  });

  it('is refused on a data folder holding a real desk’s records', async () => {
    const desk = testDesk();
    await desk.console().must('auth.createAdministrator', { ...ADMIN, confirmPassphrase: ADMIN.passphrase });
    const dataDir = desk.dataDir;
    await desk.services.close();
    const refused = createServices({
      dataDir,
      demo: false,
      shell: 'web',
      version: 't',
      log: () => {},
      testClock: true,
    });
    const info = await refused.dispatch(
      refused.sessions.open(() => {}),
      'system.info',
      {},
    );
    expect(info).toMatchObject({ ok: true, value: { state: 'failed', message: expect.stringMatching(/real desk/) } });
    await refused.close();
  });
});
