import type { EvacuationRecord, EvacuationSummary } from '../../shared/contract/evacuation';
import { EVACUATION_WORDS, HEADCOUNT_WORDS, SERVICE_WORDS, durationWords } from '../../shared/call-words';
import { timeFormat, type TimeFormat } from '../reports/format';
import { CONTENT_WIDTH, INK, MUTED, ReportDocument, type FactRow } from '../reports/pdf-document';

export const CONFIDENTIAL_NOTICE = 'Confidential library record — Wis. Stat. § 43.30';

export interface AfterActionInput {
  record: EvacuationRecord;
  library: string;
  branchAddress: string;
  /** The branch's drills, newest first (this one included if it is a drill). */
  drills: EvacuationSummary[];
  journal: { kind: string; at: string; hash: string } | undefined;
  generatedAt: Date;
  generatedBy: string;
}

const since = (r: EvacuationRecord, iso: string) => (Date.parse(iso) - Date.parse(r.startedAt)) / 1000;

/** The after-action report: what happened, minute by minute, and how long it took, for the record and the trend. */
export function renderAfterActionPdf(input: AfterActionInput): Promise<Buffer> {
  const { record: r } = input;
  const t = timeFormat(r.branch.timeZone);
  const what = r.drill ? 'Evacuation drill' : `Evacuation: ${EVACUATION_WORDS[r.kind].toLowerCase()}`;
  const pdf = new ReportDocument({
    title: `After-action report: ${what}, ${r.branch.name}, ${t.when(r.startedAt)}`,
    subject: `${input.library}, ${r.branch.name}: ${CONFIDENTIAL_NOTICE}`,
    author: r.startedBy.name,
    createdAt: input.generatedAt,
  });
  header(pdf, input, t);
  summary(pdf, r, t);
  sweeps(pdf, r, t);
  people(pdf, r, t);
  services(pdf, r, t);
  headcounts(pdf, r, t);
  refusals(pdf, r, t);
  notes(pdf, r, t);
  timeline(pdf, r, t);
  drills(pdf, input, t);
  integrity(pdf, input, t);
  return pdf.finish({
    runningHeader: `After-action report · ${what} · ${r.branch.name}, ${t.when(r.startedAt)}`,
    notice: CONFIDENTIAL_NOTICE,
    generated: `Generated ${t.whenZoned(input.generatedAt.toISOString())} by ${input.generatedBy} with Vigil`,
  });
}

function header(pdf: ReportDocument, input: AfterActionInput, t: TimeFormat): void {
  const { doc } = pdf;
  const r = input.record;
  const top = doc.y;
  const leftWidth = CONTENT_WIDTH * 0.58;
  pdf
    .style('label', MUTED)
    .doc.text(input.library.toUpperCase(), pdf.left, top, { width: leftWidth, characterSpacing: 1 });
  pdf.style('heading').doc.fontSize(16).text(r.branch.name, { width: leftWidth });
  if (input.branchAddress) pdf.style('body', MUTED).doc.text(input.branchAddress, { width: leftWidth });
  const leftBottom = doc.y;
  const rightX = pdf.left + leftWidth;
  const rightWidth = CONTENT_WIDTH - leftWidth;
  pdf
    .style('label', MUTED)
    .doc.text('AFTER-ACTION REPORT', rightX, top, { width: rightWidth, align: 'right', characterSpacing: 0.5 });
  pdf
    .style('heading')
    .doc.fontSize(18)
    .text(r.drill ? 'DRILL' : 'EVACUATION', { width: rightWidth, align: 'right' });
  pdf.style('body').doc.text(EVACUATION_WORDS[r.kind], { width: rightWidth, align: 'right' });
  const bottom = Math.max(leftBottom, doc.y) + 8;
  doc
    .moveTo(pdf.left, bottom)
    .lineTo(pdf.left + CONTENT_WIDTH, bottom)
    .lineWidth(1.5)
    .strokeColor(INK)
    .stroke();
  doc.y = bottom + 8;
  pdf.note(
    `All times are local to the branch (${r.branch.timeZone}). ` +
      (r.drill ? 'This was a drill: no real emergency. ' : '') +
      (r.allClear
        ? ''
        : `The evacuation was still running when this report was made (${t.when(input.generatedAt.toISOString())}).`),
  );
}

