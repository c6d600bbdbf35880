import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentDesk, type IncidentDesk } from '../../../test/helpers/incidents';
import { ftsQuery, segments } from './incidents.search.repo';
import type { OutputOf } from '../../shared/contract';

type SearchPage = OutputOf<'incidents.search'>;

let t: IncidentDesk;
beforeAll(async () => {
  t = await incidentDesk();
});
afterAll(() => t.close());

const ODD = [
  `Tsev qiv ntawv — Nkauj Hmoob Vang`,
  'مكتبة عامة: شخص غاضب',
  'Zoë Núñez-Ångström 📚🔥',
  `Robert'); DROP TABLE incidents;-- "quoted" % _ \\`,
  '<script>alert("x")</script> <b>bold</b> &amp;',
  'NEAR(a b) OR NOT AND * ^ : "unbalanced',
];

describe('full-text search', () => {
  it('stores text in any script exactly as typed and finds it by its words', async () => {
    const filed = [];
    for (const text of ODD) {
      filed.push(await t.file(t.officer, { summary: text.slice(0, 200), narrative: `Narrative: ${text}` }));
    }
    for (const [i, text] of ODD.entries()) {
      const record = await t.officer.must('incidents.get', { id: filed[i]!.id });
      expect(record.content.summary).toBe(text.slice(0, 200));
      expect(record.content.narrative).toBe(`Narrative: ${text}`);
    }
    const hits = async (text: string) => (await t.officer.must('incidents.search', { text })).items.map((i) => i.id);
    expect(await hits('Hmoob')).toEqual([filed[0]!.id]);
    expect(await hits('غاضب')).toEqual([filed[1]!.id]);
    expect(await hits('zoe nunez')).toEqual([filed[2]!.id]); // diacritics folded
    expect(await hits('DROP TABLE')).toEqual([filed[3]!.id]);
    expect(await hits('<script>')).toEqual([filed[4]!.id]);
    expect(await hits('NEAR(a b) OR NOT')).toEqual([filed[5]!.id]);
    expect(await hits('Ångstr')).toEqual([filed[2]!.id]); // the last word is a prefix
    expect(await hits('📚 %% "')).toEqual([]);
  });

  it('marks matches as text pieces that join back to the original', async () => {
    const { id } = await t.file(t.officer, { summary: 'Patron <b>shouted</b> at the shelver', persons: [] });
    const r = await t.officer.must('incidents.search', { text: 'shouted' });
    const item = r.items.find((i) => i.id === id)!;
    expect(item.match!.summary).toEqual([
      { text: 'Patron <b>', match: false },
      { text: 'shouted', match: true },
      { text: '</b> at the shelver', match: false },
    ]);
    expect(item.match!.summary.map((s) => s.text).join('')).toBe('Patron <b>shouted</b> at the shelver');
  });

  it('filters and pages by keyset without repeating or skipping', async () => {
    const lab = t.branch.zones[0]!.id;
    const base = Date.now() - 5 * 3_600_000;
    for (let i = 0; i < 7; i++) {
      await t.file(t.other, {
        zoneId: lab,
        ruleIds: [t.rules[4]!.id],
        occurredFrom: new Date(base + i * 60_000).toISOString(),
        occurredTo: null,
        narrative: `Paging marker pagetest number ${i}`,
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page: SearchPage = await t.officer.must('incidents.search', { reporterId: t.ids.other, limit: 3, cursor });
      seen.push(...page.items.map((i) => i.number));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const textPages: string[] = [];
    cursor = undefined;
    do {
      const page: SearchPage = await t.officer.must('incidents.search', { text: 'pagetest', limit: 2, cursor });
      textPages.push(...page.items.map((i) => i.number));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(textPages.sort()).toEqual([...seen].sort());
    const byRule = await t.officer.must('incidents.search', { ruleId: t.rules[4]!.id });
    expect(byRule.items.map((i) => i.ruleCodes)).toEqual(Array(7).fill(['B-05']));
    const inWindow = await t.officer.must('incidents.search', {
      reporterId: t.ids.other,
      from: new Date(base + 2 * 60_000).toISOString(),
      to: new Date(base + 4 * 60_000).toISOString(),
    });
    expect(inWindow.items).toHaveLength(2);
    expect(await t.officer.call('incidents.search', { cursor: 'garbage' })).toMatchObject({
      error: { code: 'VALIDATION' },
    });
  });

  it('finds reports by a known person and by the persons’ descriptions', async () => {
    const person = await t.officer.must('persons.add', {
      name: 'Dale Whitcomb',
      sex: 'male',
      ageEstimate: '50s',
      height: '',
      build: '',
      hair: '',
      marks: 'anchor tattoo',
    });
    expect((await t.officer.must('persons.search', { text: 'whit' })).map((p) => p.id)).toEqual([person.id]);
    const { id } = await t.file(t.officer, {
      persons: [{ ...t.content().persons![0]!, personId: person.id, name: person.name, clothing: 'teal raincoat' }],
    });
    expect((await t.officer.must('incidents.search', { personId: person.id })).items.map((i) => i.id)).toEqual([id]);
    expect((await t.officer.must('incidents.search', { text: 'teal raincoat' })).items.map((i) => i.id)).toEqual([id]);
  });

  it('finds a report by part of its number, the branch code left off or in any case', async () => {
    const { id, number } = await t.file(t.officer, {});
    const tail = number.slice(number.indexOf('-') + 1);
    for (const typed of [number, tail, number.toLowerCase()]) {
      expect((await t.officer.must('incidents.search', { number: typed })).items.map((i) => i.id)).toEqual([id]);
    }
    expect((await t.officer.must('incidents.search', { number: '1999-9999' })).items).toEqual([]);
    expect(await t.officer.call('incidents.search', { number: "0042' OR 1" })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('never errors on any text a person can type', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 60 }), async (text) => {
        const r = await t.officer.call('incidents.search', { text, limit: 5 });
        expect(r.ok).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('ftsQuery and segments', () => {
  it('quotes every word and drops what has no letter or digit', () => {
    expect(ftsQuery('he said "hi" OR')).toBe('"he" "said" """hi""" "OR"*');
    expect(ftsQuery('whole words', false)).toBe('"whole" "words"');
    expect(ftsQuery('  *** ')).toBeNull();
    expect(segments('a\u0002b\u0003c')).toEqual([
      { text: 'a', match: false },
      { text: 'b', match: true },
      { text: 'c', match: false },
    ]);
  });
});
