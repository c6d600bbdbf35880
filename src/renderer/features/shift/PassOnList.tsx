import { call } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';
import { useSubmit } from '../../lib/useSubmit';
import { formatDateTime } from '../../lib/time';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/Notice';
import type { Branch } from '../../../shared/contract';

/** Notes the last shifts passed on that this person has not acknowledged: read, then acknowledge each. */
export function PassOnList({ branches }: { branches: readonly Branch[] }) {
  const list = useQuery('shifts.passOn', {}, { refetchOn: ['shifts.changed'] });
  const submit = useSubmit();
  const notes = list.value ?? [];
  if (list.error) return <ErrorNotice error={list.error} />;
  if (notes.length === 0) return null;
  const tz = (id: string | null) => branches.find((b) => b.id === id)?.timeZone;
  return (
    <section className="duty-card shift-pass-on" aria-labelledby="pass-on-title">
      <h3 id="pass-on-title">
        Passed on to you <span className="badge badge-warn">{notes.length} to read</span>
      </h3>
      <ErrorNotice error={submit.error} />
      <ul className="shift-list">
        {notes.map((n) => (
          <li key={n.id} className="shift-item">
            <div className="shift-item-facts">
              <strong>{n.recordedBy.name}</strong>
              <span className="muted">
                {n.branchName}, {formatDateTime(new Date(n.at), { timeZone: tz(n.branchId) })}
              </span>
            </div>
            <p className="shift-item-text">{n.text}</p>
            <Button
              variant="primary"
              small
              disabled={submit.pending}
              aria-label={`Acknowledge: ${n.text.slice(0, 60)}`}
              onClick={() => void submit.run(() => call('shifts.acknowledge', { id: n.id })).then(() => list.reload())}
            >
              Read — acknowledge
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Messages waiting for a callback, oldest first: mark each done with what came of it. */
export function CallbacksList({ branches }: { branches: readonly Branch[] }) {
  const list = useQuery('shifts.callbacks', {}, { refetchOn: ['shifts.changed'] });
  const submit = useSubmit();
  const waiting = list.value ?? [];
  if (list.error) return <ErrorNotice error={list.error} />;
  if (waiting.length === 0) return null;
  const tz = (id: string | null) => branches.find((b) => b.id === id)?.timeZone;
  return (
    <section className="duty-card shift-callbacks" aria-labelledby="callbacks-title">
      <h3 id="callbacks-title">
        Callbacks to make <span className="badge badge-warn">{waiting.length} waiting</span>
      </h3>
      <ErrorNotice error={submit.error} />
      <ul className="shift-list">
        {waiting.map((m) => (
          <li key={m.id} className="shift-item">
            <div className="shift-item-facts">
              <strong>{m.fromName || 'Caller'}</strong>
              <a className="shift-phone" href={`tel:${m.callbackNumber.replace(/[^\d+]/g, '')}`}>
                {m.callbackNumber}
              </a>
              <span className="muted">
                {m.kind === 'voicemail' ? 'Voicemail' : 'Phone call'},{' '}
                {formatDateTime(new Date(m.at), { timeZone: tz(m.branchId) })}
              </span>
            </div>
            {m.text && <p className="shift-item-text">{m.text}</p>}
            <Button
              small
              disabled={submit.pending}
              aria-label={`Callback done: ${m.fromName || m.callbackNumber}`}
              onClick={() => void submit.run(() => call('shifts.callbackDone', { id: m.id, note: '' }))}
            >
              Callback done
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
