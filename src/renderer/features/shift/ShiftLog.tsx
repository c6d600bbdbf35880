import { useState } from 'react';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';
import { useSubmit } from '../../lib/useSubmit';
import { formatClock } from '../../lib/time';
import { Button } from '../../components/Button';
import { TextAreaField, TextField } from '../../components/Field';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/Notice';
import type { ShiftEntry } from '../../../shared/contract';
import { ENTRY_KIND_WORDS } from '../../../shared/shift-words';
import { Corrections } from './Correction';
import { EntryLinks } from './EntryLinks';
import { LinkPicker } from './LinkPicker';

interface ShiftLogProps {
  branchId: string | null;
  branchName: string;
  date: string;
  timeZone: string | undefined;
}

/** A day's shift log, newest first: each line what it is, when, who wrote it; corrections beside the original. */
export function ShiftLog({ branchId, branchName, date, timeZone }: ShiftLogProps) {
  const log = useQuery('shifts.log', { branchId, date }, { refetchOn: ['shifts.changed'] });
  const [correcting, setCorrecting] = useState<string | null>(null);
  const all = log.value?.entries ?? [];
  const entries = all.filter((e) => e.current);
  // Each entry's records, oldest first: the log holds every record of the day, corrected ones too.
  const chains = new Map<string, ShiftEntry[]>();
  for (const e of [...all].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id))) {
    chains.set(e.chainId, [...(chains.get(e.chainId) ?? []), e]);
  }
  return (
    <section className="duty-card shift-log" aria-labelledby="shift-log-title">
      <h3 id="shift-log-title">
        Shift log: {branchName}, today <span className="muted">({entries.length})</span>
      </h3>
      <ErrorNotice error={log.error} />
      {log.value && entries.length === 0 && <EmptyState title="Nothing in the log today yet" />}
      <ol className="shift-list" aria-label="Log entries">
        {entries.map((e) => (
          <li key={e.id} className={`shift-item${e.withdrawn ? ' is-withdrawn' : ''}`}>
            <EntryLine entry={e} timeZone={timeZone} />
            <Corrections chain={chains.get(e.chainId) ?? [e]} timeZone={timeZone} />
            {correcting === e.id ? (
              <CorrectForm entry={e} timeZone={timeZone} onDone={() => setCorrecting(null)} />
            ) : (
              !e.withdrawn && (
                <div className="shift-item-actions">
                  <EntryActions entry={e} />
                  <Button small variant="quiet" onClick={() => setCorrecting(e.id)} aria-label={`Correct: ${label(e)}`}>
                    Correct…
                  </Button>
                </div>
              )
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

const label = (e: ShiftEntry) => `${ENTRY_KIND_WORDS[e.kind]} ${e.fromName || e.text}`.slice(0, 80);

function EntryLine({ entry: e, timeZone }: { entry: ShiftEntry; timeZone: string | undefined }) {
  return (
    <>
      <div className="shift-item-facts">
        <time dateTime={e.at} className="strong">
          {formatClock(new Date(e.at), timeZone)}
        </time>
        <span className={`shift-kind kind-${e.kind}`}>{ENTRY_KIND_WORDS[e.kind]}</span>
        {e.fromName && <strong>From {e.fromName}</strong>}
        {e.callbackNumber && <span>{e.callbackNumber}</span>}
        <span className="muted">— {e.recordedBy.name}</span>
        {e.corrects && !e.withdrawn && <span className="badge">Corrected</span>}
        {e.withdrawn && <span className="badge badge-retired">Withdrawn</span>}
      </div>
      {e.text && <p className="shift-item-text">{e.text}</p>}
      <EntryLinks links={e.links} />
      {e.callbackNeeded && (
        <p className={e.callback ? 'tone-ok small' : 'tone-warn small strong'}>
          {e.callback
            ? `Callback done by ${e.callback.doneBy.name} at ${formatClock(new Date(e.callback.doneAt), timeZone)}`
            : 'Callback still to make'}
        </p>
      )}
      {e.kind === 'pass-on' && (
        <p className="small muted">
          {e.acknowledgements.length
            ? `Read by ${e.acknowledgements.map((a) => `${a.staff.name} at ${formatClock(new Date(a.at), timeZone)}`).join(', ')}`
            : 'Not acknowledged yet'}
        </p>
      )}
    </>
  );
}

function EntryActions({ entry: e }: { entry: ShiftEntry }) {
  const submit = useSubmit();
  if (!e.callbackNeeded || e.callback) return null;
  return (
    <>
      <Button
        small
        disabled={submit.pending}
        aria-label={`Mark callback done: ${e.fromName || e.callbackNumber}`}
        onClick={() => void submit.run(() => call('shifts.callbackDone', { id: e.id, note: '' }))}
      >
        Mark callback done
      </Button>
      <ErrorNotice error={submit.error} />
    </>
  );
}

/** A correction is a new record pointing at the old one, with a reason; withdrawing keeps the old one struck through. */
function CorrectForm({
  entry,
  timeZone,
  onDone,
}: {
  entry: ShiftEntry;
  timeZone: string | undefined;
  onDone: () => void;
}) {
  const [text, setText] = useState(entry.text);
  const [links, setLinks] = useState(entry.links);
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  async function save(withdraw: boolean) {
    const done = await submit.run(() =>
      call('shifts.correctEntry', {
        id: entry.id,
        branchId: entry.branchId,
        kind: entry.kind,
        at: entry.at,
        text: withdraw ? entry.text : text,
        fromName: entry.fromName,
        callbackNumber: entry.callbackNumber,
        callbackNeeded: entry.callbackNeeded,
        links: (withdraw ? entry.links : links).map((l) => ({ kind: l.kind, id: l.id })),
        withdraw,
        reason,
      }),
    );
    if (done) onDone();
  }
  return (
    <form
      className="inline-form"
      aria-label="Correct the entry"
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <TextAreaField
        label="Corrected text"
        value={text}
        onChange={setText}
        rows={2}
        error={submit.fieldError('text')}
      />
      <div className="shift-entry-links">
        <EntryLinks links={links} onRemove={(l) => setLinks(links.filter((x) => x !== l))} />
        <LinkPicker links={links} timeZone={timeZone} onAdd={(l) => setLinks([...links, l])} />
      </div>
      <TextField label="Why it is corrected" value={reason} onChange={setReason} error={submit.fieldError('reason')} />
      <ErrorNotice error={submit.error} summarize />
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={submit.pending}>
          Save correction
        </Button>
        <Button variant="danger" disabled={submit.pending} onClick={() => void save(true)}>
          Withdraw (made by mistake)
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
