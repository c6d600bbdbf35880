import { afterEach, describe, expect, it } from 'vitest';
import { deskWithAdmin, type TestDesk } from '../../../test/helpers/services';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

const MAIN = { name: 'Main Library', code: 'main', address: '800 Main St', timeZone: 'America/Chicago' };

describe('branches and zones', () => {
  it('adds, edits and retires branches and zones, journaling each change with the new state', async () => {
    const setup = await deskWithAdmin();
    desk = setup.desk;
    const { admin } = setup;
    const branch = await admin.must('branches.add', MAIN);
    expect(branch).toMatchObject({ code: 'MAIN', retired: false, zones: [] });
    const withZone = await admin.must('zones.add', {
      branchId: branch.id,
      name: 'Lobby',
      kind: 'interior',
      floor: '1',
    });
    const zone = withZone.zones[0]!;
    await admin.must('zones.update', { id: zone.id, name: 'Main Lobby', kind: 'interior', floor: '1' });
    await admin.must('zones.setRetired', { id: zone.id, retired: true });
    const edited = await admin.must('branches.update', { id: branch.id, ...MAIN, name: 'Central Library' });
    expect(edited).toMatchObject({ name: 'Central Library', zones: [{ name: 'Main Lobby', retired: true }] });
    await admin.must('branches.setRetired', { id: branch.id, retired: true });
    expect(await admin.must('journal.verify', {})).toEqual({ ok: true, entries: 7 }); // admin + 6 changes
  });

  it('refuses a duplicate code or zone name with a message at the field', async () => {
    const setup = await deskWithAdmin();
    desk = setup.desk;
    const { admin } = setup;
    const b = await admin.must('branches.add', MAIN);
    expect(await admin.call('branches.add', { ...MAIN, name: 'Other', code: 'MAIN' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { code: 'This code is taken' } },
    });
    await admin.must('zones.add', { branchId: b.id, name: 'Lobby', kind: 'interior', floor: '' });
    expect(await admin.call('zones.add', { branchId: b.id, name: 'LOBBY', kind: 'exterior', floor: '' })).toMatchObject(
      {
        ok: false,
        error: { code: 'CONFLICT' },
      },
    );
  });

  it('refuses bad input at its field and keeps text in any script exactly as typed', async () => {
    const setup = await deskWithAdmin();
    desk = setup.desk;
    const { admin } = setup;
    expect(await admin.call('branches.add', { ...MAIN, code: 'M' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { code: expect.any(String) } },
    });
    expect(await admin.call('branches.add', { ...MAIN, timeZone: 'Mars/Olympus' })).toMatchObject({
      ok: false,
      error: { fields: { timeZone: expect.stringMatching(/time zone/) } },
    });
    const name = `Tsev Qiv Ntawv — مكتبة 📚 '); DROP TABLE branches;-- <script>alert(1)</script>`;
    const b = await admin.must('branches.add', { ...MAIN, name, code: 'HMONG' });
    expect((await admin.must('branches.list', {})).find((x) => x.id === b.id)?.name).toBe(name);
  });

  it('tells signed-in consoles that branches changed', async () => {
    const setup = await deskWithAdmin();
    desk = setup.desk;
    await setup.admin.must('branches.add', MAIN);
    expect(setup.admin.events.some((e) => e.event === 'branches.changed')).toBe(true);
  });
});
