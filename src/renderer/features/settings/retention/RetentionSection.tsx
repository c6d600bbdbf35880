import { useState } from 'react';
import type { FormEvent } from 'react';
import { call } from '../../../lib/api';
import { useQuery } from '../../../lib/useQuery';
import { useSubmit } from '../../../lib/useSubmit';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { TypeToConfirmDialog } from '../../../components/TypeToConfirmDialog';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import {
  RETENTION_KINDS,
  RETENTION_NOTES,
  type PurgeCount,
  type PurgePreview,
  type PurgeRun,
  type RetentionKind,
  type RetentionSettings,
  type RetentionStatus,
} from '../../../../shared/contract';
import { formatDateTime, formatDay } from '../../../lib/time';
import { SectionHeader } from '../SectionHeader';
import { HoldsList } from './HoldsList';

export const KIND_LABELS: Record<RetentionKind | 'videoBuffer', string> = {
  videoBuffer: 'Camera replay buffer',
  looseMedia: 'Snapshots, photos and clips not on a kept record',
  incidents: 'Incident reports',
  bans: 'Bans, after they end',
  persons: 'Persons on file',
  calls: 'Staff calls',
  shiftLogs: 'Shift logs and daily reports',
  checklists: 'Closing checklists and patrol rounds',
  audit: 'Audit log',
};

/** Days as a reader says them: "3 years", "30 days". */
export function daysWords(days: number): string {
  if (days % 365 === 0) return `${days / 365} ${days === 365 ? 'year' : 'years'}`;
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** Settings → Retention: how long each kind is kept, what a purge would remove, the purge, the log of purges, holds. */
export function RetentionSection() {
  const status = useQuery('retention.status', {});
  return (
    <section aria-labelledby="retention-title" className="settings-section">
      <SectionHeader id="retention-title" title="Retention">
        How long each kind of record is kept. Past that, the daily purge removes it for real: the rows, their words in
        the search index, their files, and what the journal and the audit log said of them. A record under a legal hold
        is never purged.
      </SectionHeader>
      <ErrorNotice error={status.error} />
      {!status.value ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <RetentionForm status={status.value} onSaved={status.setValue} />
          <PurgePanel status={status.value} onDone={status.reload} />
          <HoldsList />
        </>
      )}
    </section>
  );
}

function RetentionForm({ status, onSaved }: { status: RetentionStatus; onSaved: (s: RetentionStatus) => void }) {
  const [days, setDays] = useState<Record<RetentionKind, string>>(
    () =>
      Object.fromEntries(RETENTION_KINDS.map((k) => [k, String(status.settings.days[k])])) as Record<
        RetentionKind,
        string
      >,
  );
  const [daily, setDaily] = useState(status.settings.daily);
  const [dailyAt, setDailyAt] = useState(status.settings.dailyAt);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const submit = useSubmit();

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(undefined);
    const next = await submit.run(() =>
      call('retention.saveSettings', {
        days: Object.fromEntries(RETENTION_KINDS.map((k) => [k, Number(days[k])])) as RetentionSettings['days'],
        daily,
        dailyAt,
      }),
    );
    if (!next) return;
    onSaved(next);
    setSaved('Saved. The next purge follows these settings.');
  }

  return (
    <form className="pref-group" onSubmit={save} noValidate aria-labelledby="retention-keep-title">
      <h4 id="retention-keep-title" className="pref-title">
        Keep each kind for
      </h4>
      <ErrorNotice error={submit.error} />
      <div className="retention-kind">
        <div>
          <p className="retention-label">{KIND_LABELS.videoBuffer}</p>
          <p className="muted retention-note">{RETENTION_NOTES.videoBuffer}</p>
        </div>
        <p className="retention-value">
          {status.videoWindowMinutes === 0
            ? 'Off on every camera'
            : `Up to ${status.videoWindowMinutes} minutes, per camera`}
        </p>
      </div>
      {RETENTION_KINDS.map((k) => (
        <div className="retention-kind" key={k}>
          <div>
            <p className="retention-label" id={`retention-${k}-label`}>
              {KIND_LABELS[k]}
            </p>
            <p className="muted retention-note">{RETENTION_NOTES[k]}</p>
          </div>
          <TextField
            label={`Days to keep: ${KIND_LABELS[k]}`}
            type="number"
            inputMode="numeric"
            min={1}
            value={days[k]}
            onChange={(v) => setDays((d) => ({ ...d, [k]: v }))}
            hint={Number(days[k]) > 0 ? daysWords(Number(days[k])) : undefined}
            error={submit.fieldError(`days.${k}`)}
            fieldClassName="field-short retention-days"
          />
        </div>
      ))}
      <label className="check">
        <input type="checkbox" checked={daily} onChange={(e) => setDaily(e.target.checked)} /> Purge every day
      </label>
      {daily && (
        <TextField
          label="Every day at"
          type="time"
          value={dailyAt}
          onChange={setDailyAt}
          hint="This computer’s time, when the desk is quiet."
          error={submit.fieldError('dailyAt')}
          fieldClassName="field-short"
        />
      )}
      <div className="form-actions">
        <Button type="submit" disabled={submit.pending}>
          Save retention settings
        </Button>
      </div>
      <StatusNotice message={saved} />
    </form>
  );
}