function summary(pdf: ReportDocument, r: EvacuationRecord, t: TimeFormat): void {
  const swept = r.zones.filter((z) => z.state === 'clear');
  const lastSweep =
    swept.length === r.zones.length && swept.length ? Math.max(...swept.map((z) => since(r, z.at!))) : null;
  pdf.section('Summary');
  pdf.facts([
    ['Type', `${EVACUATION_WORDS[r.kind]}${r.drill ? ' (DRILL)' : ''}`],
    ...(r.description ? [['What happened', r.description] as FactRow] : []),
    ['Started', t.whenZoned(r.startedAt)],
    ['Started by', r.startedBy.name],
    ['Assembly point', r.assemblyPoint || 'Not set in the branch’s plan'],
    ['All clear', r.allClear ? `${t.when(r.allClear.at)}, given by ${r.allClear.givenBy}` : 'Not given'],
    ['Recorded by', r.allClear ? r.allClear.recordedBy.name : '—'],
    ['Time to all clear', r.allClear ? durationWords(since(r, r.allClear.at)) : '—'],
    ['Zones swept clear', `${swept.length} of ${r.zones.length}`],
    ['All zones swept after', lastSweep === null ? 'Not every zone was swept clear' : durationWords(lastSweep)],
    ['Sweep target per zone', durationWords(r.sweepTargetSeconds)],
    ...(r.allClear?.unswept.length
      ? [['Not swept at all clear', r.allClear.unswept.map((z) => z.name).join(', ')] as FactRow]
      : []),
  ]);
}

function sweeps(pdf: ReportDocument, r: EvacuationRecord, t: TimeFormat): void {
  pdf.section(`Zone sweeps (${r.zones.length})`);
  if (r.zones.length === 0) return pdf.paragraph('The branch had no zones to sweep.', { color: MUTED });
  pdf.facts(
    r.zones.map((z): FactRow => {
      const label = `${z.name}${z.floor ? ` (floor ${z.floor})` : ''}`;
      if (z.state === 'pending') return [label, `NOT SWEPT${z.assignee ? `. Assigned to ${z.assignee}` : ''}`];
      const after = since(r, z.at!);
      const target = after > r.sweepTargetSeconds ? `, over the ${durationWords(r.sweepTargetSeconds)} target` : '';
      const result = z.state === 'clear' ? 'Swept clear' : 'NOT CLEAR';
      return [
        label,
        `${result} at ${t.timeAfter(z.at!, r.startedAt)}${z.by ? ` by ${z.by}` : ''} ` +
          `(${durationWords(after)} after the start${target})${z.note ? `\n${z.note}` : ''}`,
      ];
    }),
  );
}

function people(pdf: ReportDocument, r: EvacuationRecord, t: TimeFormat): void {
  pdf.section('People who could not leave');
  if (r.refuge.length === 0) return pdf.paragraph('None reported.', { color: MUTED });
  pdf.facts(
    r.refuge.map((p): FactRow => [
      `${p.count} at ${p.location}`,
      `Reported ${t.timeAfter(p.reportedAt, r.startedAt)}${p.condition ? `; ${p.condition}` : ''}. ` +
        (p.status === 'brought-out'
          ? `Brought out ${t.timeAfter(p.updatedAt, r.startedAt)}`
          : 'Still waiting at the end') +
        (p.note ? ` (${p.note})` : ''),
    ]),
  );
}

function services(pdf: ReportDocument, r: EvacuationRecord, t: TimeFormat): void {
  pdf.section('Emergency services');
  if (r.services.length === 0) return pdf.paragraph('None called.', { color: MUTED });
  pdf.facts(
    r.services.map((s): FactRow => [
      `${SERVICE_WORDS[s.service]}${s.name ? `: ${s.name}` : ''}`,
      `Called ${t.timeAfter(s.calledAt, r.startedAt)}; ` +
        (s.arrivedAt
          ? `arrived ${t.timeAfter(s.arrivedAt, r.startedAt)} (${durationWords((Date.parse(s.arrivedAt) - Date.parse(s.calledAt)) / 1000)} later)`
          : 'arrival not recorded'),
    ]),
  );
}

