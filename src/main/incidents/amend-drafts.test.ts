import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentDesk, type IncidentDesk } from '../../../test/helpers/incidents';

let t: IncidentDesk;
beforeAll(async () => {
  t = await incidentDesk();
});
afterAll(() => t.close());

describe('amendments saved as they are typed', () => {
  it('keeps an amendment under way per report and person, then files it and forgets the saved copy', async () => {
    const filed = await t.file(t.officer);
    const record = await t.officer.must('incidents.get', { id: filed.id });
    expect(await t.officer.must('incidents.getAmendDraft', { id: filed.id })).toBeNull();
    const content = { ...record.content, actions: 'Verbal reminder, then asked to leave.' };
    const first = await t.officer.must('incidents.saveAmendDraft', {
      id: filed.id,
      baseVersion: 1,
      revision: 0,
      reason: 'Forgot the',
      content,
    });
    expect(first.revision).toBe(1);
    const second = await t.officer.must('incidents.saveAmendDraft', {
      id: filed.id,
      baseVersion: 1,
      revision: 1,
      reason: 'Forgot the second step',
      content,
    });
    expect(second.revision).toBe(2);
    // What a crash or a closed window finds again: the version it corrects and its text then, the reason, the changes.
    expect(await t.officer.must('incidents.getAmendDraft', { id: filed.id })).toMatchObject({
      incidentId: filed.id,
      baseVersion: 1,
      baseContent: { actions: record.content.actions },
      reason: 'Forgot the second step',
      content: { actions: 'Verbal reminder, then asked to leave.' },
      revision: 2,
    });
    // Another window saving on an old revision is refused, not overwritten.
    expect(
      await t.officer.call('incidents.saveAmendDraft', {
        id: filed.id,
        baseVersion: 1,
        revision: 1,
        reason: 'x',
        content,
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // It is the author's own: another officer sees none.
    expect(await t.other.must('incidents.getAmendDraft', { id: filed.id })).toBeNull();

    await t.officer.must('incidents.amend', { id: filed.id, version: 1, reason: 'Forgot the second step', content });
    expect(await t.officer.must('incidents.getAmendDraft', { id: filed.id })).toBeNull();
    // Drafts of amendments are not records: nothing journaled but the amendment itself.
    const kinds = t
      .db()
      .prepare<[string], { kind: string }>('SELECT kind FROM journal WHERE record_id = ? ORDER BY seq')
      .all(filed.id);
    expect(kinds.map((k) => k.kind)).toEqual(['incident.submitted', 'incident.amended']);
  });

  it('starts one only on the current version, only for whoever may amend, and discards on request', async () => {
    const filed = await t.file(t.officer);
    const { content } = await t.officer.must('incidents.get', { id: filed.id });
    expect(
      await t.other.call('incidents.saveAmendDraft', {
        id: filed.id,
        baseVersion: 1,
        revision: 0,
        reason: '',
        content,
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await t.officer.call('incidents.saveAmendDraft', {
        id: filed.id,
        baseVersion: 2,
        revision: 0,
        reason: '',
        content,
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/amended since/) } });
    await t.supervisor.must('incidents.saveAmendDraft', {
      id: filed.id,
      baseVersion: 1,
      revision: 0,
      reason: 'Typo',
      content,
    });
    expect(
      await t.supervisor.call('incidents.saveAmendDraft', {
        id: filed.id,
        baseVersion: 1,
        revision: 0,
        reason: 'x',
        content,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/already have an amendment/) },
    });
    expect(await t.supervisor.must('incidents.discardAmendDraft', { id: filed.id })).toEqual({ id: filed.id });
    expect(await t.supervisor.call('incidents.discardAmendDraft', { id: filed.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
