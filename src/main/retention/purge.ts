import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { PurgeCount, RetentionDays, RetentionKind } from '../../shared/contract/retention';
import type {
  ActivityPurgePort,
  Aged,
  AttachmentsPurgePort,
  AuditPurgePort,
  BansPurgePort,
  CallsPurgePort,
  ChecklistsPurgePort,
  IncidentsPurgePort,
  PeoplePurgePort,
  ShiftsPurgePort,
} from './ports';
import type { HoldRow, RetentionRepo } from './retention.repo';

/** The kinds in the order a purge reports them. */
export const PURGE_ORDER: readonly RetentionKind[] = [
  'incidents',
  'bans',
  'persons',
  'looseMedia',
  'calls',
  'shiftLogs',
  'checklists',
  'audit',
];

export interface PurgeDomains {
  incidents: IncidentsPurgePort;
  bans: BansPurgePort;
  people: PeoplePurgePort;
  attachments: AttachmentsPurgePort;
  calls: CallsPurgePort;
  shifts: ShiftsPurgePort;
  activity: ActivityPurgePort;
  closing: ChecklistsPurgePort;
  rounds: ChecklistsPurgePort;
  audit: AuditPurgePort;
}

/** What one pass removed (or, for a preview, would remove). */
export interface PurgeOutcome {
  counts: PurgeCount[];
  /** Files no remaining row names: deleted after the commit. */
  files: string[];
}

const DAY_MS = 86_400_000;

class Tally {
  private readonly rows = new Map<RetentionKind, PurgeCount>();
  add(kind: RetentionKind, removed: readonly Aged[], held = 0): void {
    const row = this.rows.get(kind) ?? { kind, count: 0, oldest: null, held: 0 };
    row.count += removed.length;
    row.held += held;
    for (const r of removed) if (row.oldest === null || r.at < row.oldest) row.oldest = r.at;
    this.rows.set(kind, row);
  }
  list(order: readonly RetentionKind[]): PurgeCount[] {
    return order.map((kind) => this.rows.get(kind) ?? { kind, count: 0, oldest: null, held: 0 });
  }
}

/**
 * Splits records past their time into those that go (at most `budget` of them, oldest
 * first, in this pass) and those a hold (or a kept record) keeps.
 */
function split<T extends Aged>(aged: readonly T[], budget: number, keep: (r: T) => 'held' | 'kept' | false) {
  const go: T[] = [];
  let held = 0;
  for (const r of aged) {
    const k = keep(r);
    if (k === 'held') held += 1;
    else if (!k && go.length < budget) go.push(r);
  }
  return { go, held };
}

const ids = (rows: readonly Aged[]) => rows.map((r) => r.id);

/**
 * One purge, in the order records depend on each other: bans, then the incidents no
 * kept ban names, then persons no kept incident or ban names, calls, the shift log,
 * checklists, the attachments nothing kept points at, and the audit log. Then the
 * journal's payloads for every removed record are erased (hashes kept) and audit
 * details that named them are blanked. Runs inside the caller's transaction with the
 * gate open; the caller commits (and calls again until a pass removes nothing), or
 * rolls back for a preview.
 */