function headcounts(pdf: ReportDocument, r: EvacuationRecord, t: TimeFormat): void {
  const rowsOf = (h: EvacuationRecord['headcounts'][number]): FactRow[] => [
    ['Patrons counted', String(h.patrons)],
    ['Visitors counted', String(h.visitors)],
    ...h.staff.map((s): FactRow => [s.name, HEADCOUNT_WORDS[s.status]]),
    ...(h.note ? [['Note', h.note] as FactRow] : []),
  ];
  // A headcount stays on one page with its time (and the first with the section title) unless longer than a page.
  const height = (h: EvacuationRecord['headcounts'][number]) => Math.min(40 + pdf.factsHeight(rowsOf(h)), 500);
  pdf.section('Headcount', r.headcounts[0] ? height(r.headcounts[0]) : 40);
  if (r.headcounts.length === 0) return pdf.paragraph('No headcount was recorded.', { color: MUTED });
  r.headcounts.forEach((h, i) => {
    pdf.ensure(height(h));
    pdf.subheading(
      `${i === r.headcounts.length - 1 ? 'Latest headcount' : `Headcount ${i + 1}`}, ${t.timeAfter(h.at, r.startedAt)}`,
      `recorded by ${h.by.name}`,
    );
    pdf.facts(rowsOf(h));
  });
  pdf.note('Staff were listed from the active staff accounts; there is no shift roster in Vigil yet.');
}

function refusals(pdf: ReportDocument, r: EvacuationRecord, t: TimeFormat): void {
  pdf.section('Refusals to leave');
  if (r.refusals.length === 0) return pdf.paragraph('None recorded.', { color: MUTED });
  pdf.facts(
    r.refusals.map((x): FactRow => [
      t.timeAfter(x.at, r.startedAt),
      `${x.count} at ${x.location}${x.description ? `: ${x.description}` : ''}`,
    ]),
  );
}

function notes(pdf: ReportDocument, r: EvacuationRecord, t: TimeFormat): void {
  pdf.section('Notes');
  if (r.notes.length === 0) return pdf.paragraph('None.', { color: MUTED });
  pdf.facts(r.notes.map((n): FactRow => [`${t.timeAfter(n.at, r.startedAt)} · ${n.by.name}`, n.text]));
}

function timeline(pdf: ReportDocument, r: EvacuationRecord, t: TimeFormat): void {
  pdf.section('Full timeline');
  pdf.facts(
    r.timeline.map((e): FactRow => [
      `${t.timeAfter(e.at, r.startedAt)}  +${durationWords(since(r, e.at))}`,
      `${e.words}\nRecorded by ${e.recordedBy.name}${e.recordedAt.slice(0, 16) !== e.at.slice(0, 16) ? ` at ${t.timeAfter(e.recordedAt, e.at)}` : ''}`,
    ]),
  );
}

function drills(pdf: ReportDocument, input: AfterActionInput, t: TimeFormat): void {
  pdf.section(`Drills at ${input.record.branch.name}`);
  if (input.drills.length === 0) return pdf.paragraph('No drills recorded at this branch yet.', { color: MUTED });
  pdf.facts(
    input.drills.map((d): FactRow => [
      t.when(d.startedAt),
      `All clear after ${d.allClearAfter === null ? '— (running)' : durationWords(d.allClearAfter)}; ` +
        `every zone swept after ${d.sweptAfter === null ? '— (not all swept)' : durationWords(d.sweptAfter)}; ` +
        `${d.zonesSwept} of ${d.zones} zones swept clear`,
    ]),
  );
  pdf.note('Newest first: a falling time to all clear across drills is the trend a manager looks for.');
}

function integrity(pdf: ReportDocument, input: AfterActionInput, t: TimeFormat): void {
  const j = input.journal;
  pdf.section('Record integrity', 90);
  pdf.facts([
    ['Journal entry', j ? `${j.kind}, ${t.when(j.at)}` : 'None'],
    ['Entry hash (SHA-256)', j?.hash ?? 'None', 'hash'],
  ]);
  pdf.note(
    'The entry hash seals this evacuation’s recorded state in the library’s tamper-evident journal: each entry’s ' +
      'hash covers the one before it.',
  );
}
