/**
 * What the retention domain asks of the domains whose records it purges. Each domain
 * answers from its own tables (its `*.purge.repo.ts`), so no table is touched by a
 * folder that does not own it. Every call runs inside the purge's one transaction.
 */

/** A record past its time: its id and the date its retention counts from. */
export interface Aged {
  id: string;
  at: string;
}

/** Ids as one bound JSON parameter, for `IN (SELECT value FROM json_each(?))`. */
export const idList = (ids: Iterable<string>): string => JSON.stringify([...ids]);

/** Any UUID inside a text (a draft's JSON names its attachments by id). */
export const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export interface IncidentsPurgePort {
  occurredBefore(cutoff: string): Aged[];
  /** Person ids named on each incident (any version). */
  personsOf(ids: readonly string[]): Map<string, string[]>;
  /** Persons named on any incident still kept (a preview passes the incidents it would remove). */
  referencedPersons(except?: readonly string[]): Set<string>;
  /** Attachments on any incident still kept, or named by a draft or an amendment being typed. */
  referencedAttachments(except?: readonly string[]): Set<string>;
  /** The attachments on these incidents (any version). */
  attachmentsOf(ids: readonly string[]): string[];
  /** Removes the incidents with their versions, index entries, reviews and drafts of amendments. */
  remove(ids: readonly string[]): { attachmentIds: string[] };
  /** One step of rewriting the full-text index, so removed words do not survive in old segments; false when done. */
  mergeIndexStep(first: boolean): boolean;
  labels(ids: readonly string[]): Map<string, string>;
}

export interface BansPurgePort {
  /** Bans that ended (lifted or expired) before the cutoff; rescinded ones count from when they were lifted. */
  endedBefore(cutoff: string, now: string): (Aged & { personId: string })[];
  referencedIncidents(except?: readonly string[]): Set<string>;
  referencedPersons(except?: readonly string[]): Set<string>;
  /** Each person's last sighting, for "no recent contact". */
  lastSightings(personIds: readonly string[]): Map<string, string>;
  remove(ids: readonly string[]): { noticeShas: string[] };
  /** Sightings of persons being purged (their bans are already gone). */
  forgetPersons(personIds: readonly string[]): void;
  labels(ids: readonly string[]): Map<string, string>;
}

export interface PeoplePurgePort {
  createdBefore(cutoff: string): (Aged & { mergedInto: string | null })[];
  /** Persons merged into one of these (duplicates go with the record they were merged into). */
  mergedInto(ids: readonly string[]): string[];
  referencedAttachments(except?: readonly string[]): Set<string>;
  attachmentsOf(ids: readonly string[]): string[];
  remove(ids: readonly string[]): { attachmentIds: string[] };
  labels(ids: readonly string[]): Map<string, string>;
}

export interface AttachmentsPurgePort {
  takenBefore(cutoff: string): Aged[];
  /** Removes the rows; returns the files no remaining row names (deleted after the commit). */
  remove(ids: readonly string[]): { files: string[]; shas: string[] };
  deleteFiles(files: readonly string[]): number;
}

export interface CallsPurgePort {
  receivedBefore(cutoff: string): Aged[];
  remove(ids: readonly string[]): void;
  forgetIncidents(incidentIds: readonly string[]): void;
  labels(ids: readonly string[]): Map<string, string>;
}

export interface ShiftsPurgePort {
  /** Log entries (with their corrections, links, callbacks and acknowledgements) written before the cutoff; ended shifts too. */
  before(cutoff: string): { entries: Aged[]; shifts: Aged[] };
  remove(entryIds: readonly string[], shiftIds: readonly string[]): { chainIds: string[] };
  forgetLinks(kind: 'incident' | 'call' | 'person', ids: readonly string[]): void;
}

export interface ActivityPurgePort {
  madeBefore(cutoff: string): Aged[];
  /** Shifts a kept report is about: they stay while it does. */
  referencedShifts(except?: readonly string[]): Set<string>;
  remove(ids: readonly string[]): void;
}

export interface ChecklistsPurgePort {
  before(cutoff: string): Aged[];
  remove(ids: readonly string[]): void;
  forgetIncidents(incidentIds: readonly string[]): void;
}

export interface AuditPurgePort {
  before(cutoff: string): { count: number; oldest: string | null };
  /** Removes at most `limit` of the oldest entries before the cutoff. */
  removeBefore(cutoff: string, limit: number): number;
  /** Blanks the detail of entries about removed records (who read what, and when, stays). */
  redact(recordIds: readonly string[], shas: readonly string[]): number;
  /** Blanks details that quote a removed person's name (searches, duplicate checks). */
  redactMentions(names: readonly string[]): number;
}

export interface VideoPurgePort {
  /** The longest window a camera keeps, in minutes (0: recording off everywhere). */
  windowMinutes(): number;
  /** Trims every camera's buffer to its window now; returns segments removed. */
  trimNow(): Promise<number> | number;
}
