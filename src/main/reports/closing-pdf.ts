import type { ClosingException, ClosingRun } from '../../shared/contract/closing';
import { METHOD_WORDS, EXCEPTION_TITLES, STEP_WORDS, answerWords, exceptionFacts } from '../../shared/closing-words';
import { CONFIDENTIAL_NOTICE } from './incident-pdf';
import { timeFormat, type TimeFormat } from './format';
import { CONTENT_WIDTH, INK, MUTED, ReportDocument, type FactRow } from './pdf-document';

export interface ClosingPdfContext {
  library: string;
  branchName: string;
  branchAddress: string;
  timeZone: string;
  generatedAt: Date;
  generatedBy: string;
}

const STATUS = {
  open: 'In progress: not signed',
  signed: 'Building clear signed',
  abandoned: 'Set aside unsigned',
} as const;

/** One closing as a document: who checked what, how and when, what was found, who signed the building clear. */
export function renderClosingRunPdf(run: ClosingRun, ctx: ClosingPdfContext): Promise<Buffer> {
  const t = timeFormat(ctx.timeZone);
  const pdf = new ReportDocument({
    title: `Closing report ${ctx.branchName} ${run.closingDate}`,
    subject: `${ctx.library}, ${ctx.branchName}: ${CONFIDENTIAL_NOTICE}`,
    author: ctx.generatedBy,
    createdAt: ctx.generatedAt,
  });
  header(pdf, ctx, 'CLOSING REPORT', dayWords(run.closingDate), STATUS[run.status]);
  pdf.note(`All times are local to the branch (${ctx.timeZone}). Checklist version ${run.template.version}.`);
  pdf.section('Closing');
  pdf.facts(runFacts(run, t));
  exceptions(pdf, run.exceptions, t);
  checklist(pdf, run, t);
  integrity(pdf, [run], t);
  return pdf.finish({
    runningHeader: `Closing report · ${ctx.library}, ${ctx.branchName} · ${dayWords(run.closingDate)}`,
    notice: CONFIDENTIAL_NOTICE,
    generated: `Generated ${t.whenZoned(ctx.generatedAt.toISOString())} by ${ctx.generatedBy} with Vigil`,
  });
}

/** A branch's closings over a range: one line a night, then every problem and exception in full. */
export function renderClosingRangePdf(
  runs: readonly ClosingRun[],
  range: { from: string; to: string; nightsOpen: number; nightsUnsigned: string[] },
  ctx: ClosingPdfContext,
): Promise<Buffer> {
  const t = timeFormat(ctx.timeZone);
  const span = `${dayWords(range.from)} – ${dayWords(range.to)}`;
  const pdf = new ReportDocument({
    title: `Closing history ${ctx.branchName} ${range.from} to ${range.to}`,
    subject: `${ctx.library}, ${ctx.branchName}: ${CONFIDENTIAL_NOTICE}`,
    author: ctx.generatedBy,
    createdAt: ctx.generatedAt,
  });
  const signed = runs.filter((r) => r.status === 'signed');
  header(pdf, ctx, 'CLOSING HISTORY', span, `${plural(signed.length, 'closing')} signed`);
  pdf.note(`All times are local to the branch (${ctx.timeZone}).`);
  const durations = signed.map((r) => Date.parse(r.endedAt!) - Date.parse(r.startedAt)).sort((a, b) => a - b);
  pdf.section('Summary');
  pdf.facts([
    ['Nights open', String(range.nightsOpen)],
    ['Signed building clear', String(signed.length)],
    ['Set aside unsigned', String(runs.filter((r) => r.status === 'abandoned').length)],
    ['Still open', String(runs.filter((r) => r.status === 'open').length)],
    [
      'Open nights with no signed closing',
      range.nightsUnsigned.length ? range.nightsUnsigned.map(dayWords).join(', ') : 'None',
    ],
    ['Problems found', String(runs.reduce((n, r) => n + r.answers.filter((a) => a.failed).length, 0))],
    ['Exceptions', String(runs.reduce((n, r) => n + r.exceptions.length, 0))],
    ['Typical time to close', durations.length ? minutesWords(durations[Math.floor(durations.length / 2)]!) : '—'],
  ]);
  pdf.section(`Closings (${runs.length})`);
  if (runs.length === 0) pdf.paragraph('No closing was recorded in these dates.', { color: MUTED });
  pdf.facts(runs.map((r): FactRow => [dayWords(r.closingDate), nightLine(r, t)]));
  const notable = runs.filter((r) => r.exceptions.length > 0 || r.answers.some((a) => a.failed) || r.endNote);
  if (notable.length > 0) {
    pdf.section('Problems and exceptions');
    for (const r of notable) {
      pdf.subheading(dayWords(r.closingDate), STATUS[r.status]);
      const failed = r.answers.filter((a) => a.failed);
      const items = new Map(r.items.map((i) => [i.id, i]));
      if (failed.length) {
        pdf.facts(
          failed.map((a): FactRow => {
            const item = items.get(a.itemId)!;
            return [
              item.zoneName ?? 'Whole building',
              `${item.label}: ${answerWords(a)}${a.note ? `\n${a.note}` : ''}\n${t.timeAfter(a.at, r.startedAt)}, ${a.by.name}, ${METHOD_WORDS[a.method]}`,
            ];
          }),
          { indent: 14 },
        );
      }
      for (const e of r.exceptions) exception(pdf, e, t, 14);
      if (r.endNote)
        pdf.facts([[r.status === 'abandoned' ? 'Why set aside' : 'Sign-off note', r.endNote]], { indent: 14 });
    }
  }
  integrity(pdf, runs, t);
  return pdf.finish({
    runningHeader: `Closing history · ${ctx.library}, ${ctx.branchName} · ${span}`,
    notice: CONFIDENTIAL_NOTICE,
    generated: `Generated ${t.whenZoned(ctx.generatedAt.toISOString())} by ${ctx.generatedBy} with Vigil`,
  });
}

