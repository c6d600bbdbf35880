import type { Db } from '../src/main/db/connection';
import { uuidv7 } from '../src/main/ids';
import { prng } from './incidents-data';

const DAY = 86_400_000;
const NATURES = ['disturbance', 'medical', 'patron-help', 'suspicious', 'facility', 'other'] as const;
const OUTCOMES = ['resolved', 'patron-left', 'police-took-over', 'referred', 'no-action'] as const;

/** "2026-11" in a zone, with one formatter per zone (as the service computes it). */
function monthFormatter(timeZone: string) {
  const f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' });
  return (ms: number) => {
    const p = f.formatToParts(ms);
    return `${p.find((x) => x.type === 'year')!.value}-${p.find((x) => x.type === 'month')!.value}`;
  };
}

/**
 * `years` of cleared calls for every branch, `perDay` a day each, through the real
 * schema: the call rows with their mirrored times and every step record, as the
 * service writes them. A seeded generator: the same database each run.
 */
export function generateCalls(
  db: Db,
  o: {
    branches: { id: string; timeZone: string; zoneIds: string[] }[];
    staffId: string;
    years: number;
    perDay: number;
    end: number;
  },
): number {
  const random = prng(12);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const insertCall = db.prepare(
    `INSERT INTO calls (id, branch_id, zone_id, caller_staff_id, caller_name, channel, nature, priority, detail,
       received_by, status, received_at, responding_at, on_scene_at, cleared_at, responders, responder_names, outcome,
       outcome_note, month, dispatch_s, arrive_s, clear_s, revision, updated_at)
     VALUES (?, ?, ?, NULL, 'Circulation desk', 'phone', ?, ?, 'Bench call', ?, 'cleared', ?, ?, ?, ?,
       '[{"staffId":null,"name":"Kim"}]', 'Kim', ?, '', ?, ?, ?, ?, 4, ?)`,
  );
  const insertStep = db.prepare(
    `INSERT INTO call_steps (id, call_id, step, at, responders, outcome, note, recorded_at, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)`,
  );
  const days = Math.round(o.years * 365.25);
  let count = 0;
  db.transaction(() => {
    for (const branch of o.branches) {
      const month = monthFormatter(branch.timeZone);
      for (let d = days; d > 0; d--) {
        const day = o.end - d * DAY;
        const n = Math.max(0, Math.round(o.perDay * (0.5 + random())));
        for (let i = 0; i < n; i++) {
          const received = day + Math.floor(random() * 10 * 3_600_000) + 9 * 3_600_000;
          const urgent = random() < 0.2;
          const dispatch = Math.round((urgent ? 15 : 30) + random() * random() * (urgent ? 120 : 400));
          const onScene = random() < 0.95;
          const arrive = onScene ? dispatch + Math.round(40 + random() * 260) : null;
          const clear = (arrive ?? dispatch) + Math.round(120 + random() * 2400);
          const iso = (s: number) => new Date(received + s * 1000).toISOString();
          const id = uuidv7(received);
          const receivedAt = iso(0);
          insertCall.run(
            id,
            branch.id,
            pick(branch.zoneIds),
            pick(NATURES),
            urgent ? 'urgent' : 'normal',
            o.staffId,
            receivedAt,
            iso(dispatch),
            arrive === null ? null : iso(arrive),
            iso(clear),
            pick(OUTCOMES),
            month(received),
            dispatch,
            arrive,
            clear,
            iso(clear),
          );
          insertStep.run(uuidv7(received), id, 'received', receivedAt, '[]', null, receivedAt, o.staffId);
          insertStep.run(
            uuidv7(received),
            id,
            'responding',
            iso(dispatch),
            '[{"staffId":null,"name":"Kim"}]',
            null,
            iso(dispatch),
            o.staffId,
          );
          if (arrive !== null)
            insertStep.run(uuidv7(received), id, 'on-scene', iso(arrive), '[]', null, iso(arrive), o.staffId);
          insertStep.run(uuidv7(received), id, 'cleared', iso(clear), '[]', 'resolved', iso(clear), o.staffId);
          count++;
        }
      }
    }
  })();
  return count;
}
