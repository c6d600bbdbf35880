import { useRef, useState } from 'react';
import { call } from '../../lib/api';
import { formatClockSeconds } from '../../lib/time';
import { Button } from '../../components/Button';
import { Unseen } from '../../components/Unseen';
import { useDeskActions } from '../desk/deskActions';
import './replay-from-report.css';

interface ReplayFromReportProps {
  cameraId: string;
  cameraName: string;
  /** The moment to replay from (a camera reference's start, the incident's time within it, a snapshot's frame). */
  from: string;
  /** The end of the range the report names, if it names one. */
  to?: string;
  timeZone: string | undefined;
}

/**
 * "Replay from 19:42:07" where a report names a camera and a time: opens that
 * camera's recording at that moment in the large tile, if the buffer still holds it.
 * When it does not (too old, recording off, a gap), it says so here in words, next
 * to the button, and the wall is left as it was. Replay's Esc brings the keyboard back.
 */
export function ReplayFromReport({ cameraId, cameraName, from, to, timeZone }: ReplayFromReportProps) {
  const desk = useDeskActions();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const time = formatClockSeconds(new Date(from), timeZone);

  async function replay() {
    if (busy) return;
    setBusy(true);
    const r = await call('replay.reach', { cameraId, from, ...(to ? { to } : {}) });
    setBusy(false);
    if (!r.ok) return setSaid(r.error.message);
    if (!r.value.kept || !r.value.at) return setSaid(r.value.message);
    setSaid(null);
    desk.replayAt({ cameraId, at: r.value.at, note: r.value.message, returnTo: buttonRef.current });
  }

  return (
    <span className="replay-from-report">
      <Button
        small
        buttonRef={buttonRef}
        disabled={busy}
        onClick={() => void replay()}
        title="Replay this camera's recording from this moment in the large tile, if it is still kept"
      >
        Replay<Unseen> {cameraName}</Unseen> from {time}
      </Button>
      <span className="replay-from-said" role="status">
        {said}
      </span>
    </span>
  );
}
