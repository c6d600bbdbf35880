import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentDesk, type IncidentDesk } from '../../../test/helpers/incidents';
import { INCIDENT_LIMITS } from '../../shared/contract/incidents';

let t: IncidentDesk;
beforeAll(async () => {
  t = await incidentDesk();
});
afterAll(() => t.close());

const year = () =>
  Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', year: 'numeric' }).format(new Date()));

describe('drafts', () => {
  it('autosaves, lists and discards my drafts, and keeps them private', async () => {
    const draft = await t.officer.must('incidents.createDraft', { content: { summary: 'Started' } });
    expect(draft).toMatchObject({ status: 'draft', revision: 1, content: { summary: 'Started', persons: [] } });
    const saved = await t.officer.must('incidents.saveDraft', {
      id: draft.id,
      revision: 1,
      content: t.content({ summary: 'Typed more' }),
    });
    expect(saved.revision).toBe(2);
    // A second window still on revision 1 cannot overwrite the newer text.
    expect(
      await t.officer.call('incidents.saveDraft', { id: draft.id, revision: 1, content: { summary: 'stale' } }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await t.officer.must('incidents.getDraft', { id: draft.id })).content.summary).toBe('Typed more');
    expect((await t.officer.must('incidents.listDrafts', {})).map((d) => d.id)).toContain(draft.id);
    // Someone else's draft does not exist for them.
    expect(await t.other.call('incidents.getDraft', { id: draft.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await t.other.call('incidents.submit', { id: draft.id })).toMatchObject({ ok: false });
    expect(await t.other.must('incidents.listDrafts', {})).toEqual([]);
    await t.officer.must('incidents.discardDraft', { id: draft.id });
    expect(await t.officer.call('incidents.getDraft', { id: draft.id })).toMatchObject({ ok: false });
  });

  it('keeps text past the limit in the draft, and refuses it at submit with a message at the field', async () => {
    const narrative = 'x'.repeat(INCIDENT_LIMITS.narrative + 1);
    const draft = await t.officer.must('incidents.createDraft', { content: t.content({ narrative }) });
    expect(await t.officer.call('incidents.submit', { id: draft.id })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { narrative: 'Narrative must be at most 20,000 characters' } },
    });
    expect((await t.officer.must('incidents.getDraft', { id: draft.id })).content.narrative).toBe(narrative);
  });
});

describe('submit', () => {
  it('refuses missing fields, end before start and future times at their fields; the draft is kept', async () => {
    const empty = await t.officer.must('incidents.createDraft', {});
    const r = await t.officer.call('incidents.submit', { id: empty.id });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: {
          branchId: 'Choose the branch',
          occurredFrom: 'Enter when it happened',
          severity: 'Choose a severity',
          summary: 'Summary is required',
          narrative: 'Narrative is required',
          ruleIds: 'Choose at least one rule that was broken',
        },
      },
    });
    const now = Date.now();
    const bad = await t.officer.must('incidents.createDraft', {
      content: t.content({
        occurredFrom: new Date(now - 60_000).toISOString(),
        occurredTo: new Date(now - 120_000).toISOString(),
        persons: [{ role: null, name: '' }],
        police: { agency: 'City PD', calledAt: new Date(now + 3_600_000).toISOString() },
      }),
    });
    const refused = await t.officer.call('incidents.submit', { id: bad.id });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        fields: {
          occurredTo: 'The end time is before the start time',
          'persons.0.role': 'Choose a role',
          'persons.0.name': 'Name (or “unknown”) is required',
          'police.calledAt': 'The time called is in the future',
        },
      },
    });
    expect(await t.officer.must('incidents.getDraft', { id: bad.id })).toMatchObject({ revision: 1 });
    const future = await t.officer.must('incidents.createDraft', {
      content: t.content({ occurredFrom: new Date(now + 3_600_000).toISOString(), occurredTo: null }),
    });
    expect(await t.officer.call('incidents.submit', { id: future.id })).toMatchObject({
      error: { fields: { occurredFrom: 'The start time is in the future' } },
    });
    const otherZone = await t.officer.must('incidents.createDraft', { content: t.content({ zoneId: bad.id }) });
    expect(await t.officer.call('incidents.submit', { id: otherZone.id })).toMatchObject({
      error: { fields: { zoneId: 'That zone is not in this branch' } },
    });
  });

  it('numbers per branch and year, locks the text and journals the whole record', async () => {
    const a = await t.file(t.officer);
    const b = await t.file(t.officer);
    const [na, nb] = [a.number, b.number].map((n) => Number(n.split('-')[2]));
    expect(a.number).toMatch(new RegExp(`^MAIN-${year()}-\\d{4}$`));
    expect(nb).toBe(na! + 1);
    expect(await t.officer.call('incidents.getDraft', { id: a.id })).toMatchObject({ ok: false });
    const record = await t.officer.must('incidents.get', { id: a.id });
    expect(record).toMatchObject({
      number: a.number,
      status: 'submitted',
      version: 1,
      branch: { code: 'MAIN' },
      zoneName: 'Computer Lab',
      rules: [{ code: 'B-01', version: 1, title: t.rules[0]!.title }],
      content: { summary: 'Loud phone call in the lobby', persons: [{ role: 'subject', clothing: 'gray hoodie' }] },
      journal: [{ kind: 'incident.submitted' }],
    });
    expect(record.journal[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await t.admin.must('journal.verify', {})).toMatchObject({ ok: true });
  });
});

