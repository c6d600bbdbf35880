import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentDesk, type IncidentDesk } from '../../../test/helpers/incidents';

let t: IncidentDesk;
let id: string;
let vid: number;
beforeAll(async () => {
  t = await incidentDesk();
  ({ id } = await t.file(t.officer));
  await t.supervisor.must('incidents.review', { id, version: 1, decision: 'return', comment: 'Check the zone.' });
  vid = (t.db().prepare('SELECT current_version AS v FROM incidents WHERE id = ?').get(id) as { v: number }).v;
});
afterAll(() => t.close());

const NEVER_EDITED = /never edited|never deleted/;

describe('a submitted report cannot be edited', () => {
  it('refuses raw SQL on its text, identity, children and history', () => {
    const db = t.db();
    const attempts: [string, unknown[]][] = [
      ['UPDATE incident_versions SET narrative = ? WHERE vid = ?', ['rewritten', vid]],
      ['UPDATE incident_versions SET summary = summary WHERE vid = ?', [vid]],
      ['DELETE FROM incident_versions WHERE vid = ?', [vid]],
      ['UPDATE incidents SET number = ? WHERE id = ?', ['MAIN-1999-0001', id]],
      ['UPDATE incidents SET reporter_id = reporter_id WHERE id = ?', [id]],
      ['UPDATE incidents SET occurred_from = ? WHERE id = ?', ['2000-01-01T00:00:00.000Z', id]],
      ['UPDATE incidents SET severity = 3 WHERE id = ?', [id]],
      ['UPDATE incidents SET current_version = current_version + 100 WHERE id = ?', [id]],
      ['DELETE FROM incidents WHERE id = ?', [id]],
      ['UPDATE incident_persons SET name = ? WHERE vid = ?', ['someone else', vid]],
      ['DELETE FROM incident_persons WHERE vid = ?', [vid]],
      ['DELETE FROM incident_rules WHERE vid = ?', [vid]],
      [
        `INSERT INTO incident_persons (vid, ord, role, person_id, name, sex, age_estimate, height, build, hair, clothing, marks)
         VALUES (?, 9, 'witness', NULL, 'added later', 'unknown', '', '', '', '', '', '')`,
        [vid],
      ],
      ['UPDATE incident_reviews SET comment = ?', ['changed']],
    ];
    for (const [sql, args] of attempts) {
      expect(() => db.prepare(sql).run(...args), sql).toThrow(NEVER_EDITED);
    }
    // Status is the one thing that moves (through review), and it moves alone.
    expect(db.prepare("UPDATE incidents SET status = 'approved' WHERE id = ?").run(id).changes).toBe(1);
    db.prepare("UPDATE incidents SET status = 'returned' WHERE id = ?").run(id);
  });

  it('refuses every method that could write to it, and amendments leave version 1 as filed', async () => {
    expect(await t.officer.call('incidents.saveDraft', { id, revision: 1, content: { summary: 'x' } })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect(await t.officer.call('incidents.submit', { id })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await t.officer.call('incidents.discardDraft', { id })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const record = await t.officer.must('incidents.get', { id });
    expect(
      await t.officer.call('incidents.amend', {
        id,
        version: 1,
        reason: 'Move it',
        content: { ...record.content, branchId: t.ids.officer },
      }),
    ).toMatchObject({ error: { code: 'VALIDATION', fields: { branchId: expect.any(String) } } });
    await t.officer.must('incidents.amend', {
      id,
      version: 1,
      reason: 'Typo',
      content: { ...record.content, summary: 'Loud phone call in the lab' },
    });
    const v1 = t.db().prepare('SELECT summary FROM incident_versions WHERE vid = ?').get(vid);
    expect(v1).toEqual({ summary: 'Loud phone call in the lobby' });
    expect((await t.officer.must('incidents.get', { id })).content.summary).toBe('Loud phone call in the lab');
  });
});
