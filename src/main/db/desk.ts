import { hostname } from 'node:os';
import { uuidv7 } from '../ids';
import { StartupError } from './startup-error';
import type { Db } from './connection';

/**
 * This desk's lasting name in the journal ("host/uuid"): created once and kept in
 * the desk table, so a replaying desk knows where each entry came from.
 */
export function originDesk(db: Db): string {
  const row = db.prepare<[], { value: string }>("SELECT value FROM desk WHERE key = 'desk_id'").get();
  if (row) return row.value;
  const value = `${hostname()}/${uuidv7()}`;
  db.prepare("INSERT INTO desk (key, value) VALUES ('desk_id', ?)").run(value);
  return value;
}

/**
 * The test clock may move time only on a desk made for it: a new, empty data folder
 * (marked here at the first start) or one so marked before. A desk that already has
 * staff and no mark holds real records, and is refused.
 */
export function claimForTestClock(db: Db, hasStaff: boolean): void {
  const marked = db.prepare<[], { value: string }>("SELECT value FROM desk WHERE key = 'test_clock'").get();
  if (marked) return;
  if (hasStaff) {
    throw new StartupError(
      'This data folder holds a real desk’s records: --test-clock is only for a new folder made for tests. ' +
        'Start without --test-clock, or give --data a new folder.',
    );
  }
  db.prepare("INSERT INTO desk (key, value) VALUES ('test_clock', '1')").run();
}
