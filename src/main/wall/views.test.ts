import { afterEach, describe, expect, it } from 'vitest';
import { cameraDesk, lobbyCamera } from '../../../test/helpers/cameras';
import type { TestDesk } from '../../../test/helpers/services';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

async function setup() {
  const d = await cameraDesk();
  desk = d.desk;
  const a = await d.admin.must('cameras.add', lobbyCamera(d, { name: 'A' }));
  const b = await d.admin.must('cameras.add', lobbyCamera(d, { name: 'B' }));
  return { ...d, a, b };
}

describe('wall views', () => {
  it('saves, replaces and removes my views, without journaling them', async () => {
    const d = await setup();
    const journal = await d.admin.must('journal.verify', {});
    const view = await d.admin.must('views.save', { name: 'Doors', layout: 4, slots: [d.a.id, null, d.b.id, null] });
    expect(view).toMatchObject({ name: 'Doors', layout: 4, slots: [d.a.id, null, d.b.id, null] });
    const replaced = await d.admin.must('views.save', { id: view.id, name: 'Front', layout: 1, slots: [d.b.id] });
    expect(replaced).toEqual({ id: view.id, name: 'Front', layout: 1, slots: [d.b.id] });
    expect(await d.admin.must('views.list', {})).toEqual([replaced]);
    expect(await d.admin.must('views.remove', { id: view.id })).toEqual({ removed: true });
    expect(await d.admin.must('views.list', {})).toEqual([]);
    expect(await d.admin.call('views.remove', { id: view.id })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await d.admin.must('journal.verify', {})).toEqual(journal);
  });

  it('refuses a slot count that does not match the layout, unknown cameras and a taken name', async () => {
    const d = await setup();
    expect(await d.admin.call('views.save', { name: 'V', layout: 4, slots: [d.a.id] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { slots: 'Expected 4 slots' } },
    });
    await d.admin.must('cameras.remove', { id: d.b.id });
    expect(
      await d.admin.call('views.save', { name: 'V', layout: 4, slots: [d.a.id, d.b.id, null, null] }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'slots.1': expect.any(String) } } });
    await d.admin.must('views.save', { name: 'Night', layout: 1, slots: [d.a.id] });
    expect(await d.admin.call('views.save', { name: 'NIGHT', layout: 1, slots: [null] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { name: 'This name is taken' } },
    });
  });

  it('empties the slot of a camera removed after the view was saved', async () => {
    const d = await setup();
    await d.admin.must('views.save', { name: 'V', layout: 1, slots: [d.b.id] });
    await d.admin.must('cameras.remove', { id: d.b.id });
    expect(await d.admin.must('views.list', {})).toEqual([expect.objectContaining({ slots: [null] })]);
  });

  it('keeps each person’s views to themselves: no seeing, replacing or removing another’s', async () => {
    const d = await setup();
    const mine = await d.admin.must('views.save', { name: 'Doors', layout: 1, slots: [d.a.id] });
    const officer = await d.officer();
    expect(await officer.must('views.list', {})).toEqual([]);
    expect(await officer.call('views.save', { id: mine.id, name: 'Hijack', layout: 1, slots: [null] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await officer.call('views.remove', { id: mine.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // The same name is free for someone else.
    await officer.must('views.save', { name: 'Doors', layout: 1, slots: [d.b.id] });
    expect(await d.admin.must('views.list', {})).toEqual([mine]);
  });
});
