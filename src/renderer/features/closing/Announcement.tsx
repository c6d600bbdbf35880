import { useMainNow } from '../../lib/mainClock';
import { formatClock } from '../../lib/time';
import { announcement, reminderDue } from '../../../shared/closing-words';
import { countdownWords } from '../duties/words';

interface AnnouncementProps {
  /** Epoch ms of closing today. */
  closesAt: number;
  timeZone: string;
  reminderMinutes: readonly number[];
}

/** In the minutes before closing, the words to say over the speakers, in full, where the closing is worked. */
export function Announcement({ closesAt, timeZone, reminderMinutes }: AnnouncementProps) {
  const now = useMainNow();
  const left = closesAt - now.getTime();
  const due = reminderDue(reminderMinutes, left);
  if (due === undefined) return null;
  return (
    <div className="announcement" role="note" aria-label="Closing announcement">
      <p className="announcement-head">
        <span className="status-word tone-warn">Announce now</span> · closes {formatClock(new Date(closesAt), timeZone)}
        , in {countdownWords(left)}
      </p>
      <p className="announcement-words">“{announcement(due)}”</p>
    </div>
  );
}
