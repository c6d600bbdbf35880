import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { dutyDesk, type DutyDesk } from '../../../test/helpers/duties';
import { tempDir } from '../../../test/helpers/temp-dir';
import { forTheFile } from '../../../test/helpers/disclose';

let t: DutyDesk | undefined;
const out = tempDir();
afterEach(async () => {
  await t?.close();
  t = undefined;
});
afterAll(() => out.remove());

const text = (pdfBase64: string, name: string) => {
  const file = join(out.path, name);
  writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

describe('closing report PDF', () => {
  it('prints one run in full and a range night by night, and records each export in the audit log', async () => {
    t = await dutyDesk(new ManualClock(Date.parse('2026-11-30T19:52:00.000-06:00')));
    const run = await t.officer.must('closing.start', { branchId: t.branch.id });
    for (const item of run.items) {
      const failed = item.kind === 'count' && item.zoneName === 'Restrooms';
      const value =
        item.kind === 'check'
          ? { kind: 'check' as const, ok: true }
          : item.kind === 'yesno'
            ? { kind: 'yesno' as const, answer: item.okAnswer }
            : item.kind === 'count'
              ? { kind: 'count' as const, count: failed ? 1 : item.expectedCount }
              : { kind: 'note' as const };
      t.advance(20_000);
      await t.officer.must('closing.answer', {
        runId: run.id,
        branchId: t.branch.id,
        itemId: item.id,
        value,
        method: item.zoneName === 'Parking Lot' ? 'camera' : 'walked',
        note: failed
          ? 'One patron asleep in the last stall; woken and walked out.'
          : item.kind === 'note'
            ? 'Copier jammed.'
            : '',
      });
    }
    await t.officer.must('closing.openException', {
      runId: run.id,
      kind: 'inside',
      who: 'Two cleaners (Bright Co.)',
      where: 'Second floor',
      role: 'cleaner',
    });
    t.advance(60_000);
    await t.officer.must('closing.sign', { runId: run.id, note: 'Cleaners leave by 22:00.' });

    const one = await t.officer.must('closing.exportPdf', { runId: run.id, disclose: forTheFile });
    expect(one.fileName).toBe('Closing-MAIN-2026-11-30.pdf');
    const page = text(one.pdfBase64, one.fileName);
    for (const words of [
      'CLOSING REPORT',
      'Mon 30 Nov 2026',
      'Building clear signed',
      'by Test olu',
      'One patron asleep in the last stall',
      'PROBLEM',
      'Two cleaners (Bright Co.)',
      'People still inside',
      'Copier jammed.',
      'on camera',
    ]) {
      expect(page).toContain(words);
    }
    expect(page).toMatch(/Journal entry\s+closing\.signed, Mon 30 Nov 2026, 19:57/);
    expect(page).toMatch(/Entry hash \(SHA-256\)\s+[0-9a-f]{64}/);

    t.set('2026-12-03T10:00:00.000-06:00');
    const range = await t.officer.must('closing.exportPdf', {
      branchId: t.branch.id,
      from: '2026-11-29',
      to: '2026-12-02',
      disclose: forTheFile,
    });
    const history = text(range.pdfBase64, range.fileName);
    expect(history).toContain('CLOSING HISTORY');
    // Sunday 29 Nov, Tuesday 1 and Wednesday 2 Dec were open and have no signed closing.
    expect(history).toContain('Sun 29 Nov 2026, Tue 1 Dec 2026, Wed 2 Dec 2026');
    expect(history).toContain('One patron asleep in the last stall');

    const audit = await t.admin.must('audit.list', { limit: 50 });
    expect(audit.entries.filter((e) => e.subject === 'closing.pdf')).toHaveLength(2);
  });
});
