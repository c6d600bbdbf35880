import type { BanDetail, NoticeTemplate } from '../../shared/contract/bans';
import { ReportDocument, type FactRow } from '../reports/pdf-document';
import { timeFormat } from '../reports/format';
import { dayWords } from '../zoned';
import { stepLabel } from './ladder';
import { privilegeWords } from './status';

/** The facts a letter is written from, gathered by the bans service. */
export interface LetterInput {
  ban: BanDetail;
  where: string;
  branch: { name: string; address: string; timeZone: string };
  library: string;
  recipient: 'person' | 'guardian';
  personName: string;
  guardianName: string;
  rules: { code: string; title: string }[];
  incidents: { number: string; occurredFrom: string }[];
  appealDays: number;
  /** When appeals close (midnight ending the last day), as it will stand if delivered today, or as recorded. */
  appealDeadline: Date;
  template: NoticeTemplate;
  generatedAt: Date;
  generatedBy: string;
  journalHash: string;
}

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);

const CONFIDENTIAL = 'Confidential library record — Wis. Stat. § 43.30';

/** The suspension notice: the conduct, the rules, the period and return date, what is suspended, the appeal route. */
export function renderNoticePdf(input: LetterInput): Promise<Buffer> {
  const { ban, branch, template } = input;
  const t = timeFormat(branch.timeZone);
  const day = (iso: string) => dayWords(new Date(iso), branch.timeZone, new Date(iso)).concat(` ${iso.slice(0, 4)}`);
  const pdf = new ReportDocument({
    title: `${template.heading} ${ban.number}`,
    subject: `${input.library}: ${CONFIDENTIAL}`,
    author: input.generatedBy,
    createdAt: input.generatedAt,
  });
  const values = {
    name: input.personName,
    branch: branch.name,
    library: input.library,
    where: input.where,
    rules: input.rules.map((r) => `${r.code} ${r.title}`).join('; '),
    incidentDates: input.incidents.map((i) => day(i.occurredFrom)).join(', '),
    appealDays: String(input.appealDays),
    // The deadline is the midnight that ends the last day: the letter names that last day.
    appealDeadline: day(new Date(input.appealDeadline.getTime() - 1).toISOString()),
    what: whatWords(ban, day),
  };
  pdf.style('label').doc.text(input.library.toUpperCase());
  pdf.style('small').doc.text(`${branch.name} · ${branch.address}`);
  pdf.doc.moveDown(0.6);
  pdf.style('heading').doc.text(template.heading);
  pdf.style('body').doc.text(`Notice ${ban.number} · ${t.when(input.generatedAt.toISOString())}`);
  pdf.doc.moveDown(0.4);
  const to =
    input.recipient === 'guardian'
      ? `${input.guardianName || 'Parent or guardian'}, for ${input.personName}`
      : input.personName;
  pdf.facts([['To', to]]);
  pdf.doc.moveDown(0.5);
  if (input.recipient === 'guardian') pdf.paragraph(fill(template.guardian, values));
  pdf.paragraph(fill(template.opening, values));

  const rows: FactRow[] = [
    ['Suspension', stepLabel(ban.step)],
    ['Where', input.where],
    ['What is suspended', ban.privileges.length ? privilegeWords(ban.privileges) : 'Nothing (a warning)'],
    ['Starts', t.when(ban.startsAt)],
    ['Ends', ban.endsAt ? t.when(ban.endsAt) : 'Indefinitely: until the library reinstates you'],
    [
      'You may return',
      ban.endsAt
        ? ban.meetingRequired
          ? `After ${day(ban.endsAt)}, once the reinstatement meeting is held`
          : day(ban.endsAt)
        : 'After a reinstatement meeting',
    ],
    ['Reinstatement meeting', ban.meetingRequired ? 'Required before you use the library again' : 'Not required'],
    ['Rules', input.rules.map((r) => `${r.code} ${r.title}`).join('\n')],
    ['Incident reports', input.incidents.map((i) => i.number).join(', ')],
    ['Appeal by', `${values.appealDeadline} (${input.appealDays} days from delivery)`],
  ];
  pdf.section('The suspension');
  pdf.facts(rows);
  pdf.section('If you come back during the suspension');
  pdf.paragraph(fill(template.duringBan, values));
  pdf.section('How to appeal');
  pdf.paragraph(fill(template.appealRoute, values));
  pdf.section('Authority');
  pdf.paragraph(fill(template.authority, values));
  pdf.paragraph(fill(template.closing, values));
  pdf.section('Delivery');
  pdf.facts([
    ['Delivered by', '______________________  on ____________'],
    ['Received (signature)', '______________________   or refused to sign:  ☐'],
  ]);
  pdf.section('Record');
  pdf.facts([['Journal hash', input.journalHash, 'hash']]);
  return pdf.finish({
    runningHeader: `${template.heading} ${ban.number} · ${input.library}`,
    notice: CONFIDENTIAL,
    generated: `Generated ${t.whenZoned(input.generatedAt.toISOString())} by ${input.generatedBy} with Vigil`,
  });
}