function header(pdf: ReportDocument, ctx: ClosingPdfContext, kind: string, title: string, status: string): void {
  const { doc } = pdf;
  const top = doc.y;
  const leftWidth = CONTENT_WIDTH * 0.55;
  pdf
    .style('label', MUTED)
    .doc.text(ctx.library.toUpperCase(), pdf.left, top, { width: leftWidth, characterSpacing: 1 });
  pdf.style('heading').doc.fontSize(16).text(ctx.branchName, { width: leftWidth });
  if (ctx.branchAddress) pdf.style('body', MUTED).doc.text(ctx.branchAddress, { width: leftWidth });
  const leftBottom = doc.y;
  const rightX = pdf.left + leftWidth;
  const rightWidth = CONTENT_WIDTH - leftWidth;
  pdf.style('label', MUTED).doc.text(kind, rightX, top, { width: rightWidth, align: 'right' });
  pdf.style('heading').doc.fontSize(12).text(title, { width: rightWidth, align: 'right' });
  pdf.style('body').doc.text(status, { width: rightWidth, align: 'right' });
  const bottom = Math.max(leftBottom, doc.y) + 8;
  doc
    .moveTo(pdf.left, bottom)
    .lineTo(pdf.left + CONTENT_WIDTH, bottom)
    .lineWidth(1.5)
    .strokeColor(INK)
    .stroke();
  doc.y = bottom + 8;
}

function runFacts(run: ClosingRun, t: TimeFormat): FactRow[] {
  const answeredBy = [...new Set(run.answers.map((a) => a.by.name))];
  const byCamera = run.answers.filter((a) => a.method === 'camera').length;
  const rows: FactRow[] = [
    ['Branch', run.branchName],
    ['Closing date', dayWords(run.closingDate)],
    ['Closing time', run.closesAt ? t.timeAfter(run.closesAt, run.startedAt) : 'Not an opening day'],
    ['Checklist started', `${t.when(run.startedAt)} by ${run.startedBy.name}`],
  ];
  if (run.status === 'signed') {
    rows.push(['Building clear signed', `${t.timeAfter(run.endedAt!, run.startedAt)} by ${run.endedBy!.name}`]);
    rows.push(['Time to close', minutesWords(Date.parse(run.endedAt!) - Date.parse(run.startedAt))]);
  } else if (run.status === 'abandoned') {
    rows.push(['Set aside unsigned', `${t.timeAfter(run.endedAt!, run.startedAt)} by ${run.endedBy!.name}`]);
  } else {
    rows.push(['Building clear', 'Not signed yet']);
  }
  if (run.endNote) rows.push([run.status === 'abandoned' ? 'Why set aside' : 'Sign-off note', run.endNote]);
  rows.push(
    ['Items answered', `${run.answers.length} of ${run.items.length}`],
    ['Problems found', String(run.answers.filter((a) => a.failed).length)],
    ['Checked on camera', `${byCamera} of ${run.answers.length} answers; the rest walked in person`],
    ['Answered by', answeredBy.join(', ') || '—'],
    ['Exceptions', run.exceptions.length ? run.exceptions.map((e) => EXCEPTION_TITLES[e.kind]).join('; ') : 'None'],
  );
  return rows;
}