export function purgePass(o: {
  db: Db;
  d: PurgeDomains;
  journal: Journal;
  repo: RetentionRepo;
  days: RetentionDays;
  now: Date;
  holds: readonly HoldRow[];
  /**
   * At most this many records of each kind in this pass: a purge of a year runs as
   * many short transactions, so the desk's own writes go on between them.
   */
  budget: number;
  /**
   * A preview: the same pass read only (no write lock, so the desk is never held), each
   * domain asked what it would still name once the records before it were gone.
   */
  plan?: boolean;
}): PurgeOutcome & { removedIds: number; incidentsRemoved: number; names: string[]; fileCount: number } {
  const plan = o.plan ?? false;
  const { d } = o;
  const cutoff = (kind: RetentionKind) => new Date(o.now.getTime() - o.days[kind] * DAY_MS).toISOString();
  const held = (kind: HoldRow['kind']) => new Set(o.holds.filter((h) => h.kind === kind).map((h) => h.recordId));
  const heldPersons = held('person');
  const heldIncidents = held('incident');
  const heldBans = held('ban');
  const heldCalls = held('call');
  const tally = new Tally();
  const removed: string[] = [];

  // Bans: a held ban, or a ban of a held person, stays.
  const budget = o.budget;
  const bans = split(d.bans.endedBefore(cutoff('bans'), o.now.toISOString()), budget, (b) =>
    heldBans.has(b.id) || heldPersons.has(b.personId) ? 'held' : false,
  );
  const banIds = ids(bans.go);
  const { noticeShas } = plan ? { noticeShas: [] } : d.bans.remove(banIds);
  tally.add('bans', bans.go, bans.held);
  removed.push(...ids(bans.go));

  // Incidents: held, naming a held person, or named by a kept ban: they stay.
  const incidentsAged = d.incidents.occurredBefore(cutoff('incidents'));
  // Which persons each report names matters only when a person is held (the common case: none).
  const personsOf = heldPersons.size > 0 ? d.incidents.personsOf(ids(incidentsAged)) : new Map<string, string[]>();
  const namedByBans = d.bans.referencedIncidents(plan ? banIds : []);
  const incidents = split(incidentsAged, budget, (i) =>
    heldIncidents.has(i.id) || (personsOf.get(i.id) ?? []).some((p) => heldPersons.has(p))
      ? 'held'
      : namedByBans.has(i.id)
        ? 'kept'
        : false,
  );
  const incidentIds = ids(incidents.go);
  if (incidentIds.length > 0 && !plan) {
    d.calls.forgetIncidents(incidentIds);
    d.closing.forgetIncidents(incidentIds);
    d.rounds.forgetIncidents(incidentIds);
    d.shifts.forgetLinks('incident', incidentIds);
  }
  const fromIncidents = plan ? d.incidents.attachmentsOf(incidentIds) : d.incidents.remove(incidentIds).attachmentIds;
  tally.add('incidents', incidents.go, incidents.held);
  removed.push(...incidentIds);

  // Persons: none named by a kept incident or ban, none seen since the cutoff.
  const personsCutoff = cutoff('persons');
  const personsAged = d.people.createdBefore(personsCutoff);
  // Who is still named is asked only when someone is past their time (each question reads every report's persons).
  const named =
    personsAged.length === 0
      ? new Set<string>()
      : new Set([
          ...d.incidents.referencedPersons(plan ? incidentIds : []),
          ...d.bans.referencedPersons(plan ? banIds : []),
        ]);
  const seen = d.bans.lastSightings(ids(personsAged));
  const persons = split(personsAged, budget, (p) =>
    heldPersons.has(p.id) ? 'held' : named.has(p.id) || (seen.get(p.id) ?? '') >= personsCutoff ? 'kept' : false,
  );
  const personIds = ids(persons.go);
  const names = plan ? [] : [...d.people.labels(personIds).values()];
  if (personIds.length > 0 && !plan) {
    d.bans.forgetPersons(personIds);
    d.shifts.forgetLinks('person', personIds);
  }
  const fromPersons = plan ? d.people.attachmentsOf(personIds) : d.people.remove(personIds).attachmentIds;
  tally.add('persons', persons.go, persons.held);
  removed.push(...personIds);

  // Calls.
  const calls = split(d.calls.receivedBefore(cutoff('calls')), budget, (c) => (heldCalls.has(c.id) ? 'held' : false));
  const callIds = ids(calls.go);
  if (callIds.length > 0 && !plan) {
    d.shifts.forgetLinks('call', callIds);
    d.calls.remove(callIds);
  }
  tally.add('calls', calls.go, calls.held);
  removed.push(...callIds);

  // The shift log: reports first (a kept report keeps its shift), then entries and shifts.
  const reports = d.activity.madeBefore(cutoff('shiftLogs')).slice(0, budget);
  if (!plan) d.activity.remove(ids(reports));
  const before = d.shifts.before(cutoff('shiftLogs'));
  const log = { entries: before.entries.slice(0, budget), shifts: before.shifts.slice(0, budget) };
  const reportShifts = d.activity.referencedShifts(plan ? ids(reports) : []);
  const { chainIds } = plan
    ? { chainIds: [] }
    : d.shifts.remove(
        ids(log.entries),
        ids(log.shifts).filter((s) => !reportShifts.has(s)),
      );
  tally.add('shiftLogs', [...log.entries, ...reports]);
  removed.push(...ids(reports), ...ids(log.entries), ...chainIds, ...ids(log.shifts));

  // Checklists: closing runs and patrol rounds.
  const runs = d.closing.before(cutoff('checklists')).slice(0, budget);
  if (!plan) d.closing.remove(ids(runs));
  const rounds = d.rounds.before(cutoff('checklists')).slice(0, budget);
  if (!plan) d.rounds.remove(ids(rounds));
  tally.add('checklists', [...runs, ...rounds]);
  removed.push(...ids(runs), ...ids(rounds));

  // Attachments: past their time and tied to nothing kept, or left behind by a removed record.
  const looseAged = d.attachments.takenBefore(cutoff('looseMedia'));
  const stillUsed =
    looseAged.length === 0 && fromIncidents.length === 0 && fromPersons.length === 0
      ? new Set<string>()
      : new Set([
          ...d.incidents.referencedAttachments(plan ? incidentIds : []),
          ...d.people.referencedAttachments(plan ? personIds : []),
        ]);
  const loose = looseAged.filter((a) => !stillUsed.has(a.id)).slice(0, budget);
  const orphaned = [...new Set([...fromIncidents, ...fromPersons])].filter((id) => !stillUsed.has(id));
  const looseIds = new Set(ids(loose));
  const media = [...looseIds, ...orphaned.filter((id) => !looseIds.has(id))];
  // A preview counts the attachments; the files are fewer when two rows share one.
  const { files, shas } = plan ? { files: [], shas: [] } : d.attachments.remove(media);
  tally.add('looseMedia', loose);
  removed.push(...media);

  // The audit log past its time.
  const audit = d.audit.before(cutoff('audit'));
  const auditRemoved = plan ? Math.min(audit.count, budget) : d.audit.removeBefore(cutoff('audit'), budget);
  tally.add(
    'audit',
    Array.from({ length: auditRemoved }, () => ({ id: '', at: audit.oldest ?? o.now.toISOString() })),
  );

  // What the removed records said, wherever else it was written down.
  if (!plan) {
    o.journal.erasePayloads(removed);
    d.audit.redact(removed, [...shas, ...noticeShas]);
    d.audit.redactMentions(names);
  }

  return {
    counts: tally.list(PURGE_ORDER),
    files,
    removedIds: removed.length + auditRemoved,
    incidentsRemoved: incidentIds.length,
    names,
    fileCount: plan ? media.length : files.length,
  };
}
