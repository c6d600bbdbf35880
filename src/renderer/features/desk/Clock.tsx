import { useMainNow } from '../../lib/mainClock';
import { formatClock, formatDay } from '../../lib/time';

/** The desk clock, 24-hour, in the chosen branch's time zone (the machine's for all branches). */
export function Clock({ timeZone }: { timeZone?: string }) {
  const now = useMainNow();

  const zone = timeZone ? ` (${timeZone})` : '';
  return (
    <div className="clock" title={`Local time${zone}`}>
      <time dateTime={now.toISOString()} className="clock-time">
        {formatClock(now, timeZone)}
      </time>
      <span className="clock-day">{formatDay(now, timeZone)}</span>
    </div>
  );
}