function CountsTable({ counts, caption }: { counts: readonly PurgeCount[]; caption: string }) {
  return (
    <table className="table retention-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">Removed</th>
          <th scope="col">Oldest</th>
          <th scope="col">Kept by a legal hold</th>
        </tr>
      </thead>
      <tbody>
        {counts.map((c) => (
          <tr key={c.kind}>
            <th scope="row">{KIND_LABELS[c.kind]}</th>
            <td>{c.count.toLocaleString('en-US')}</td>
            <td>{c.oldest ? `${formatDay(new Date(c.oldest))} ${new Date(c.oldest).getFullYear()}` : '—'}</td>
            <td>{c.held ? c.held.toLocaleString('en-US') : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PurgePanel({ status, onDone }: { status: RetentionStatus; onDone: () => void }) {
  const preview = useSubmit();
  const [shown, setShown] = useState<PurgePreview | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<PurgeRun | undefined>(undefined);
  const runs = useQuery('retention.runs', {}, { deps: [done?.id] });
  const last = status.lastRun;

  return (
    <div className="pref-group" aria-labelledby="retention-purge-title">
      <h4 id="retention-purge-title" className="pref-title">
        Purge
      </h4>
      <dl className="backup-facts">
        <dt>Last purge</dt>
        <dd>
          {last ? `${formatDateTime(new Date(last.finishedAt))}${last.byName ? ` by ${last.byName}` : ''}` : 'None yet'}
        </dd>
        <dt>Next</dt>
        <dd>
          {!status.nextAt
            ? 'The daily purge is off'
            : new Date(status.nextAt) <= new Date()
              ? 'Due now (the desk was off at its time)'
              : formatDateTime(new Date(status.nextAt))}
        </dd>
      </dl>
      {status.failed && (
        <p className="journal-broken" role="alert">
          The last purge failed: {status.failed}. Nothing was removed by it.
        </p>
      )}
      <p className="muted">
        Backups made before a purge still hold what it removed until their rotation drops them (12 months with the
        default rotation).
      </p>
      <ErrorNotice error={preview.error} />
      <div className="form-actions">
        <Button
          disabled={preview.pending}
          onClick={() =>
            void preview
              .run(() => call('retention.preview', {}))
              .then((p) => {
                if (p) setShown(p);
              })
          }
        >
          {preview.pending ? 'Counting…' : 'Show what a purge would remove'}
        </Button>
        <Button variant="danger" onClick={() => setConfirming(true)}>
          Purge now…
        </Button>
      </div>
      {shown && (
        <div role="status" aria-label="What a purge now would remove">
          <p>
            A purge now would remove these ({shown.files.toLocaleString('en-US')} {shown.files === 1 ? 'file' : 'files'}
            ), counted at {formatDateTime(new Date(shown.at))}:
          </p>
          <CountsTable counts={shown.counts} caption="What a purge now would remove" />
        </div>
      )}
      {done && (
        <div role="status" aria-label="The purge just done">
          <p className="journal-ok">
            <span aria-hidden="true">✓ </span>
            Purged at {formatDateTime(new Date(done.finishedAt))}: {done.files.toLocaleString('en-US')}{' '}
            {done.files === 1 ? 'file' : 'files'} deleted.
          </p>
          <CountsTable counts={done.counts} caption="What the purge removed" />
        </div>
      )}
      {confirming && (
        <PurgeDialog
          onCancel={() => setConfirming(false)}
          onDone={(r) => {
            setConfirming(false);
            setShown(undefined);
            setDone(r);
            onDone();
          }}
        />
      )}
      {runs.value && runs.value.length > 0 && (
        <details className="retention-runs">
          <summary>Earlier purges ({runs.value.length})</summary>
          <ul>
            {runs.value.map((r) => (
              <li key={r.id}>
                {formatDateTime(new Date(r.finishedAt))} —{' '}
                {r.trigger === 'schedule'
                  ? 'daily'
                  : r.trigger === 'terminal'
                    ? 'from a terminal'
                    : (r.byName ?? 'asked')}
                :{' '}
                {r.counts
                  .filter((c) => c.count > 0)
                  .map((c) => `${c.count.toLocaleString('en-US')} ${KIND_LABELS[c.kind].toLowerCase()}`)
                  .join(', ') || 'nothing past its time'}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function PurgeDialog({ onCancel, onDone }: { onCancel: () => void; onDone: (r: PurgeRun) => void }) {
  const submit = useSubmit();
  async function confirm(typed: string) {
    const r = await submit.run(() => call('retention.purgeNow', { confirm: typed as 'PURGE' }));
    if (r) onDone(r);
  }
  return (
    <TypeToConfirmDialog
      title="Purge now?"
      word="PURGE"
      confirmLabel="Purge for real"
      pendingLabel="Purging…"
      pending={submit.pending}
      onConfirm={(typed) => void confirm(typed)}
      onCancel={onCancel}
    >
      <p>
        Everything past the times set above is removed and cannot be brought back from this desk. Records under a legal
        hold stay.
      </p>
      <ErrorNotice error={submit.error} />
    </TypeToConfirmDialog>
  );
}
