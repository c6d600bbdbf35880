import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Unseen } from '../../../components/Unseen';
import { mainNow } from '../../../lib/mainClock';
import type { Branch } from '../../../../shared/contract';
import { WEEKDAY_NAMES, addDays, localDate } from '../../../../shared/opening-hours';
import { dateWords } from '../../duties/words';

/** Past special days older than this are folded away; they still count for history. */
const RECENT_DAYS = 14;

/** "Mon–Thu 09:00–20:00 · Fri 09:00–18:00 · Sun closed": consecutive days with the same hours joined. */
export function weekWords(branch: Branch): string {
  if (branch.hours.weekly.length === 0) return 'No opening hours set: no reminders or rounds are due.';
  const hours = WEEKDAY_NAMES.map((_, i) => {
    const d = branch.hours.weekly.find((w) => w.weekday === i + 1);
    return d ? `${d.opens}–${d.closes}` : 'closed';
  });
  const parts: string[] = [];
  for (let i = 0; i < 7;) {
    let j = i;
    while (j + 1 < 7 && hours[j + 1] === hours[i]) j++;
    const days =
      i === j ? WEEKDAY_NAMES[i]!.slice(0, 3) : `${WEEKDAY_NAMES[i]!.slice(0, 3)}–${WEEKDAY_NAMES[j]!.slice(0, 3)}`;
    parts.push(`${days} ${hours[i]}`);
    i = j + 1;
  }
  return parts.join(' · ');
}

interface HoursSummaryProps {
  branch: Branch;
  busy: boolean;
  onEditHours: () => void;
  onAddDay: () => void;
  onRemoveDay: (date: string) => void;
}

/** A branch's opening hours in a line, and its special days (holidays, special hours). */
export function HoursSummary({ branch, busy, onEditHours, onAddDay, onRemoveDay }: HoursSummaryProps) {
  const [showPast, setShowPast] = useState(false);
  const today = localDate(mainNow().getTime(), branch.timeZone);
  const since = addDays(today, -RECENT_DAYS);
  const past = branch.hours.special.filter((d) => d.date < since);
  const shown = showPast ? branch.hours.special : branch.hours.special.filter((d) => d.date >= since);
  return (
    <div className="hours">
      <div className="zones-head">
        <h5 className="zones-title">Opening hours</h5>
        <span className="row-actions">
          <Button small variant="quiet" onClick={onEditHours}>
            Edit hours<Unseen> of {branch.name}</Unseen>
          </Button>
          <Button small variant="quiet" onClick={onAddDay}>
            Add special day<Unseen> at {branch.name}</Unseen>
          </Button>
        </span>
      </div>
      <p className="hours-week">{weekWords(branch)}</p>
      {shown.length > 0 && (
        <ul className="special-days" aria-label={`Special days at ${branch.name}`}>
          {shown.map((d) => (
            <li key={d.date}>
              <strong>{dateWords(d.date)}</strong> {d.opens ? `${d.opens}–${d.closes}` : 'closed'}
              {d.note && <span className="muted"> · {d.note}</span>}
              {d.date < today && <span className="muted"> (past)</span>}
              <Button small variant="quiet" disabled={busy} onClick={() => onRemoveDay(d.date)}>
                Remove<Unseen> the special day {dateWords(d.date)}</Unseen>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 && !showPast && (
        <Button small variant="quiet" onClick={() => setShowPast(true)}>
          Show {past.length} older special day{past.length === 1 ? '' : 's'}
        </Button>
      )}
    </div>
  );
}
