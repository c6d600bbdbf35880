import { hostname } from 'node:os';
import { uuidv7 } from '../ids';
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
