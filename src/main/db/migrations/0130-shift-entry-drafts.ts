import type { Migration } from './index';

/**
 * The shift log entry being written, kept in main per person (one row each) so it
 * survives a crash, a lock or a reload and follows them to another console. Like an
 * incident draft it is not a record: mutable, saved as typing pauses, outside the
 * journal, deleted when the entry goes into the log.
 */
const shiftEntryDrafts: Migration = {
  version: 130,
  name: 'shift-entry-drafts',
  up: /* sql */ `
    CREATE TABLE shift_entry_drafts (
      staff_id TEXT PRIMARY KEY REFERENCES staff(id),
      revision INTEGER NOT NULL,
      content TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};

export default shiftEntryDrafts;
