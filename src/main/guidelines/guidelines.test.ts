import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentDesk, type IncidentDesk } from '../../../test/helpers/incidents';
import { defaultGuidelines } from './guidelines.service';

let t: IncidentDesk;
beforeAll(async () => {
  t = await incidentDesk();
});
afterAll(() => t.close());

describe('behavior guidelines', () => {
  it('loads the default set once, every rule at version 1', async () => {
    expect(defaultGuidelines.length).toBeGreaterThanOrEqual(20);
    expect(t.rules.map((r) => r.code)).toEqual(defaultGuidelines.map((r) => r.code));
    expect(t.rules.every((r) => r.version === 1 && !r.retired)).toBe(true);
  });

  it('versions an edit; a report keeps the wording it was filed under', async () => {
    const rule = t.rules.find((r) => r.code === 'B-13')!;
    const { id } = await t.file(t.officer, { ruleIds: [rule.id] });
    const edited = await t.admin.must('guidelines.update', {
      id: rule.id,
      code: 'b-13',
      title: 'Sleeping in public areas',
      description: 'Sleeping that blocks seating or aisles.',
      severity: 1,
    });
    expect(edited).toMatchObject({ code: 'B-13', version: 2, title: 'Sleeping in public areas' });
    const record = await t.officer.must('incidents.get', { id });
    expect(record.rules).toEqual([expect.objectContaining({ code: 'B-13', version: 1, title: rule.title })]);
    const history = await t.officer.must('guidelines.history', { id: rule.id });
    expect(history.map((v) => [v.version, v.title])).toEqual([
      [1, rule.title],
      [2, 'Sleeping in public areas'],
    ]);
    // A new report cites the new wording.
    const next = await t.file(t.officer, { ruleIds: [rule.id] });
    expect((await t.officer.must('incidents.get', { id: next.id })).rules[0]).toMatchObject({ version: 2 });
  });

  it('is edited by administrators only; codes stay unique; retired rules are not offered on new reports', async () => {
    const fields = { code: 'B-99', title: 'Test rule', description: 'For the test.', severity: 2 as const };
    expect(await t.supervisor.call('guidelines.add', fields)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const added = await t.admin.must('guidelines.add', fields);
    expect(await t.admin.call('guidelines.add', fields)).toMatchObject({
      error: { code: 'CONFLICT', fields: { code: 'This code is taken' } },
    });
    await t.admin.must('guidelines.setRetired', { id: added.id, retired: true });
    const draft = await t.officer.must('incidents.createDraft', { content: t.content({ ruleIds: [added.id] }) });
    expect(await t.officer.call('incidents.submit', { id: draft.id })).toMatchObject({
      error: { fields: { 'ruleIds.0': 'That rule is retired' } },
    });
    const kinds = t
      .db()
      .prepare<[string], { kind: string }>('SELECT kind FROM journal WHERE record_id = ? ORDER BY seq')
      .all(added.id)
      .map((e) => e.kind);
    expect(kinds).toEqual(['guideline.added', 'guideline.retired']);
  });
});
