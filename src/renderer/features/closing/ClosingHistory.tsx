import { useEffect, useState } from 'react';
import { call } from '../../lib/api';
import type { CallError } from '../../lib/api';
import { useEvent } from '../../lib/useEvent';
import { useSubmit } from '../../lib/useSubmit';
import { mainNow } from '../../lib/mainClock';
import { formatClock } from '../../lib/time';
import { Button } from '../../components/Button';
import { Unseen } from '../../components/Unseen';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import { InlineForm } from '../../components/InlineForm';
import { TextField } from '../../components/Field';
import type { Branch, RunSummary } from '../../../shared/contract';
import { EXCEPTION_TITLES } from '../../../shared/closing-words';
import { addDays, localDate } from '../../../shared/opening-hours';
import { downloadPdf } from '../duties/downloadPdf';
import { dateWords, durationWords } from '../duties/words';
import { useDisclose } from '../disclose/DiscloseProvider';

const PAGE = 30;
const STATUS_WORD = { open: 'In progress', signed: 'Signed', abandoned: 'Set aside' } as const;
const STATUS_TONE = { open: 'warn', signed: 'ok', abandoned: 'muted' } as const;

interface ClosingHistoryProps {
  branch: Branch;
  onOpen: (runId: string) => void;
}

/** A branch's closings, newest first, a page at a time; each opens in full; a span of dates prints as one PDF. */
export function ClosingHistory({ branch, onOpen }: ClosingHistoryProps) {
  const [items, setItems] = useState<RunSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<CallError | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const [exporting, setExporting] = useState(false);
  const more = useSubmit();

  useEffect(() => {
    let live = true;
    void call('closing.history', { branchId: branch.id, limit: PAGE }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error);
      setError(undefined);
      setItems(r.value.items);
      setNext(r.value.nextCursor);
      setTotal(r.value.total);
    });
    return () => {
      live = false;
    };
  }, [branch.id, version]);
  useEvent('closing.changed', (p) => {
    if (p.branchId === branch.id) setVersion((v) => v + 1);
  });

  async function loadMore() {
    if (!next) return;
    const page = await more.run(() => call('closing.history', { branchId: branch.id, cursor: next, limit: PAGE }));
    if (page) {
      setItems([...items, ...page.items]);
      setNext(page.nextCursor);
    }
  }

  const clock = (iso: string) => formatClock(new Date(iso), branch.timeZone);
  return (
    <section className="duty-history" aria-labelledby="closing-history-title">
      <div className="history-head">
        <h3 id="closing-history-title">History · {branch.name}</h3>
        <span className="muted">{total === null ? 'Loading…' : `${total} closing${total === 1 ? '' : 's'}`}</span>
        <Button small onClick={() => setExporting(true)} aria-expanded={exporting}>
          Export dates…
        </Button>
      </div>
      {exporting && <RangeExport branch={branch} onDone={() => setExporting(false)} />}
      <ErrorNotice error={error ?? more.error} />
      {total === 0 && <p className="muted">No closing has been recorded at {branch.name} yet.</p>}
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="table history-table">
            <caption className="visually-hidden">Closings of {branch.name}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">State</th>
                <th scope="col">Started</th>
                <th scope="col">Signed</th>
                <th scope="col">Took</th>
                <th scope="col">Found</th>
                <th scope="col">
                  <span className="visually-hidden">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{dateWords(r.closingDate)}</th>
                  <td>
                    <span className={`status-word tone-${STATUS_TONE[r.status]}`}>{STATUS_WORD[r.status]}</span>
                    {r.status === 'open' && (
                      <span className="muted">
                        {' '}
                        {r.answered}/{r.items}
                      </span>
                    )}
                  </td>
                  <td>
                    {clock(r.startedAt)} <span className="muted">{r.startedBy.name}</span>
                  </td>
                  <td>
                    {r.endedAt && r.status === 'signed' ? (
                      <>
                        {clock(r.endedAt)} <span className="muted">{r.endedBy?.name}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{r.endedAt ? durationWords(Date.parse(r.endedAt) - Date.parse(r.startedAt)) : '—'}</td>
                  <td className="found">
                    {r.failed > 0 && (
                      <span className="tone-danger">
                        {r.failed} problem{r.failed === 1 ? '' : 's'}
                      </span>
                    )}
                    {r.exceptionKinds.map((k) => (
                      <span key={k} className="tone-warn">
                        {EXCEPTION_TITLES[k]}
                      </span>
                    ))}
                    {r.failed === 0 && r.exceptions === 0 && <span className="muted">Nothing</span>}
                  </td>
                  <td className="cell-actions">
                    <Button small variant="quiet" onClick={() => onOpen(r.id)}>
                      Open<Unseen> the closing of {dateWords(r.closingDate)}</Unseen>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <Button small variant="quiet" disabled={more.pending} onClick={() => void loadMore()}>
          {more.pending ? 'Loading…' : 'Show older closings'}
        </Button>
      )}
    </section>
  );
}

function RangeExport({ branch, onDone }: { branch: Branch; onDone: () => void }) {
  const today = localDate(mainNow().getTime(), branch.timeZone);
  const [from, setFrom] = useState(addDays(today, -30));
  const [to, setTo] = useState(today);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const submit = useSubmit();
  const askDisclose = useDisclose();
  async function save() {
    const disclose = await askDisclose({
      what: `The closings of ${branch.name}, ${from} to ${to}`,
      action: 'Export PDF',
      basis: 'library-administration',
    });
    if (!disclose) return;
    const file = await submit.run(() => call('closing.exportPdf', { branchId: branch.id, from, to, disclose }));
    if (file) {
      downloadPdf(file);
      setSaved(`Saved ${file.fileName}.`);
    }
  }
  return (
    <>
      <InlineForm
        title={`Export the closings of ${branch.name}`}
        submitLabel="Export PDF"
        pending={submit.pending}
        error={submit.error}
        onSubmit={() => void save()}
        onCancel={onDone}
      >
        <TextField label="First date" type="date" value={from} onChange={setFrom} error={submit.fieldError('from')} />
        <TextField label="Last date" type="date" value={to} onChange={setTo} error={submit.fieldError('to')} />
      </InlineForm>
      <StatusNotice message={saved} />
    </>
  );
}