function exceptions(pdf: ReportDocument, list: readonly ClosingException[], t: TimeFormat): void {
  pdf.section(`Exceptions (${list.length})`);
  if (list.length === 0) pdf.paragraph('None recorded.', { color: MUTED });
  for (const e of list) exception(pdf, e, t, 0);
}

function exception(pdf: ReportDocument, e: ClosingException, t: TimeFormat, indent: number): void {
  const rows: FactRow[] = [
    ['Began', `${t.when(e.beganAt)} (recorded by ${e.openedBy.name})`],
    ...exceptionFacts(e),
    ...e.steps.map((s): FactRow => [
      STEP_WORDS[s.step],
      `${t.timeAfter(s.at, e.beganAt)} · ${s.by.name}${s.note ? `\n${s.note}` : ''}`,
    ]),
  ];
  if (e.escalateMinutes !== null) rows.push(['Policy', `Police after ${e.escalateMinutes} minutes`]);
  const open = {
    child: 'Not resolved',
    refusal: 'Not resolved',
    inside: 'Still inside',
    reentry: 'Alarm not re-armed yet',
  };
  rows.push(['Resolved', e.resolvedAt ? t.timeAfter(e.resolvedAt, e.beganAt) : open[e.kind]]);
  if (e.incidentId) rows.push(['Incident report', 'Started from this exception']);
  pdf.ensure(30 + Math.min(pdf.factsHeight(rows, { indent: indent + 14 }), 300));
  pdf.subheading(EXCEPTION_TITLES[e.kind], e.zoneName ?? '');
  pdf.facts(rows, { indent: indent + 14 });
}

function checklist(pdf: ReportDocument, run: ClosingRun, t: TimeFormat): void {
  pdf.section(`Checklist (${run.items.length} items)`);
  const answers = new Map(run.answers.map((a) => [a.itemId, a]));
  let zone: string | null | undefined;
  for (const item of run.items) {
    if (item.zoneName !== zone) {
      zone = item.zoneName;
      pdf.subheading(zone ?? 'Whole building');
    }
    const a = answers.get(item.id);
    const value = a
      ? `${a.failed ? 'PROBLEM — ' : ''}${answerWords(a)} · ${METHOD_WORDS[a.method]} · ${t.timeAfter(a.at, run.startedAt)} · ${a.by.name}${a.note ? `\n${a.note}` : ''}${a.incidentId ? '\nIncident report started' : ''}`
      : 'Not answered';
    pdf.facts([[item.label, value]], { indent: 14 });
  }
}

function integrity(pdf: ReportDocument, runs: readonly ClosingRun[], t: TimeFormat): void {
  pdf.section('Record integrity', 80);
  const [only] = runs;
  if (runs.length === 1 && only) {
    const last = only.journal.at(-1);
    pdf.facts([
      ['Journal entry', last ? `${last.kind}, ${t.when(last.at)}` : 'None'],
      ['Entry hash (SHA-256)', last?.hash ?? 'None', 'hash'],
    ]);
  } else {
    const rows = runs.flatMap((r): FactRow[] => {
      const last = r.journal.at(-1);
      return last ? [[dayWords(r.closingDate), last.hash, 'hash']] : [];
    });
    if (rows.length) pdf.facts(rows);
  }
  pdf.note(
    'Each hash seals the closing’s recorded state in the library’s tamper-evident journal: every entry’s hash covers the one before it.',
  );
}

function nightLine(r: ClosingRun, t: TimeFormat): string {
  const failed = r.answers.filter((a) => a.failed).length;
  const end =
    r.status === 'signed'
      ? `Signed ${t.timeAfter(r.endedAt!, r.startedAt)} by ${r.endedBy!.name} · ${minutesWords(Date.parse(r.endedAt!) - Date.parse(r.startedAt))}`
      : r.status === 'abandoned'
        ? `Set aside ${t.timeAfter(r.endedAt!, r.startedAt)} by ${r.endedBy!.name}`
        : `Not signed (${r.answers.length} of ${r.items.length} answered)`;
  const extra = [
    failed ? plural(failed, 'problem') : '',
    r.exceptions.length ? r.exceptions.map((e) => EXCEPTION_TITLES[e.kind].toLowerCase()).join(', ') : '',
  ].filter(Boolean);
  return `${end}\nStarted ${t.timeAfter(r.startedAt, r.startedAt)} by ${r.startedBy.name}${extra.length ? ` · ${extra.join(' · ')}` : ''}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mon 30 Nov 2026" from a local date. */
export function dayWords(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "14 min", "1 h 05 min". */
export function minutesWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
