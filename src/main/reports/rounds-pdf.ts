import type { RoundsHistory } from '../../shared/contract/rounds';
import { dayWords, minutesWords } from './closing-pdf';
import { CONFIDENTIAL_NOTICE } from './incident-pdf';
import { timeFormat } from './format';
import { CONTENT_WIDTH, INK, MUTED, ReportDocument, type FactRow } from './pdf-document';

export interface RoundsPdfContext {
  library: string;
  branchName: string;
  branchAddress: string;
  timeZone: string;
  /** The person the history is about, when it is one person's. */
  personName: string | null;
  generatedAt: Date;
  generatedBy: string;
}

/** "42 s", "3 min 10 s". */
export function secondsWords(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
}

/** A branch's (or one person's) rounds over dates: rounds done, missed intervals, skips and their reasons, gaps. */
export function renderRoundsPdf(h: RoundsHistory, ctx: RoundsPdfContext): Promise<Buffer> {
  const t = timeFormat(ctx.timeZone);
  const span = `${dayWords(h.from)} – ${dayWords(h.to)}`;
  const pdf = new ReportDocument({
    title: `Patrol rounds ${ctx.branchName} ${h.from} to ${h.to}`,
    subject: `${ctx.library}, ${ctx.branchName}: ${CONFIDENTIAL_NOTICE}`,
    author: ctx.generatedBy,
    createdAt: ctx.generatedAt,
  });
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
  pdf.style('label', MUTED).doc.text('PATROL ROUNDS', rightX, top, { width: rightWidth, align: 'right' });
  pdf.style('heading').doc.fontSize(14).text(span, { width: rightWidth, align: 'right' });
  pdf.style('body').doc.text(ctx.personName ? `Rounds of ${ctx.personName}` : 'All rounds of the branch', {
    width: rightWidth,
    align: 'right',
  });
  const bottom = Math.max(leftBottom, doc.y) + 8;
  doc
    .moveTo(pdf.left, bottom)
    .lineTo(pdf.left + CONTENT_WIDTH, bottom)
    .lineWidth(1.5)
    .strokeColor(INK)
    .stroke();
  doc.y = bottom + 8;
  pdf.note(`All times are local to the branch (${ctx.timeZone}).`);

  const flagged = h.rounds.filter((r) => r.flags.length > 0);
  pdf.section('Summary');
  const summary: FactRow[] = [
    ['Rounds done', String(h.rounds.length)],
    [
      'Checkpoints visited',
      `${h.rounds.reduce((n, r) => n + r.visited, 0)} (${h.rounds.reduce((n, r) => n + r.byCamera, 0)} on camera)`,
    ],
    ['Checkpoints skipped', String(h.skipped.length)],
    ['Rounds flagged', String(flagged.length)],
  ];
  if (!ctx.personName) summary.push(['Missed intervals', String(h.missed.length)]);
  if (h.shortestGap) {
    summary.push([
      'Shortest between checkpoints',
      `${secondsWords(h.shortestGap.seconds)}, ${h.shortestGap.from} to ${h.shortestGap.to} (${t.when(h.shortestGap.at)})`,
    ]);
  }
  if (h.longestGap) {
    summary.push([
      'Longest between checkpoints',
      `${secondsWords(h.longestGap.seconds)}, ${h.longestGap.from} to ${h.longestGap.to} (${t.when(h.longestGap.at)})`,
    ]);
  }
  pdf.facts(summary);

  pdf.section(`Rounds (${h.rounds.length})`);
  if (h.rounds.length === 0) pdf.paragraph('No rounds in these dates.', { color: MUTED });
  pdf.facts(
    h.rounds.map((r): FactRow => {
      const duration = r.endedAt ? minutesWords(Date.parse(r.endedAt) - Date.parse(r.startedAt)) : 'not ended';
      const gaps =
        r.shortestGapSeconds !== null
          ? ` · between checkpoints ${secondsWords(r.shortestGapSeconds)} to ${secondsWords(r.longestGapSeconds!)}`
          : '';
      const lines = [
        `${r.routeName} · ${r.startedBy.name} · ${duration}`,
        `${r.visited} of ${r.total} visited${r.byCamera ? ` (${r.byCamera} on camera)` : ''}${r.skipped ? ` · ${r.skipped} skipped` : ''}${r.observations ? ` · ${r.observations} observation${r.observations === 1 ? '' : 's'}` : ''}${gaps}`,
        ...r.flags.map((f) => `FLAG: ${f.text}`),
      ];
      return [t.when(r.startedAt), lines.join('\n')];
    }),
  );

  if (!ctx.personName) {
    pdf.section(`Missed intervals (${h.missed.length})`);
    if (h.missed.length === 0) pdf.paragraph('None: every required round started in time.', { color: MUTED });
    const byDay = new Map<string, string[]>();
    for (const m of h.missed)
      byDay.set(m.date, [...(byDay.get(m.date) ?? []), `${m.routeName} due ${t.timeAfter(m.dueAt, m.dueAt)}`]);
    pdf.facts([...byDay].map(([date, list]): FactRow => [dayWords(date), list.join('\n')]));
  }

  pdf.section(`Skipped checkpoints (${h.skipped.length})`);
  if (h.skipped.length === 0) pdf.paragraph('None.', { color: MUTED });
  pdf.facts(
    h.skipped.map((s): FactRow => [t.when(s.at), `${s.zoneName} (${s.routeName}) · ${s.by.name}\nReason: ${s.reason}`]),
  );

  return pdf.finish({
    runningHeader: `Patrol rounds · ${ctx.library}, ${ctx.branchName} · ${span}`,
    notice: CONFIDENTIAL_NOTICE,
    generated: `Generated ${t.whenZoned(ctx.generatedAt.toISOString())} by ${ctx.generatedBy} with Vigil`,
  });
}
