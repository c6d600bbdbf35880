import { afterEach, describe, expect, it } from 'vitest';
import { deskWithAdmin, type TestDesk } from '../../../test/helpers/services';
import { forTheFile } from '../../../test/helpers/disclose';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

const PASS = 'a long test passphrase';

describe('the audit log for administrators', () => {
  it('answers who has seen one record, in a time range, and exports the filtered log as CSV (audited)', async () => {
    const setup = await deskWithAdmin();
    desk = setup.desk;
    const { admin } = setup;
    await admin.must('staff.add', { name: '=Olu Officer', username: 'olu', role: 'officer', passphrase: PASS });
    const olu = desk.console();
    await olu.must('auth.signIn', { username: 'olu', passphrase: PASS });
    const person = await olu.must('persons.add', {
      name: '=HYPERLINK("http://evil","Jordan")',
      sex: 'male',
      ageEstimate: '30s',
      height: '',
      build: '',
      hair: '',
      marks: '',
    });
    const other = await olu.must('persons.add', {
      name: 'Someone Else',
      sex: 'female',
      ageEstimate: '',
      height: '',
      build: '',
      hair: '',
      marks: '',
    });
    const before = new Date().toISOString();
    await olu.must('persons.get', { id: person.id });
    await admin.must('persons.get', { id: person.id });
    await olu.must('persons.get', { id: other.id });

    const seen = await admin.must('audit.list', { recordId: person.id, action: 'read' });
    expect(seen.entries.map((e) => e.staffName).sort()).toEqual(['=Olu Officer', 'Ada Admin']);
    expect((await admin.must('audit.list', { recordId: person.id, from: before })).entries).toHaveLength(2);
    expect((await admin.must('audit.list', { recordId: person.id, to: before })).entries).toHaveLength(0);

    const file = await admin.must('audit.exportCsv', { recordId: person.id, action: 'read', disclose: forTheFile });
    expect(file.fileName).toMatch(/^vigil-audit-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.csv$/);
    expect(file).toMatchObject({ rows: 2, truncated: false });
    const lines = file.csv.trim().split('\r\n');
    expect(lines[0]).toBe('time,staff,action,subject,record,detail,purpose,count');
    expect(lines).toHaveLength(3);
    // A cell a spreadsheet would run as a formula is written as text; quotes inside a cell are doubled.
    expect(file.csv).toContain(",'=Olu Officer,");
    expect(file.csv).not.toContain(',=Olu Officer,');
    expect(file.csv).toContain('"Opened =HYPERLINK(""http://evil"",""Jordan"")"');
    const exported = await admin.must('audit.list', { text: 'audit.exportCsv' });
    expect(exported.entries[0]).toMatchObject({
      staffName: 'Ada Admin',
      action: 'read',
      detail: expect.stringMatching(/^2 entries exported \(.*recordId=/),
    });
    expect(await olu.call('audit.exportCsv', { disclose: forTheFile })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    // A copy to the clipboard out of the person's record is the copier's own audit entry.
    await olu.must('audit.copied', { recordKind: 'person', recordId: person.id, chars: 42 });
    const copies = await admin.must('audit.list', { recordId: person.id, action: 'copied' });
    expect(copies.entries).toEqual([
      expect.objectContaining({
        staffName: '=Olu Officer',
        subject: 'person',
        detail: '42 characters copied to the clipboard',
      }),
    ]);
  });
});
