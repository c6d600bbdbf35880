import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { pdfPages, pdfText, shiftDesk, type ShiftDesk } from '../../../test/helpers/shift';

let t: ShiftDesk | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const monday = (hhmm: string) => `2026-11-30T${hhmm}:00.000-06:00`;

async function directory(d: ShiftDesk) {
  const shelter = await d.admin.must('resources.save', {
    name: 'Harbor House Shelter',
    kind: 'shelter',
    phone: '608-555-0100',
    address: '12 Lake St',
    hours: 'Every night from 6 pm',
    languages: ['English', 'Spanish'],
  });
  const crisis = await d.admin.must('resources.save', {
    name: 'County Crisis Line',
    kind: 'crisis-line',
    phone: '988',
  });
  const meals = await d.admin.must('resources.save', { name: 'St. Vincent Meal Program', kind: 'meals', phone: '' });
  return { shelter, crisis, meals };
}

describe('community resources', () => {
  it('are kept by an administrator, versioned, found by any word, and retired without leaving the counts', async () => {
    t = await shiftDesk(new ManualClock(Date.parse(monday('17:00'))));
    const { shelter, meals } = await directory(t);
    expect(await t.officer.call('resources.save', { name: 'X', kind: 'youth', phone: '' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.admin.call('resources.save', { name: 'Y', kind: 'youth', phone: 'call us' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect((await t.officer.must('resources.search', { text: 'spanish shelter' })).map((r) => r.name)).toEqual([
      'Harbor House Shelter',
    ]);
    const changed = await t.admin.must('resources.save', {
      id: shelter.id,
      version: shelter.version,
      name: 'Harbor House Shelter',
      kind: 'shelter',
      phone: '608-555-0101',
    });
    expect(changed.version).toBe(shelter.version + 1);
    // A form opened on an older version is refused, not overwritten.
    expect(
      await t.admin.call('resources.save', {
        id: shelter.id,
        version: shelter.version,
        name: 'Old',
        kind: 'shelter',
        phone: '',
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    await t.officer.must('resources.countReferral', { resourceIds: [meals.id], branchId: t.branch.id });
    await t.admin.must('resources.setRetired', { id: meals.id, retired: true });
    expect((await t.officer.must('resources.list', {})).map((r) => r.name)).toEqual([
      'County Crisis Line',
      'Harbor House Shelter',
    ]);
    expect(await t.officer.must('resources.search', { text: 'meal' })).toEqual([]);
    const counts = await t.officer.must('resources.referralCounts', { from: '2026-11-30', to: '2026-11-30' });
    expect(counts.byKind).toEqual([{ kind: 'meals', count: 1 }]);
  });

  it('prints a half-page referral card in plain words with no patron on it, and counts it by kind, branch and date', async () => {
    t = await shiftDesk(new ManualClock(Date.parse(monday('17:00'))));
    const { shelter, crisis } = await directory(t);
    const card = await t.officer.must('resources.referralCard', {
      resourceIds: [shelter.id, crisis.id],
      branchId: t.branch.id,
    });
    expect(card.fileName).toBe('Referral-card-2026-11-30.pdf');
    expect(pdfPages(card)).toBe(1);
    const text = pdfText(card);
    for (const words of ['Harbor House Shelter', '608-555-0100', '12 Lake St', 'County Crisis Line', '988']) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain('Test olu');

    // Late evening in Chicago is the next day in UTC: counted on the branch's date.
    t.set(monday('23:30'));
    await t.other.must('resources.countReferral', { resourceIds: [shelter.id], branchId: t.branch.id });
    await t.other.must('resources.countReferral', { resourceIds: [crisis.id], branchId: null });
    t.set('2026-12-01T10:00:00.000-06:00');
    await t.officer.must('resources.countReferral', { resourceIds: [shelter.id], branchId: t.branch.id });

    const all = await t.officer.must('resources.referralCounts', { from: '2026-11-30', to: '2026-12-01' });
    expect(all.total).toBe(5);
    expect(all.byKind).toEqual([
      { kind: 'shelter', count: 3 },
      { kind: 'crisis-line', count: 2 },
    ]);
    expect(all.rows).toEqual(
      expect.arrayContaining([
        { date: '2026-11-30', branchId: t.branch.id, kind: 'shelter', count: 2 },
        { date: '2026-11-30', branchId: t.branch.id, kind: 'crisis-line', count: 1 },
        { date: '2026-11-30', branchId: null, kind: 'crisis-line', count: 1 },
        { date: '2026-12-01', branchId: t.branch.id, kind: 'shelter', count: 1 },
      ]),
    );
    const main = await t.officer.must('resources.referralCounts', {
      from: '2026-11-30',
      to: '2026-11-30',
      branchId: t.branch.id,
    });
    expect(main.total).toBe(3);
    // Nothing about who was referred is kept: the referral rows have no column for it.
    const columns = t
      .db()
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('referrals')")
      .all()
      .map((c) => c.name);
    expect(columns.some((c) => /person|patron|name/.test(c))).toBe(false);
  });
});
