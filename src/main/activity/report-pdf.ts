import { EVACUATION_WORDS, NATURE_WORDS, OUTCOME_WORDS, PRIORITY_WORDS, durationWords } from '../../shared/call-words';
import type { CallListItem } from '../../shared/contract/calls';
import { ENTRY_KIND_WORDS, RESOURCE_KIND_WORDS } from '../../shared/shift-words';
import { CONFIDENTIAL_NOTICE } from '../reports/incident-pdf';
import { STATUS_WORDS, timeFormat, type TimeFormat } from '../reports/format';
import { CONTENT_WIDTH, INK, MUTED, ReportDocument, type FactRow } from '../reports/pdf-document';
import type { ClosingResult, ReportData } from './report-data';

export interface ReportContext {
  library: string;
  title: string;
  generatedAt: Date;
  generatedBy: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const seconds = (a: string, b: string | null) => (b ? (Date.parse(b) - Date.parse(a)) / 1000 : null);

/**
 * The daily activity report: one document the circulation manager reads to know what
 * the desk did in a shift or a day, with the same header, footer and journal seal as
 * every Vigil document. Persons on file are counted, never named: the email leaves
 * the building.
 */
export function renderActivityPdf(d: ReportData, ctx: ReportContext): Promise<Buffer> {
  const t = timeFormat(d.timeZone);
  const pdf = new ReportDocument({
    title: ctx.title,
    subject: `${ctx.library}, ${d.branchName}: ${CONFIDENTIAL_NOTICE}`,
    author: ctx.generatedBy,
    createdAt: ctx.generatedAt,
  });
  header(pdf, d, ctx, t);
  pdf.note(
    `All times are local (${d.timeZone}). Covers ${t.when(d.from)} to ${t.timeAfter(d.to, d.from)}` +
      (Date.parse(d.to) > ctx.generatedAt.getTime() ? ', still going when this report was made.' : '.'),
  );
  summary(pdf, d, t, ctx.generatedAt);
  staff(pdf, d, t);
  rounds(pdf, d, t);
  incidents(pdf, d, t);
  calls(pdf, d, t);
  closings(pdf, d, t, ctx.generatedAt);
  evacuations(pdf, d, t);
  referrals(pdf, d);
  log(pdf, d, t);
  integrity(pdf, d);
  return pdf.finish({
    runningHeader: `${ctx.title} · ${ctx.library}`,
    notice: CONFIDENTIAL_NOTICE,
    generated: `Generated ${t.whenZoned(ctx.generatedAt.toISOString())} by ${ctx.generatedBy} with Vigil`,
  });
}

function header(pdf: ReportDocument, d: ReportData, ctx: ReportContext, t: TimeFormat): void {
  const { doc } = pdf;
  const top = doc.y;
  const leftWidth = CONTENT_WIDTH * 0.55;
  pdf
    .style('label', MUTED)
    .doc.text(ctx.library.toUpperCase(), pdf.left, top, { width: leftWidth, characterSpacing: 1 });
  pdf.style('heading').doc.fontSize(16).text(d.branchName, { width: leftWidth });
  const leftBottom = doc.y;
  const rightX = pdf.left + leftWidth;
  const rightWidth = CONTENT_WIDTH - leftWidth;
  pdf
    .style('label', MUTED)
    .doc.text(d.scope === 'shift' ? 'SHIFT ACTIVITY REPORT' : 'DAILY ACTIVITY REPORT', rightX, top, {
      width: rightWidth,
      align: 'right',
    });
  pdf.style('heading').doc.fontSize(12).text(t.when(d.from).split(',')[0]!, { width: rightWidth, align: 'right' });
  const bottom = Math.max(leftBottom, doc.y) + 8;
  doc
    .moveTo(pdf.left, bottom)
    .lineTo(pdf.left + CONTENT_WIDTH, bottom)
    .lineWidth(1.5)
    .strokeColor(INK)
    .stroke();
  doc.y = bottom + 8;
}

function summary(pdf: ReportDocument, d: ReportData, t: TimeFormat, now: Date): void {
  const open = d.calls.filter((c) => c.status !== 'cleared').length;
  const dispatch = d.calls.flatMap((c) => {
    const s = seconds(c.receivedAt, c.respondingAt);
    return s === null ? [] : [s];
  });
  const waiting = d.entries.filter((e) => e.callbackNeeded && !e.callback).length;
  const passOn = d.entries.filter((e) => e.kind === 'pass-on');
  pdf.section('Summary');
  pdf.facts([
    [
      'Staff on shift',
      d.shifts.length ? [...new Set(d.shifts.map((s) => s.staff.name))].join(', ') : 'No shift recorded',
    ],
    ['Rounds', `${plural(d.rounds.length, 'round')} walked; ${plural(d.missedRounds.length, 'round')} missed`],
    [
      'Incidents',
      d.incidents.length ? `${d.incidents.length}: ${d.incidents.map((i) => i.number).join(', ')}` : 'None reported',
    ],
    [
      'Staff calls',
      d.calls.length
        ? `${d.calls.length}${open ? ` (${open} still open)` : ''}; typical time to a responder ${
            dispatch.length ? durationWords(median(dispatch)) : '—'
          }`
        : 'None',
    ],
    [
      'Closing',
      d.closings.length ? d.closings.map((c) => `${c.branchName}: ${closingWords(c, t, now)}`).join('\n') : '—',
    ],
    [
      'Evacuations and drills',
      d.evacuations.length
        ? d.evacuations.map((e) => `${e.drill ? 'Drill' : 'Evacuation'} at ${e.branchName}`).join(', ')
        : 'None',
    ],
    [
      'Referrals',
      d.referrals.length
        ? plural(
            d.referrals.reduce((n, r) => n + r.count, 0),
            'referral',
          )
        : 'None',
    ],
    [
      'Shift log',
      `${plural(d.entries.length, 'entry', 'entries')}; ${plural(passOn.length, 'note')} passed on; ${plural(waiting, 'callback')} still to make`,
    ],
  ]);
}

function staff(pdf: ReportDocument, d: ReportData, t: TimeFormat): void {
  pdf.section(`Shifts (${d.shifts.length})`);
  if (d.shifts.length === 0) return pdf.paragraph('Nobody started a shift in Vigil in this span.', { color: MUTED });
  pdf.facts(
    d.shifts.map((s): FactRow => [
      s.staff.name,
      `${s.branchName}: ${t.when(s.startedAt)}${s.endedAt ? ` to ${t.timeAfter(s.endedAt, s.startedAt)}` : ', still on shift'}` +
        (s.endNote ? `\n${s.endNote}` : ''),
    ]),
  );
}

function rounds(pdf: ReportDocument, d: ReportData, t: TimeFormat): void {
  pdf.section(`Rounds (${d.rounds.length} walked, ${d.missedRounds.length} missed)`);
  if (d.rounds.length === 0 && d.missedRounds.length === 0) {
    return pdf.paragraph('No round was due or walked.', { color: MUTED });
  }
  pdf.facts([
    ...d.rounds.map((r): FactRow => [
      `${t.timeAfter(r.startedAt, d.from)} ${r.routeName}`,
      `${r.branchName}, ${r.startedBy.name}: ${r.visited} of ${r.total} checkpoints` +
        (r.skipped ? `, ${r.skipped} skipped` : '') +
        (r.endedAt ? `, ended ${t.timeAfter(r.endedAt, r.startedAt)}` : ', not ended') +
        (r.flags.length ? `\n${r.flags.map((f) => f.text).join('; ')}` : ''),
    ]),
    ...d.missedRounds.map((m): FactRow => [
      `${t.timeAfter(m.dueAt, d.from)} ${m.routeName}`,
      `MISSED at ${m.branchName}: no round started by the end of its grace time`,
    ]),
  ]);
  if (d.skippedCheckpoints)
    pdf.note(`${plural(d.skippedCheckpoints, 'checkpoint')} skipped, each with its reason in the rounds history.`);
}

function incidents(pdf: ReportDocument, d: ReportData, t: TimeFormat): void {
  pdf.section(`Incidents (${d.incidents.length})`);
  if (d.incidents.length === 0) return pdf.paragraph('No incident report for this span.', { color: MUTED });
  pdf.facts(
    d.incidents.map((i): FactRow => [
      i.number,
      `${t.when(i.occurredFrom)}${i.zoneName ? `, ${i.zoneName}` : ''} · ${STATUS_WORDS[i.status]}\n${i.summary}`,
    ]),
  );
}

function calls(pdf: ReportDocument, d: ReportData, t: TimeFormat): void {
  pdf.section(`Staff calls (${d.calls.length})`);
  if (d.calls.length === 0) return pdf.paragraph('No staff call for assistance.', { color: MUTED });
  pdf.facts(
    d.calls.map((c): FactRow => [`${t.timeAfter(c.receivedAt, d.from)} ${NATURE_WORDS[c.nature]}`, callLine(c)]),
  );
}

function callLine(c: CallListItem): string {
  const times = [
    ['responder', seconds(c.receivedAt, c.respondingAt)],
    ['on scene', seconds(c.receivedAt, c.onSceneAt)],
    ['cleared', seconds(c.receivedAt, c.clearedAt)],
  ] as const;
  const took = times
    .filter(([, s]) => s !== null)
    .map(([what, s]) => `${what} after ${durationWords(s!)}`)
    .join(', ');
  return (
    `${PRIORITY_WORDS[c.priority]}${c.zoneName ? ` · ${c.zoneName}` : ''} · ` +
    `${c.status === 'cleared' ? `Cleared: ${c.outcome ? OUTCOME_WORDS[c.outcome] : ''}` : 'STILL OPEN'}` +
    (took ? `\n${took}` : '\nNobody recorded as responding')
  );
}

function closingWords(c: ClosingResult, t: TimeFormat, now: Date): string {
  const r = c.run;
  if (r?.status === 'signed')
    return `Building clear signed ${t.timeAfter(r.endedAt!, r.startedAt)} by ${r.endedBy!.name}`;
  if (r?.status === 'abandoned') return `Set aside unsigned by ${r.endedBy!.name}${r.endNote ? `: ${r.endNote}` : ''}`;
  if (r) return `Checklist started ${t.timeAfter(r.startedAt, r.startedAt)} by ${r.startedBy.name}, NOT SIGNED`;
  if (c.closesAt && Date.parse(c.closesAt) > now.getTime())
    return `Closes at ${t.timeAfter(c.closesAt, c.closesAt)}: not yet`;
  return 'NO CLOSING CHECKLIST RECORDED';
}

function closings(pdf: ReportDocument, d: ReportData, t: TimeFormat, now: Date): void {
  pdf.section('Closing');
  if (d.closings.length === 0) return pdf.paragraph('No closing fell in this span.', { color: MUTED });
  pdf.facts(
    d.closings.map((c): FactRow => {
      const r = c.run;
      const problems = r ? r.answers.filter((a) => a.failed).length : 0;
      const extra = r
        ? `\n${r.answers.length} of ${r.items.length} items answered` +
          (problems ? `, ${plural(problems, 'problem')} found` : '') +
          (r.exceptions.length ? `, ${plural(r.exceptions.length, 'exception')}` : '')
        : '';
      return [c.branchName, `${closingWords(c, t, now)}${extra}`];
    }),
  );
}

function evacuations(pdf: ReportDocument, d: ReportData, t: TimeFormat): void {
  pdf.section(`Evacuations and drills (${d.evacuations.length})`);
  if (d.evacuations.length === 0) return pdf.paragraph('None.', { color: MUTED });
  pdf.facts(
    d.evacuations.map((e): FactRow => [
      `${t.timeAfter(e.startedAt, d.from)} ${e.drill ? 'Drill' : 'EVACUATION'}`,
      `${e.branchName}: ${EVACUATION_WORDS[e.kind]}, started by ${e.startedBy}; ` +
        (e.allClearAfter !== null ? `all clear after ${durationWords(e.allClearAfter)}` : 'no all clear yet') +
        `; ${e.zonesSwept} of ${e.zones} zones swept`,
    ]),
  );
}

function referrals(pdf: ReportDocument, d: ReportData): void {
  const total = d.referrals.reduce((n, r) => n + r.count, 0);
  pdf.section(`Referrals to community services (${total})`);
  if (total === 0) return pdf.paragraph('None.', { color: MUTED });
  pdf.facts(d.referrals.map((r): FactRow => [RESOURCE_KIND_WORDS[r.kind], String(r.count)]));
  pdf.note('Counted by kind only: the desk keeps no record of whom it referred.');
}

function log(pdf: ReportDocument, d: ReportData, t: TimeFormat): void {
  pdf.section(`Shift log (${d.entries.length})`);
  if (d.entries.length === 0) return pdf.paragraph('Nothing was written in the shift log.', { color: MUTED });
  pdf.facts(
    d.entries.map((e): FactRow => {
      const lines = [e.text];
      if (e.fromName) lines.unshift(`From ${e.fromName}`);
      if (e.callbackNeeded) {
        lines.push(
          e.callback
            ? `Called back ${t.timeAfter(e.callback.doneAt, e.at)} by ${e.callback.doneBy.name}${e.callback.note ? `: ${e.callback.note}` : ''}`
            : 'CALLBACK STILL TO MAKE',
        );
      }
      const linked = e.links.map((l) => (l.kind === 'person' ? 'a person on file' : l.label));
      if (linked.length) lines.push(`Linked: ${linked.join('; ')}`);
      if (e.kind === 'pass-on') {
        lines.push(
          e.acknowledgements.length
            ? `Read by ${e.acknowledgements.map((a) => `${a.staff.name} ${t.timeAfter(a.at, e.at)}`).join(', ')}`
            : 'Not acknowledged yet',
        );
      }
      if (e.corrects) lines.push(`Corrected: ${e.reason ?? ''}`);
      return [
        `${t.timeAfter(e.at, d.from)} ${ENTRY_KIND_WORDS[e.kind]}`,
        `${lines.filter(Boolean).join('\n')}\n— ${e.recordedBy.name}`,
      ];
    }),
  );
  if (d.corrections)
    pdf.note(
      `${plural(d.corrections, 'earlier version')} of these entries ${d.corrections === 1 ? 'is' : 'are'} kept in Vigil.`,
    );
}

function integrity(pdf: ReportDocument, d: ReportData): void {
  pdf.section('Record integrity', 60);
  pdf.facts([
    ['Journal entries', d.journal ? String(d.journal.entries) : 'None'],
    ['Last entry hash (SHA-256)', d.journal?.hash ?? 'None', 'hash'],
  ]);
  pdf.note(
    'This report was made from the records as they stood at the journal entry above: every entry’s hash covers the one before it, so any later change to them shows.',
  );
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