describe('amend and review', () => {
  it('runs submitted → returned → amended → approved → closed, keeping every version', async () => {
    const { id, number } = await t.file(t.officer);
    expect(await t.officer.call('incidents.review', { id, version: 1, decision: 'approve' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.supervisor.call('incidents.review', { id, version: 1, decision: 'return' })).toMatchObject({
      error: { code: 'VALIDATION', fields: { comment: expect.any(String) } },
    });
    await t.supervisor.must('incidents.review', {
      id,
      version: 1,
      decision: 'return',
      comment: 'Add the time he left.',
    });
    const before = await t.officer.must('incidents.get', { id });
    expect(before.status).toBe('returned');
    const content = {
      ...before.content,
      narrative: `${before.content.narrative} He left at 19:40.`,
      severity: 2 as const,
    };
    expect(await t.other.call('incidents.amend', { id, version: 1, reason: 'x', content })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await t.officer.call('incidents.amend', { id, version: 1, reason: 'Nothing', content: before.content }),
    ).toMatchObject({ error: { code: 'VALIDATION', message: 'Nothing was changed: there is nothing to amend.' } });
    const amended = await t.officer.must('incidents.amend', { id, version: 1, reason: 'Time he left', content });
    expect(amended).toMatchObject({ number, status: 'submitted', version: 2 });
    expect(
      await t.officer.call('incidents.amend', { id, version: 1, reason: 'again', content: before.content }),
    ).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(await t.supervisor.call('incidents.review', { id, version: 1, decision: 'approve' })).toMatchObject({
      error: { code: 'CONFLICT' },
    });
    await t.supervisor.must('incidents.review', { id, version: 2, decision: 'approve' });
    await t.admin.must('incidents.close', { id, comment: 'Done' });
    const after = await t.supervisor.must('incidents.get', { id });
    expect(after).toMatchObject({ status: 'closed', version: 2, content: { severity: 2 } });
    expect(after.amendments).toEqual([
      expect.objectContaining({
        version: 2,
        reason: 'Time he left',
        by: expect.objectContaining({ id: t.ids.officer }),
        changes: [
          { field: 'severity', before: 1, after: 2 },
          { field: 'narrative', before: before.content.narrative, after: content.narrative },
        ],
      }),
    ]);
    expect(after.reviews.map((r) => [r.decision, r.version])).toEqual([
      ['returned', 1],
      ['approved', 2],
      ['closed', 2],
    ]);
    expect(after.journal.map((j) => j.kind)).toEqual([
      'incident.submitted',
      'incident.reviewed',
      'incident.amended',
      'incident.reviewed',
      'incident.closed',
    ]);
    expect(await t.officer.call('incidents.amend', { id, version: 2, reason: 'late', content })).toMatchObject({
      error: { code: 'CONFLICT' },
    });
    // The submitted text itself is still there, untouched.
    const v1 = t.db().prepare('SELECT narrative FROM incident_versions WHERE incident_id = ? AND version = 1').get(id);
    expect(v1).toEqual({ narrative: before.content.narrative });
  });

  it('lets no one review their own report, and journals a replayable state', async () => {
    const { id } = await t.file(t.supervisor);
    expect(await t.supervisor.call('incidents.review', { id, version: 1, decision: 'approve' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    await t.admin.must('incidents.review', { id, version: 1, decision: 'approve' });
    const entries = t
      .db()
      .prepare<[string], { kind: string; payload: string }>(
        'SELECT kind, payload FROM journal WHERE record_id = ? ORDER BY seq',
      )
      .all(id);
    const last = JSON.parse(entries.at(-1)!.payload) as {
      status: string;
      content: { narrative: string };
      rules: unknown[];
    };
    expect(last).toMatchObject({ status: 'approved', content: { narrative: expect.any(String) } });
    expect(last.rules).toHaveLength(1);
  });
});

describe('separation of duties', () => {
  it('refuses to let an amender approve or return the text they wrote, and says why', async () => {
    const { id } = await t.file(t.officer);
    const record = await t.supervisor.must('incidents.get', { id });
    await t.supervisor.must('incidents.amend', {
      id,
      version: 1,
      reason: 'Rewrote the narrative after viewing the camera',
      content: { ...record.content, narrative: 'The supervisor’s own version of what happened.' },
    });
    const bar = /You amended this report since its last review \(version 2\)/;
    expect(await t.supervisor.call('incidents.review', { id, version: 2, decision: 'approve' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: bar },
    });
    expect(
      await t.supervisor.call('incidents.review', { id, version: 2, decision: 'return', comment: 'Fix it' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: bar } });
    await t.admin.must('incidents.review', { id, version: 2, decision: 'approve' });
    // Reviewed by someone else, the amendment is no longer under review: its author may close.
    await t.supervisor.must('incidents.close', { id, comment: '' });
  });

  it('refuses to let a reporter close their own report', async () => {
    const { id } = await t.file(t.supervisor);
    await t.admin.must('incidents.review', { id, version: 1, decision: 'approve' });
    expect(await t.supervisor.call('incidents.close', { id, comment: '' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You filed this report: another supervisor closes it.' },
    });
    await t.admin.must('incidents.close', { id, comment: '' });
  });
});

describe('audited reads', () => {
  it('writes one audit entry per get, per full-text search and per list that shows reports', async () => {
    const { id, number } = await t.file(t.officer, { narrative: 'Patron spilled coffee on the audited keyboard.' });
    const audit = async () =>
      (await t.admin.must('audit.list', { action: 'read', staffId: t.ids.other, limit: 500 })).entries;
    const before = (await audit()).length;
    await t.other.must('incidents.get', { id });
    const search = await t.other.must('incidents.search', { text: 'audited keyboard' });
    expect(search.items.map((i) => i.number)).toEqual([number]);
    // No text, no snippets, but each report's summary can name a patron: a read too.
    await t.other.must('incidents.search', { branchId: t.branch.id });
    const entries = await audit();
    expect(entries.length).toBe(before + 3);
    expect(entries.slice(0, 3)).toEqual([
      expect.objectContaining({ subject: 'incidents.list', staffId: t.ids.other, detail: expect.stringContaining(id) }),
      expect.objectContaining({
        subject: 'incidents.search',
        staffId: t.ids.other,
        detail: expect.stringContaining(number),
      }),
      expect.objectContaining({ subject: 'incident', recordId: id, staffId: t.ids.other }),
    ]);
  });
});
