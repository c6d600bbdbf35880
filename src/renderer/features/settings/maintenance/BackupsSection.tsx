import { useState } from 'react';
import type { FormEvent } from 'react';
import { call } from '../../../lib/api';
import { useQuery } from '../../../lib/useQuery';
import { useSubmit } from '../../../lib/useSubmit';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { TypeToConfirmDialog } from '../../../components/TypeToConfirmDialog';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import type { BackupRun, BackupSet, BackupSettings, MaintenanceStatus } from '../../../../shared/contract';
import { formatDateTime } from '../../../lib/time';
import { SectionHeader } from '../SectionHeader';
import { bytesWords, progressWords, useMaintenanceStatus } from './useMaintenanceStatus';

/** Settings → Backups: where and when, the last one and the next, every set in the folder, restore. */
export function BackupsSection() {
  const { status, setStatus, error, reload } = useMaintenanceStatus();
  return (
    <section aria-labelledby="backups-title" className="settings-section">
      <SectionHeader id="backups-title" title="Backups">
        A copy of the whole database and every snapshot and photo, made while the desk keeps working, checked from the
        backup folder after it is written, and kept 7 daily, 4 weekly and 12 monthly by default. Choose a folder on
        another drive: a backup on the same disk does not survive the disk.
      </SectionHeader>
      <ErrorNotice error={error} />
      {!status ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <BackupNow status={status} onStatus={setStatus} />
          <BackupSettingsForm initial={status.backup.settings} onSaved={setStatus} />
          <RestorePending status={status} onStatus={setStatus} />
          {status.backup.settings.folder && (
            <BackupList
              key={`${status.backup.lastGood?.name ?? ''}|${status.backup.settings.folder}`}
              dataDir={status.dataDir}
              onStatus={(s) => {
                setStatus(s);
                reload();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

function BackupNow({ status, onStatus }: { status: MaintenanceStatus; onStatus: (s: MaintenanceStatus) => void }) {
  const submit = useSubmit();
  const { run, lastGood, nextAt, settings } = status.backup;
  const running = run !== null && run.finishedAt === null;
  return (
    <div className="pref-group backup-now" aria-labelledby="backup-now-title">
      <h4 id="backup-now-title" className="pref-title">
        Now
      </h4>
      <dl className="backup-facts">
        <dt>Last good backup</dt>
        <dd>
          {lastGood ? `${formatDateTime(new Date(lastGood.createdAt))} (${bytesWords(lastGood.bytes)})` : 'None yet'}
        </dd>
        <dt>Next</dt>
        <dd>{nextAt ? formatDateTime(new Date(nextAt)) : 'Backups are off: choose a folder below'}</dd>
      </dl>
      <div role="status" className="backup-run">
        {run && <RunState run={run} />}
      </div>
      <ErrorNotice error={submit.error} />
      <div className="form-actions">
        <Button
          variant="primary"
          disabled={running || submit.pending || settings.folder === null}
          onClick={() =>
            void submit
              .run(() => call('maintenance.backupNow', {}))
              .then((s) => {
                if (s) onStatus(s);
              })
          }
        >
          {running ? 'Backing up…' : 'Back up now'}
        </Button>
      </div>
    </div>
  );
}

function RunState({ run }: { run: BackupRun }) {
  if (run.finishedAt === null) {
    const { step, done, total } = run.progress;
    const words =
      step === 'database'
        ? progressWords(done, total, 'database pages')
        : step === 'files'
          ? progressWords(done, total, 'files')
          : step === 'journal'
            ? `Checking the copy’s journal: ${progressWords(done, total, 'entries')}`
            : 'Checking the copy…';
    return (
      <div>
        <p className="journal-verdict">Backing up…</p>
        <progress max={Math.max(total, 1)} value={done} aria-label="Backup so far" />
        <p className="muted">{words}</p>
      </div>
    );
  }
  if (!run.outcome) return null;
  const at = formatDateTime(new Date(run.finishedAt));
  if (run.outcome.ok) {
    return (
      <p className="journal-ok">
        <span aria-hidden="true">✓ </span>
        Backed up and verified at {at}: {run.outcome.copiedFiles} new {run.outcome.copiedFiles === 1 ? 'file' : 'files'}{' '}
        copied, {run.outcome.reusedFiles} already in the folder.
      </p>
    );
  }
  return (
    <div className="journal-broken">
      <p className="journal-verdict">
        <span aria-hidden="true">✕ </span>
        The backup at {at} failed
      </p>
      <p>{run.outcome.reason}</p>
      <p className="muted">Earlier backups are untouched. Vigil tries again in an hour.</p>
    </div>
  );
}

function BackupSettingsForm({
  initial,
  onSaved,
}: {
  initial: BackupSettings;
  onSaved: (s: MaintenanceStatus) => void;
}) {
  const [folder, setFolder] = useState(initial.folder ?? '');
  const [dailyAt, setDailyAt] = useState(initial.dailyAt);
  const [keep, setKeep] = useState({
    keepDaily: String(initial.keepDaily),
    keepWeekly: String(initial.keepWeekly),
    keepMonthly: String(initial.keepMonthly),
  });
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const submit = useSubmit();

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(undefined);
    const next = await submit.run(() =>
      call('maintenance.saveBackupSettings', {
        folder,
        dailyAt,
        keepDaily: Number(keep.keepDaily),
        keepWeekly: Number(keep.keepWeekly),
        keepMonthly: Number(keep.keepMonthly),
      }),
    );
    if (!next) return;
    onSaved(next);
    setSaved(
      next.backup.settings.folder ? `Saved. Backups go to ${next.backup.settings.folder}.` : 'Saved. Backups are off.',
    );
  }

  return (
    <form className="pref-group" onSubmit={save} noValidate aria-labelledby="backup-where-title">
      <h4 id="backup-where-title" className="pref-title">
        Where and when
      </h4>
      <ErrorNotice error={submit.error} />
      <TextField
        label="Backup folder"
        value={folder}
        onChange={setFolder}
        placeholder="/media/backup-drive/vigil"
        hint="The whole path of a folder that exists, ideally on another drive. Leave it empty to turn backups off."
        error={submit.fieldError('folder')}
      />
      <TextField
        label="Every day at"
        type="time"
        value={dailyAt}
        onChange={setDailyAt}
        hint="This computer’s time. Pick an hour when the desk is quiet; the desk keeps working either way."
        error={submit.fieldError('dailyAt')}
        fieldClassName="field-short"
      />
      <div className="backup-keep">
        {(
          [
            ['keepDaily', 'Keep daily'],
            ['keepWeekly', 'Keep weekly'],
            ['keepMonthly', 'Keep monthly'],
          ] as const
        ).map(([key, label]) => (
          <TextField
            key={key}
            label={label}
            type="number"
            inputMode="numeric"
            min={0}
            value={keep[key]}
            onChange={(v) => setKeep((k) => ({ ...k, [key]: v }))}
            error={submit.fieldError(key)}
            fieldClassName="field-short"
          />
        ))}
      </div>
      <div className="form-actions">
        <Button type="submit" disabled={submit.pending}>
          Save backup settings
        </Button>
      </div>
      <StatusNotice message={saved} />
    </form>
  );
}

function RestorePending({ status, onStatus }: { status: MaintenanceStatus; onStatus: (s: MaintenanceStatus) => void }) {
  const submit = useSubmit();
  const { pending, failed } = status.restore;
  if (!pending && !failed) return null;
  return (
    <div className="pref-group" role="status">
      {pending && (
        <>
          <p className="journal-verdict">Restore of the backup from {pending} waits for the next start</p>
          <p className="muted">
            Close Vigil and start it again to restore. The current data is moved aside into {status.dataDir}
            /before-restore-…, never deleted.
          </p>
          <ErrorNotice error={submit.error} />
          <Button
            onClick={() =>
              void submit
                .run(() => call('maintenance.cancelRestore', {}))
                .then((s) => {
                  if (s) onStatus(s);
                })
            }
          >
            Cancel the restore
          </Button>
        </>
      )}
      {!pending && failed && <p className="journal-broken">{failed}</p>}
    </div>
  );
}

function BackupList({ dataDir, onStatus }: { dataDir: string; onStatus: (s: MaintenanceStatus) => void }) {
  const list = useQuery('maintenance.backups', {});
  const [checks, setChecks] = useState<Record<string, string>>({});
  const [restoring, setRestoring] = useState<BackupSet | undefined>(undefined);
  const verify = useSubmit();

  async function check(name: string) {
    setChecks((c) => ({ ...c, [name]: 'Checking…' }));
    const v = await verify.run(() => call('maintenance.verifyBackup', { name }));
    if (v) setChecks((c) => ({ ...c, [name]: v.ok ? '✓ Intact' : `✕ ${v.reason}` }));
    else setChecks((c) => ({ ...c, [name]: '' }));
  }

  if (list.error) return <ErrorNotice error={list.error} />;
  if (!list.value) return <p className="muted">Reading the backup folder…</p>;
  return (
    <div className="pref-group">
      <h4 className="pref-title" id="backup-list-title">
        In the folder
      </h4>
      {list.value.length === 0 ? (
        <p className="muted">No backups in the folder yet.</p>
      ) : (
        <table className="table backup-table" aria-labelledby="backup-list-title">
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">Size</th>
              <th scope="col">Journal entries</th>
              <th scope="col">Check</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.value.map((s) => (
              <tr key={s.name}>
                <td>{formatDateTime(new Date(s.createdAt))}</td>
                <td>{bytesWords(s.bytes)}</td>
                <td>{s.journalEntries.toLocaleString('en-US')}</td>
                <td role="status">{checks[s.name] ?? ''}</td>
                <td className="row-actions">
                  <Button
                    onClick={() => void check(s.name)}
                    aria-label={`Verify the backup of ${formatDateTime(new Date(s.createdAt))}`}
                  >
                    Verify
                  </Button>
                  <Button
                    onClick={() => setRestoring(s)}
                    aria-label={`Restore the backup of ${formatDateTime(new Date(s.createdAt))}`}
                  >
                    Restore…
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorNotice error={verify.error} />
      {restoring && (
        <RestoreDialog
          set={restoring}
          dataDir={dataDir}
          onCancel={() => setRestoring(undefined)}
          onDone={(s) => {
            setRestoring(undefined);
            onStatus(s);
          }}
        />
      )}
    </div>
  );
}

function RestoreDialog({
  set,
  dataDir,
  onCancel,
  onDone,
}: {
  set: BackupSet;
  dataDir: string;
  onCancel: () => void;
  onDone: (s: MaintenanceStatus) => void;
}) {
  const submit = useSubmit();
  const made = formatDateTime(new Date(set.createdAt));
  async function confirm(typed: string) {
    const s = await submit.run(() =>
      call('maintenance.requestRestore', { name: set.name, confirm: typed as 'RESTORE' }),
    );
    if (s) onDone(s);
  }
  return (
    <TypeToConfirmDialog
      title={`Restore the backup of ${made}?`}
      word="RESTORE"
      confirmLabel="Restore at next start"
      pendingLabel="Checking the backup…"
      pending={submit.pending}
      onConfirm={(typed) => void confirm(typed)}
      onCancel={onCancel}
    >
      <p>
        Everything recorded after {made} will no longer be on the desk. The current data is not deleted: it is moved
        into {dataDir}/before-restore-…
      </p>
      <p>Vigil checks the backup now and restores it the next time it starts.</p>
      <ErrorNotice error={submit.error} />
    </TypeToConfirmDialog>
  );
}
