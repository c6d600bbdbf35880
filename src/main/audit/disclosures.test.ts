import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentDesk, type IncidentDesk } from '../../../test/helpers/incidents';
import { forPolice, forTheFile } from '../../../test/helpers/disclose';

/**
 * The Disclose step (issue 15, Wis. Stat. 43.30): an export of patron records is refused
 * without a valid disclosure, and one made is in the director's log with all it said.
 */
let t: IncidentDesk;
let filed: Awaited<ReturnType<IncidentDesk['file']>>;
const count = (table: 'disclosures' | 'audit') =>
  (t.db().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeAll(async () => {
  t = await incidentDesk();
  filed = await t.file(t.officer);
});
afterAll(() => t?.close());

describe('the Disclose step', () => {
  it('refuses an export without a valid disclosure, and records nothing', async () => {
    const before = count('disclosures');
    const missing = await t.officer.call('incidents.exportPdf', { id: filed.id } as never);
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { disclose: expect.any(String) } },
    });
    // A police officer who gave a case number: it must be written down.
    expect(
      await t.officer.call('incidents.exportPdf', { id: filed.id, disclose: { ...forPolice, caseNumber: '' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'disclose.caseNumber': 'Write the case number the officer gave' } },
    });
    // A case number goes with a police request or a court order only.
    expect(
      await t.officer.call('evacuations.exportPdf', {
        id: filed.id,
        disclose: { ...forTheFile, caseNumber: '26-1' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'disclose.caseNumber': expect.any(String) } },
    });
    expect(
      await t.officer.call('bans.noticePdf', {
        id: filed.id,
        recipient: 'person',
        disclose: { ...forTheFile, basis: 'a friend asked' as never },
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'disclose.basis': expect.any(String) } } });
    expect(count('disclosures')).toBe(before);
  });

  it('records who, when, what, to whom, why, under which basis, the case number and the file', async () => {
    const before = new Date().toISOString();
    const pdf = await t.officer.must('incidents.exportPdf', { id: filed.id, disclose: forPolice });
    const log = await t.admin.must('audit.disclosures', { recordId: filed.id });
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({
      staffId: t.ids.officer,
      staffName: 'Test olu',
      method: 'incidents.exportPdf',
      what: `Report ${filed.number} (version 1) as PDF`,
      recordKind: 'incident',
      recordId: filed.id,
      recipient: 'Officer Diaz, Madison PD',
      purpose: 'Theft from a patron’s bag in the lobby',
      basis: 'police-crime-at-library',
      caseNumber: '26-1234',
      fileName: pdf.fileName,
      sha256: pdf.sha256,
    });
    expect(log.entries[0]!.at >= before).toBe(true);
    // The read's audit entry carries the purpose, and the audit log filters by it.
    const byPurpose = await t.admin.must('audit.list', { purpose: 'patron’s bag' });
    expect(byPurpose.entries).toEqual([
      expect.objectContaining({
        subject: 'incident.pdf',
        recordId: filed.id,
        purpose: 'Theft from a patron’s bag in the lobby',
        detail: expect.stringContaining('Disclosed to Officer Diaz, Madison PD under Police investigating a crime'),
      }),
    ]);
    expect((await t.admin.must('audit.list', { purpose: 'no such purpose' })).entries).toEqual([]);
  });

  it('filters the log by date, basis, staff and record; only admins see it', async () => {
    await t.supervisor.must('incidents.exportPdf', { id: filed.id, disclose: forTheFile });
    const police = await t.admin.must('audit.disclosures', { basis: 'police-crime-at-library' });
    expect(police.entries.every((e) => e.basis === 'police-crime-at-library')).toBe(true);
    expect(police.entries.length).toBeGreaterThan(0);
    const bySam = await t.admin.must('audit.disclosures', { staffId: t.ids.supervisor });
    expect(bySam.entries.map((e) => e.basis)).toEqual(['library-administration']);
    expect((await t.admin.must('audit.disclosures', { from: '2100-01-01T00:00:00.000Z' })).entries).toEqual([]);
    expect((await t.admin.must('audit.disclosures', { to: '2000-01-01T00:00:00.000Z' })).entries).toEqual([]);
    expect((await t.admin.must('audit.disclosures', { recordId: 'nothing' })).entries).toEqual([]);
    expect(await t.supervisor.call('audit.disclosures', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('exports the log as formula-safe CSV, and that export is itself a disclosure', async () => {
    await t.officer.must('incidents.exportPdf', {
      id: filed.id,
      disclose: {
        ...forTheFile,
        recipient: '=HYPERLINK("http://evil","Director")',
        purpose: '+1 copy, for "the file"',
      },
    });
    const file = await t.admin.must('audit.exportDisclosures', {
      recordId: filed.id,
      disclose: { ...forTheFile, recipient: 'Library board', purpose: 'Quarterly privacy review' },
    });
    expect(file.fileName).toMatch(/^vigil-disclosures-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.csv$/);
    const lines = file.csv.trim().split('\r\n');
    expect(lines[0]).toBe('time,staff,what,record,recipient,purpose,basis,case number,file,sha256,method');
    expect(lines).toHaveLength(1 + file.rows);
    expect(file.csv).toContain(`"'=HYPERLINK(""http://evil"",""Director"")"`);
    expect(file.csv).toContain(`"'+1 copy, for ""the file"""`);
    expect(file.csv).not.toMatch(/,=HYPERLINK/);
    const again = await t.admin.must('audit.disclosures', { text: 'disclosure log' });
    expect(again.entries[0]).toMatchObject({
      method: 'audit.exportDisclosures',
      recipient: 'Library board',
      purpose: 'Quarterly privacy review',
      fileName: file.fileName,
    });
  });
});
