import { useState } from 'react';
import { useQuery } from '../../lib/useQuery';
import { formatClockSeconds } from '../../lib/time';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/Notice';
import type { Snapshot } from '../../../shared/contract';

interface SnapshotTrayProps {
  /** The branch time zone a camera's times are read in. */
  timeZoneOf: (cameraId: string) => string | undefined;
}

/**
 * This shift's snapshots at this desk, newest first, for later attaching to
 * incidents. Each shows its SHA-256, the name it is stored under, so a copy
 * can be checked against the original.
 */
export function SnapshotTray({ timeZoneOf }: SnapshotTrayProps) {
  const list = useQuery('snapshots.list', {}, { refetchOn: ['snapshots.changed'] });
  const [open, setOpen] = useState(true);
  const snapshots = list.value?.snapshots ?? [];
  const mediaBase = list.value?.mediaBase ?? '';

  return (
    <section className="snapshot-tray" aria-labelledby="snapshot-tray-title">
      <div className="tray-head">
        <h3 id="snapshot-tray-title" className="tray-title">
          Snapshots this shift
        </h3>
        <span className="muted">{snapshots.length === 0 ? 'None yet' : `${snapshots.length} saved`}</span>
        <Button small variant="quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide snapshots' : 'Show snapshots'}
        </Button>
      </div>
      <ErrorNotice error={list.error} />
      {open && snapshots.length === 0 && !list.error && (
        <p className="muted tray-empty">Press S on a camera, or its Snapshot button, to keep the picture on screen.</p>
      )}
      {open && snapshots.length > 0 && (
        <ul className="tray-list">
          {snapshots.map((s) => (
            <SnapshotCard key={s.id} snapshot={s} mediaBase={mediaBase} timeZone={timeZoneOf(s.cameraId)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SnapshotCard({ snapshot, mediaBase, timeZone }: { snapshot: Snapshot; mediaBase: string; timeZone?: string }) {
  const when = new Date(snapshot.frameTime ?? snapshot.takenAt);
  const time = formatClockSeconds(when, timeZone);
  const hash = snapshot.sha256;
  return (
    <li className="tray-card">
      <img
        src={`${mediaBase}/snapshots/${hash}.png`}
        alt={`${snapshot.cameraName} at ${time}`}
        width={snapshot.width}
        height={snapshot.height}
        loading="lazy"
      />
      <div className="tray-facts">
        <span className="tray-camera">{snapshot.cameraName}</span>
        <span className="tray-when">
          <time dateTime={when.toISOString()}>{time}</time>
          <span className="muted"> · {snapshot.takenByName}</span>
        </span>
        <code className="tray-hash" title={`SHA-256 ${hash}`} aria-description={`SHA-256 ${hash}`}>
          {hash.slice(0, 8)}…{hash.slice(-4)}
        </code>
      </div>
    </li>
  );
}
