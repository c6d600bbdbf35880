import { durationWords } from '../../shared/call-words';
import { RESOURCE_KIND_WORDS } from '../../shared/shift-words';
import { timeFormat } from '../reports/format';
import type { ReportData } from './report-data';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The email's plain-text body: counts, report numbers and what needs a follow-up, in
 * a few lines a manager reads on a phone. No caller's or patron's name and no
 * narrative: those are in the attached PDF, a confidential record.
 */
export function reportSummary(d: ReportData, title: string, now: Date): string {
  const t = timeFormat(d.timeZone);
  const open = d.calls.filter((c) => c.status !== 'cleared');
  const dispatch = d.calls
    .filter((c) => c.respondingAt)
    .map((c) => (Date.parse(c.respondingAt!) - Date.parse(c.receivedAt)) / 1000)
    .sort((a, b) => a - b);
  const waiting = d.entries.filter((e) => e.callbackNeeded && !e.callback).length;
  const passOn = d.entries.filter((e) => e.kind === 'pass-on');
  const unread = passOn.filter((e) => e.acknowledgements.length === 0).length;
  const referrals = d.referrals.reduce((n, r) => n + r.count, 0);
  const closing = d.closings.map((c) => {
    const r = c.run;
    const words =
      r?.status === 'signed'
        ? `signed ${t.timeAfter(r.endedAt!, r.startedAt)} by ${r.endedBy!.name}`
        : r?.status === 'abandoned'
          ? 'set aside unsigned'
          : r
            ? 'started, NOT SIGNED'
            : c.closesAt && Date.parse(c.closesAt) > now.getTime()
              ? 'not yet'
              : 'NOT RECORDED';
    return `  ${c.branchName}: ${words}`;
  });
  const lines = [
    title,
    `${t.when(d.from)} to ${t.timeAfter(d.to, d.from)} (${d.timeZone})`,
    '',
    `Staff on shift: ${d.shifts.length ? [...new Set(d.shifts.map((s) => s.staff.name))].join(', ') : 'none recorded'}`,
    `Rounds: ${d.rounds.length} walked, ${d.missedRounds.length} missed`,
    `Incidents: ${d.incidents.length}${d.incidents.length ? ` (${d.incidents.map((i) => i.number).join(', ')})` : ''}`,
    `Staff calls: ${d.calls.length}${open.length ? `, ${open.length} still open` : ''}` +
      (dispatch.length
        ? `; median time to a responder ${durationWords(dispatch[Math.floor(dispatch.length / 2)]!)}`
        : ''),
    ...(closing.length ? ['Closing:', ...closing] : []),
    `Evacuations and drills: ${d.evacuations.length}`,
    `Referrals to community services: ${referrals}` +
      (referrals
        ? ` (${d.referrals.map((r) => `${RESOURCE_KIND_WORDS[r.kind].toLowerCase()} ${r.count}`).join(', ')})`
        : ''),
    `Shift log: ${plural(d.entries.length, 'entry', 'entries')}, ${plural(passOn.length, 'note')} passed on` +
      (unread ? ` (${unread} not yet read)` : ''),
    ...(waiting ? [`Callbacks still to make: ${waiting}`] : []),
    '',
    'The full report is attached as a PDF. It is a confidential library record (Wis. Stat. § 43.30): do not forward it outside the library.',
    '',
    '— Vigil, the security desk console',
  ];
  return lines.join('\n');
}