function whatWords(ban: BanDetail, day: (iso: string) => string): string {
  if (ban.step.kind === 'warning')
    return 'This letter is a written warning: your library privileges are not suspended.';
  const until = ban.endsAt ? `until ${day(ban.endsAt)}` : 'indefinitely';
  return `Your use of ${privilegeWords(ban.privileges)} is suspended ${until}.`;
}

/** The appeal decision letter. */
export function renderDecisionPdf(input: {
  ban: BanDetail;
  branch: { name: string; address: string; timeZone: string };
  library: string;
  personName: string;
  appeal: NonNullable<BanDetail['particulars']>['appeals'][number];
  generatedAt: Date;
  generatedBy: string;
  journalHash: string;
}): Promise<Buffer> {
  const { ban, branch, appeal } = input;
  const t = timeFormat(branch.timeZone);
  const d = appeal.decision!;
  const pdf = new ReportDocument({
    title: `Appeal decision ${ban.number}`,
    subject: `${input.library}: ${CONFIDENTIAL}`,
    author: input.generatedBy,
    createdAt: input.generatedAt,
  });
  pdf.style('label').doc.text(input.library.toUpperCase());
  pdf.style('small').doc.text(`${branch.name} · ${branch.address}`);
  pdf.doc.moveDown(0.6);
  pdf.style('heading').doc.text('Decision on your appeal');
  pdf.style('body').doc.text(`Suspension ${ban.number} · ${t.when(input.generatedAt.toISOString())}`);
  pdf.doc.moveDown(0.4);
  const outcome =
    d.decision === 'upheld'
      ? 'The suspension is upheld: it stays as the notice said.'
      : d.decision === 'lifted'
        ? 'The suspension is lifted: you may use the library again from today.'
        : `The suspension is shortened: it now ends ${d.newEndsAt ? t.when(d.newEndsAt) : ''}.`;
  pdf.facts([
    ['To', input.personName],
    ['Appeal received', t.when(appeal.receivedAt)],
    ...(appeal.hearing ? ([['Heard', `${t.when(appeal.hearing.at)}, ${appeal.hearing.place}`]] as FactRow[]) : []),
    ['Decided', `${t.when(d.at)} by ${d.byName}`],
    ['Decision', outcome],
  ]);
  if (d.note) {
    pdf.section('Reasons');
    pdf.paragraph(d.note);
  }
  if (ban.meetingRequired && d.decision !== 'lifted') {
    pdf.paragraph('A reinstatement meeting with a manager is still needed before you use the library again.');
  }
  pdf.section('Record');
  pdf.facts([['Journal hash', input.journalHash, 'hash']]);
  return pdf.finish({
    runningHeader: `Appeal decision ${ban.number} · ${input.library}`,
    notice: CONFIDENTIAL,
    generated: `Generated ${t.whenZoned(input.generatedAt.toISOString())} by ${input.generatedBy} with Vigil`,
  });
}
