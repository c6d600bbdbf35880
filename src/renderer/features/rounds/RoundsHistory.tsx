import { useMemo, useState } from 'react';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';
import { useSubmit } from '../../lib/useSubmit';
import { mainNow } from '../../lib/mainClock';
import { formatClock, formatDay } from '../../lib/time';
import { Button } from '../../components/Button';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import { SelectField, TextField } from '../../components/Field';
import type { Branch, StaffSummary } from '../../../shared/contract';
import { addDays, localDate } from '../../../shared/opening-hours';
import { downloadPdf } from '../duties/downloadPdf';
import { dateWords, durationWords, secondsWords } from '../duties/words';
import { useDisclose } from '../disclose/DiscloseProvider';

interface RoundsHistoryProps {
  branch: Branch;
  staff: StaffSummary;
  onOpen: (roundId: string) => void;
}

/**
 * A branch's rounds over dates, or one person's: rounds done, missed intervals,
 * skipped checkpoints with their reasons, the shortest and longest time between
 * checkpoints, and the same as a printable PDF.
 */
export function RoundsHistory({ branch, staff, onOpen }: RoundsHistoryProps) {
  const today = localDate(mainNow().getTime(), branch.timeZone);
  const [from, setFrom] = useState(addDays(today, -6));
  const [to, setTo] = useState(today);
  const [person, setPerson] = useState('');
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const input = { branchId: branch.id, from, to, staffId: person || null };
  const history = useQuery('rounds.history', input, { refetchOn: ['rounds.changed'], enabled: Boolean(from && to) });
  const pdf = useSubmit();
  const askDisclose = useDisclose();
  const [people, setPeople] = useState(() => new Map([[staff.id, `${staff.name} (me)`]]));
  const h = history.value;
  // Everyone who started a round in view can be chosen; the list only grows while the panel is open.
  const seen = useMemo(() => h?.rounds.filter((r) => !people.has(r.startedBy.id)) ?? [], [h, people]);
  if (seen.length > 0) setPeople(new Map([...people, ...seen.map((r) => [r.startedBy.id, r.startedBy.name] as const)]));

  async function exportPdf() {
    const disclose = await askDisclose({
      what: `The rounds of ${branch.name}, ${from} to ${to}`,
      action: 'Export PDF',
      basis: 'library-administration',
    });
    if (!disclose) return;
    const file = await pdf.run(() => call('rounds.exportPdf', { ...input, disclose }));
    if (file) {
      downloadPdf(file);
      setSaved(`Saved ${file.fileName}.`);
    }
  }

  const clock = (iso: string) => formatClock(new Date(iso), branch.timeZone);
  const flagged = h?.rounds.filter((r) => r.flags.length > 0).length ?? 0;
  return (
    <section className="duty-history" aria-labelledby="rounds-history-title">
      <div className="history-head">
        <h3 id="rounds-history-title">History · {branch.name}</h3>
        <Button small onClick={() => void exportPdf()} disabled={pdf.pending || !h}>
          Print (PDF)
        </Button>
      </div>
      <div className="history-filters">
        <TextField label="From" type="date" value={from} onChange={setFrom} error={history.error?.fields?.from} />
        <TextField label="To" type="date" value={to} onChange={setTo} error={history.error?.fields?.to} />
        <SelectField
          label="Whose rounds"
          value={person}
          options={[{ value: '', label: 'Everyone' }, ...[...people].map(([id, name]) => ({ value: id, label: name }))]}
          onChange={setPerson}
        />
      </div>
      <ErrorNotice error={pdf.error ?? (history.error && !history.error.fields ? history.error : undefined)} />
      <StatusNotice message={saved} />
      {h && (
        <>
          <p className="history-summary" role="status">
            {h.rounds.length} round{h.rounds.length === 1 ? '' : 's'} done
            {!h.staffId && ` · ${h.missed.length} missed interval${h.missed.length === 1 ? '' : 's'}`} ·{' '}
            {h.skipped.length} skipped checkpoint
            {h.skipped.length === 1 ? '' : 's'} · {flagged} flagged
            {h.shortestGap &&
              h.longestGap &&
              ` · between checkpoints ${secondsWords(h.shortestGap.seconds)} (shortest, ${h.shortestGap.from} to ${h.shortestGap.to}) to ${secondsWords(h.longestGap.seconds)} (longest, ${h.longestGap.from} to ${h.longestGap.to})`}
          </p>
          {!h.staffId && h.missed.length > 0 && (
            <div className="history-block">
              <h4>Missed intervals</h4>
              <ul className="plain-list">
                {h.missed.map((m) => (
                  <li key={`${m.routeId}${m.dueAt}`}>
                    <span className="status-word tone-danger">Missed</span> {dateWords(m.date)}: {m.routeName} due{' '}
                    {clock(m.dueAt)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {h.skipped.length > 0 && (
            <div className="history-block">
              <h4>Skipped checkpoints</h4>
              <ul className="plain-list">
                {h.skipped.map((s) => (
                  <li key={`${s.roundId}${s.zoneName}`}>
                    <span className="status-word tone-warn">Skipped</span> {formatDay(new Date(s.at), branch.timeZone)}{' '}
                    {clock(s.at)} · {s.zoneName} ({s.routeName}) · {s.by.name}: “{s.reason}”
                  </li>
                ))}
              </ul>
            </div>
          )}
          {h.rounds.length > 0 && (
            <div className="table-scroll">
              <table className="table history-table">
                <caption className="visually-hidden">Rounds of {branch.name}, oldest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Started</th>
                    <th scope="col">Route</th>
                    <th scope="col">Who</th>
                    <th scope="col">Took</th>
                    <th scope="col">Checkpoints</th>
                    <th scope="col">Quality</th>
                    <th scope="col">
                      <span className="visually-hidden">Open</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...h.rounds].reverse().map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        {formatDay(new Date(r.startedAt), branch.timeZone)} {clock(r.startedAt)}
                      </th>
                      <td>{r.routeName}</td>
                      <td>{r.startedBy.name}</td>
                      <td>
                        {r.endedAt ? durationWords(Date.parse(r.endedAt) - Date.parse(r.startedAt)) : 'In progress'}
                      </td>
                      <td>
                        {r.visited}/{r.total}
                        {r.skipped > 0 && <span className="tone-warn"> · {r.skipped} skipped</span>}
                        {r.byCamera > 0 && <span className="muted"> · {r.byCamera} on camera</span>}
                      </td>
                      <td className="found">
                        {r.flags.length === 0 ? (
                          <span className="muted">—</span>
                        ) : (
                          r.flags.map((f) => (
                            <span key={f.kind} className="tone-warn" title={f.text}>
                              {f.kind === 'fast' ? 'Too fast' : 'Out of order'}
                            </span>
                          ))
                        )}
                      </td>
                      <td className="cell-actions">
                        <Button small variant="quiet" onClick={() => onOpen(r.id)}>
                          Open
                          <span className="visually-hidden">
                            {' '}
                            the {r.routeName.toLowerCase()} of {clock(r.startedAt)}
                          </span>
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {h.rounds.length === 0 && <p className="muted">No rounds in these dates.</p>}
        </>
      )}
    </section>
  );
}
