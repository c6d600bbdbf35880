import { useEffect, useState } from 'react';
import { formatClock, formatDay } from '../../lib/time';

/** The desk clock, 24-hour, in the chosen branch's time zone (the machine's for all branches). */
export function Clock({ timeZone }: { timeZone?: string }) {
  const [now, setNow] = useState(() => new Date());

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1_000);
    return () => clearInterval(timer);
  }, []);

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
