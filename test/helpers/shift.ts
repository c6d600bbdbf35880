import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { ManualClock } from '../../src/main/clock';
import { openDatabase } from '../../src/main/db/connection';
import type { InputOf, OutputOf } from '../../src/shared/contract';
import { dutyDesk, type DutyDesk } from './duties';
import type { TestConsole } from './services';
import { tempDir } from './temp-dir';

export interface ShiftDesk extends DutyDesk {
  ids: { admin: string; officer: string; other: string };
  /** Writes to the log as `by`, with a note's defaults. */
  entry(by: TestConsole, over?: Partial<InputOf<'shifts.addEntry'>>): Promise<OutputOf<'shifts.addEntry'>>;
  /** Logs a staff call in the Lobby as `by`. */
  call(by: TestConsole, over?: Partial<InputOf<'calls.create'>>): Promise<OutputOf<'calls.create'>>;
  /** Files an incident report in the Lobby as `by`, occurred at the clock's time. */
  file(by: TestConsole, summary: string): Promise<OutputOf<'incidents.submit'>>;
  /** A second connection to the database, for raw reads. */
  db(): Database.Database;
}

/** The text of a PDF main made, as pdftotext reads it (runs of space made one). */
export function pdfText(pdf: { pdfBase64: string }): string {
  const dir = tempDir('vigil-pdf-');
  try {
    const file = join(dir.path, 'doc.pdf');
    writeFileSync(file, Buffer.from(pdf.pdfBase64, 'base64'));
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    dir.remove();
  }
}

/** The page count of a PDF main made. */
export function pdfPages(pdf: { pdfBase64: string }): number {
  const dir = tempDir('vigil-pdf-');
  try {
    const file = join(dir.path, 'doc.pdf');
    writeFileSync(file, Buffer.from(pdf.pdfBase64, 'base64'));
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  } finally {
    dir.remove();
  }
}

/**
 * The duties desk (Main Library, America/Chicago, open Mon–Sat 09:00–20:00, zones
 * Lobby, Restrooms, Children's Room, Parking Lot; admin ada, officers olu and kim)
 * with the shift domain's helpers, on a clock the test moves.
 */
export async function shiftDesk(clock: ManualClock, opts: Parameters<typeof dutyDesk>[1] = {}): Promise<ShiftDesk> {
  const t = await dutyDesk(clock, opts);
  const staff = await t.admin.must('staff.list', {});
  const id = (username: string) => staff.find((s) => s.username === username)!.id;
  const rules = await t.officer.must('guidelines.list', {});
  let raw: Database.Database | undefined;
  return {
    ...t,
    ids: { admin: id('ada'), officer: id('olu'), other: id('kim') },
    entry: (by, over = {}) =>
      by.must('shifts.addEntry', { branchId: t.branch.id, kind: 'note', text: 'Quiet evening so far.', ...over }),
    call: (by, over = {}) =>
      by.must('calls.create', {
        branchId: t.branch.id,
        zoneId: t.zone('Lobby'),
        caller: { staffId: null, name: 'Pat at the circulation desk' },
        channel: 'phone',
        nature: 'disturbance',
        priority: 'normal',
        detail: 'Two patrons arguing by the printers',
        ...over,
      }),
    async file(by, summary) {
      const now = clock.ms();
      const draft = await by.must('incidents.createDraft', {
        content: {
          branchId: t.branch.id,
          zoneId: t.zone('Lobby'),
          occurredFrom: new Date(now - 10 * 60_000).toISOString(),
          occurredTo: new Date(now - 5 * 60_000).toISOString(),
          ruleIds: [rules[0]!.id],
          severity: 1,
          summary,
          narrative: 'A patron was asked to lower their voice and did.',
          actions: 'Verbal reminder.',
          persons: [],
        },
      });
      return by.must('incidents.submit', { id: draft.id });
    },
    db() {
      raw ??= openDatabase(t.desk.dataDir);
      return raw;
    },
    async close() {
      raw?.close();
      await t.close();
    },
  };
}
