import { useEffect, useState } from 'react';
import { call } from '../../../lib/api';
import { useQuery } from '../../../lib/useQuery';
import { useSubmit } from '../../../lib/useSubmit';
import { formatWhen } from '../../incidents/localTime';
import { Button } from '../../../components/Button';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { Unseen } from '../../../components/Unseen';
import type { CameraRecording, RecordingStatus } from '../../../../shared/contract';

const GB = 1024 ** 3;
const size = (bytes: number) => (bytes >= GB ? `${(bytes / GB).toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`);

const STATE_WORDS: Record<CameraRecording['state'], string> = {
  recording: 'Recording',
  waiting: 'No video coming in',
  off: 'Off',
  problem: 'Not recording',
};
const STATE_CLASS: Record<CameraRecording['state'], string> = {
  recording: 'state-live',
  waiting: 'state-stalled',
  off: 'state-disabled',
  problem: 'state-offline',
};

/** How long what is kept reaches back, in words: "29 min", "2 h 5 min". */
function keptFor(c: CameraRecording): string {
  if (!c.from || !c.to) return 'Nothing kept';
  const minutes = Math.round((Date.parse(c.to) - Date.parse(c.from)) / 60_000);
  const span = minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${span}, ${size(c.bytes)}`;
}

/**
 * Settings → Cameras → Replay buffer: how many minutes of each camera are kept for
 * replay and clips (0 turns recording off and deletes what was kept), the disk budget
 * for all of them, what is kept now, and, when the disk filled, that the buffer shrank.
 */
export function RecordingSection() {
  const status = useQuery('recording.status', {}, { refetchOn: ['recording.changed', 'cameras.changed'] });
  const [message, setMessage] = useState<string | undefined>(undefined);
  const budget = useSubmit();
  const { reload } = status;
  // Whether video still arrives is a matter of time, not of an event: looked at again every 10 s.
  useEffect(() => {
    const timer = setInterval(reload, 10_000);
    return () => clearInterval(timer);
  }, [reload]);

  const s = status.value;
  return (
    <section aria-labelledby="recording-title" className="settings-subsection recording-section">
      <h4 id="recording-title" className="section-subtitle">
        Replay buffer
      </h4>
      <p className="section-lead">
        Each camera’s full stream is kept on this computer for replay and evidence clips, as it arrives (no
        re-encoding). The oldest video goes first, by each camera’s minutes and by the disk budget for all of them.
      </p>
      <StatusNotice message={message} />
      <ErrorNotice error={status.error} />
      {s && (
        <>
          {s.shrunk && (
            <p className="notice notice-warn" role="alert">
              {s.shrunk} Live video is not affected.
            </p>
          )}
          {!s.canCut && (
            <p className="notice notice-warn">
              Clips need ffmpeg, which was not found on this computer. Replay works without it.
            </p>
          )}
          <p className="recording-usage">
            Using <strong>{size(s.usedBytes)}</strong> of {size(s.allowedBytes)}
            {s.allowedBytes < s.budgetBytes ? ` (budget ${size(s.budgetBytes)})` : ''}
            {s.diskFreeBytes !== null ? ` · ${size(s.diskFreeBytes)} free on the disk` : ''}
          </p>
          <BudgetForm
            status={s}
            submitting={budget}
            onSaved={(next) => {
              status.setValue(next);
              setMessage(`The buffer may now use ${size(next.budgetBytes)} of disk.`);
            }}
          />
          <table className="table recording-table">
            <caption className="visually-hidden">Replay buffer per camera</caption>
            <thead>
              <tr>
                <th scope="col">Camera</th>
                <th scope="col">Keep</th>
                <th scope="col">Kept now</th>
                <th scope="col">Recording</th>
              </tr>
            </thead>
            <tbody>
              {s.cameras.map((c) => (
                <CameraRow
                  key={c.cameraId}
                  camera={c}
                  onSaved={(next, words) => {
                    status.setValue(next);
                    setMessage(words);
                  }}
                />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function BudgetForm({
  status,
  submitting,
  onSaved,
}: {
  status: RecordingStatus;
  submitting: ReturnType<typeof useSubmit>;
  onSaved: (s: RecordingStatus) => void;
}) {
  const [value, setValue] = useState(String(Math.round((status.budgetBytes / GB) * 10) / 10));
  async function save() {
    const next = await submitting.run(() => call('recording.setBudget', { budgetGb: Number(value) }));
    if (next) onSaved(next);
  }
  const error = submitting.fieldError('budgetGb') ?? submitting.error?.message;
  return (
    <form
      className="recording-budget"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor="recording-budget">Disk budget for all cameras (GB)</label>
      <input
        id="recording-budget"
        type="number"
        min={0.1}
        step={0.1}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'recording-budget-error' : undefined}
        onChange={(e) => setValue(e.target.value)}
      />
      <Button small type="submit" disabled={submitting.pending}>
        Save budget
      </Button>
      {error && (
        <p id="recording-budget-error" className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </form>
  );
}

function CameraRow({
  camera: c,
  onSaved,
}: {
  camera: CameraRecording;
  onSaved: (s: RecordingStatus, words: string) => void;
}) {
  const [minutes, setMinutes] = useState(String(c.minutes));
  const submit = useSubmit();
  const inputId = `keep-${c.cameraId}`;
  async function save() {
    const n = Number(minutes);
    const next = await submit.run(() => call('recording.setMinutes', { cameraId: c.cameraId, minutes: n }));
    if (next) {
      onSaved(
        next,
        n === 0
          ? `${c.cameraName} is no longer recorded; what was kept of it is deleted.`
          : `${c.cameraName}: the last ${n} minutes are kept.`,
      );
    }
  }
  const error = submit.fieldError('minutes') ?? submit.error?.message;
  return (
    <tr className={c.state === 'off' ? 'is-retired' : undefined}>
      <th scope="row">{c.cameraName}</th>
      <td>
        <form
          className="recording-minutes"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label className="visually-hidden" htmlFor={inputId}>
            Minutes of {c.cameraName} to keep (0 turns recording off)
          </label>
          <input
            id={inputId}
            type="number"
            min={0}
            max={1440}
            step={1}
            value={minutes}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setMinutes(e.target.value)}
          />
          <span aria-hidden="true">min</span>
          <Button small type="submit" disabled={submit.pending || minutes === String(c.minutes)}>
            Save<Unseen> minutes of {c.cameraName}</Unseen>
          </Button>
        </form>
        {error && (
          <p className="field-error">
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        )}
      </td>
      <td>
        {keptFor(c)}
        {c.from && <span className="muted small"> · since {formatWhen(c.from, undefined)}</span>}
      </td>
      <td>
        <span className={`badge state-badge ${STATE_CLASS[c.state]}`}>{STATE_WORDS[c.state]}</span>
        {c.message && <span className="camera-reason muted">{c.message}</span>}
      </td>
    </tr>
  );
}
