import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { DomainEvents } from '../events';
import { conflict, invalid, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { EntryKind, LinkKind, ShiftEntry } from '../../shared/contract/shifts';
import { FUTURE_TOLERANCE_MS } from '../../shared/contract/incident-fields';
import { PASS_ON_DAYS } from '../../shared/shift-words';
import type { JournalKind } from '../../shared/contract/journal';
import { localDate } from '../../shared/opening-hours';
import { clockIn, dayWindow, zoneOf } from '../desk-time';
import type { EntriesRepo, EntryRow, LinkRow } from './entries.repo';
import type { EntryDraftsRepo } from './entry-drafts.repo';
import { EntryViewer } from './entry-view';
import { linkLabel } from './link-labels';
import type { ShiftPorts } from './ports';
import type { ShiftsRepo } from './shifts.repo';
import type { ShownAudit } from '../audit/shown-audit';

const DAY = 86_400_000;

export interface EntryInput {
  branchId: string | null;
  kind: EntryKind;
  at?: string | undefined;
  text: string;
  fromName: string;
  callbackNumber: string;
  callbackNeeded: boolean;
  links: { kind: LinkKind; id: string }[];
}

const isMessage = (kind: EntryKind) => kind === 'phone' || kind === 'voicemail';

/**
 * The shift log. An entry is a record: never edited, corrected by a new record that
 * names the one it corrects, with a reason (withdrawn when made by mistake). Every
 * change runs in one IMMEDIATE transaction that checks the entry as it is now and
 * journals it; reads that show someone's name leave an audit entry.
 */
export class EntriesService {
  private readonly viewer: EntryViewer;

  constructor(
    private readonly db: Db,
    private readonly repo: EntriesRepo,
    private readonly drafts: EntryDraftsRepo,
    private readonly shifts: ShiftsRepo,
    private readonly journal: Journal,
    private readonly shown: ShownAudit,
    private readonly ports: ShiftPorts,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {
    this.viewer = new EntryViewer(repo, ports);
  }

  add(input: EntryInput, staffId: string): ShiftEntry {
    return this.change('shift.entryAdded', staffId, () => {
      this.assertBranch(input.branchId);
      const now = this.clock.now().toISOString();
      const id = uuidv7();
      const at = this.statedTime(input.at, input.branchId);
      this.repo.insert({
        id,
        chainId: id,
        shiftId: this.shifts.openOf(staffId)?.id ?? null,
        ...this.content(input),
        at,
        recordedAt: now,
        recordedBy: staffId,
        corrects: null,
        reason: null,
        withdrawn: false,
      });
      for (const link of this.links(input.links)) this.repo.insertLink({ ...link, entryId: id });
      // What was being written is in the log now: the unfinished copy goes, in the same transaction.
      this.drafts.delete(staffId);
      return id;
    });
  }

  correct(id: string, input: EntryInput & { withdraw: boolean; reason: string }, staffId: string): ShiftEntry {
    return this.change('shift.entryCorrected', staffId, () => {
      const target = this.repo.get(id);
      if (!target) throw notFound('That log entry');
      const zone = zoneOf(target.branchId, this.ports.branches);
      if (!target.current) {
        const latest = this.repo.currentOf(target.chainId)!;
        throw conflict(
          `This entry was corrected since, by ${this.nameOf(latest.recordedBy)} at ${clockIn(latest.recordedAt, zone)}. ` +
            'Look at it again before correcting it.',
        );
      }
      if (target.withdrawn) throw conflict('This entry was withdrawn: write a new one instead.');
      const before = this.repo.linksOf([target.id]).get(target.id) ?? [];
      const newId = uuidv7();
      const now = this.clock.now().toISOString();
      if (input.withdraw) {
        this.repo.insert({
          ...target,
          id: newId,
          recordedAt: now,
          recordedBy: staffId,
          corrects: target.id,
          reason: input.reason,
          withdrawn: true,
        });
        for (const l of before) this.repo.insertLink({ ...l, entryId: newId });
        return target.chainId;
      }
      this.assertBranch(input.branchId, target.branchId);
      const content = this.content(input);
      const at = input.at === undefined ? target.at : this.statedTime(input.at, input.branchId);
      const links = this.links(input.links, before);
      const same =
        at === target.at &&
        (Object.keys(content) as (keyof typeof content)[]).every((k) => content[k] === target[k]) &&
        JSON.stringify(links.map((l) => [l.kind, l.targetId]).sort()) ===
          JSON.stringify(before.map((l) => [l.kind, l.targetId]).sort());
      if (same) throw invalid('Nothing was changed: there is nothing to correct.');
      this.repo.insert({
        ...content,
        id: newId,
        chainId: target.chainId,
        shiftId: target.shiftId,
        at,
        recordedAt: now,
        recordedBy: staffId,
        corrects: target.id,
        reason: input.reason,
        withdrawn: false,
      });
      for (const link of links) this.repo.insertLink({ ...link, entryId: newId });
      return target.chainId;
    });
  }

  callbackDone(id: string, note: string, staffId: string): ShiftEntry {
    return this.change('shift.callbackDone', staffId, () => {
      const found = this.repo.get(id);
      if (!found) throw notFound('That message');
      const entry = this.repo.currentOf(found.chainId)!;
      const zone = zoneOf(entry.branchId, this.ports.branches);
      if (entry.withdrawn) throw conflict('This message was withdrawn: there is no callback to make.');
      if (!entry.callbackNeeded) throw invalid('This message needs no callback.');
      const done = this.repo.callbacksOf([entry.chainId]).get(entry.chainId);
      if (done) {
        throw conflict(
          `The callback was already marked done by ${this.nameOf(done.doneBy)} at ${clockIn(done.doneAt, zone)}. Nothing was recorded twice.`,
        );
      }
      this.repo.insertCallback({
        chainId: entry.chainId,
        entryId: entry.id,
        doneAt: this.clock.now().toISOString(),
        doneBy: staffId,
        note,
      });
      return entry.chainId;
    });
  }

  acknowledge(id: string, staffId: string): ShiftEntry {
    const entry = this.repo.get(id);
    if (!entry || entry.kind !== 'pass-on') throw notFound('That note passed on');
    if (entry.recordedBy === staffId)
      throw invalid('You wrote this note: the next person on the desk acknowledges it.');
    if (this.repo.acknowledged(id, staffId)) return this.view(entry, staffId);
    return this.change(
      'shift.passOnAcknowledged',
      staffId,
      () => {
        const now = this.repo.get(id)!;
        if (!now.current) {
          throw conflict('This note was corrected since it was shown: read the new version, then acknowledge it.');
        }
        if (now.withdrawn) throw conflict('This note was withdrawn by its writer: there is nothing to acknowledge.');
        if (!this.repo.acknowledged(id, staffId)) {
          this.repo.insertAck({ entryId: id, staffId, at: this.clock.now().toISOString() });
        }
        return now.chainId;
      },
      id,
    );
  }

  // ---- reading ----

  /** A day's log at a branch (with the all-branches desk), or everywhere: every record, newest first. */
  log(branchId: string | null, date: string, staffId: string) {
    const timeZone = zoneOf(branchId, this.ports.branches);
    const { from, to } = dayWindow(date, timeZone);
    const { entries, naming } = this.viewer.views(this.repo.between(from, to, branchId));
    const where = branchId ? (this.ports.branches.find(branchId)?.name ?? 'a branch') : 'every branch';
    this.shown.shown(staffId, 'shifts.log', `Read the shift log of ${where} for ${date}`, naming);
    return { date, timeZone, entries };
  }

  entry(id: string, staffId: string): { entry: ShiftEntry; chain: ShiftEntry[] } {
    const found = this.repo.get(id);
    if (!found) throw notFound('That log entry');
    const { entries, naming } = this.viewer.views(this.repo.chain(found.chainId));
    this.shown.shown(staffId, 'shifts.entry', 'Opened a shift log entry', naming);
    return { entry: entries.find((e) => e.id === id)!, chain: entries };
  }

  callbacks(staffId: string): ShiftEntry[] {
    const { entries, naming } = this.viewer.views(this.repo.callbacksWaiting());
    this.shown.shown(staffId, 'shifts.callbacks', 'Read the callbacks waiting', naming);
    return entries;
  }

  passOn(staffId: string): ShiftEntry[] {
    const since = new Date(this.clock.ms() - PASS_ON_DAYS * DAY).toISOString();
    const { entries, naming } = this.viewer.views(this.repo.passOnFor(staffId, since));
    this.shown.shown(staffId, 'shifts.passOn', 'Read the notes passed on', naming);
    return entries;
  }

  // ---- for the other parts of this domain and the daily report (their callers audit) ----

  /** How many notes passed on wait for this person. */
  passOnCount(staffId: string): number {
    return this.repo.passOnFor(staffId, new Date(this.clock.ms() - PASS_ON_DAYS * DAY).toISOString()).length;
  }

  callbackRows(): EntryRow[] {
    return this.repo.callbacksWaiting();
  }

  /** Every record of [from, to) at a branch (with the all-branches desk) or everywhere, as views, and who they name. */
  between(from: string, to: string, branchId: string | null) {
    return this.viewer.views(this.repo.between(from, to, branchId));
  }

  // ---- helpers ----

  private change(kind: JournalKind, staffId: string, apply: () => string, show?: string): ShiftEntry {
    const entry = this.db
      .transaction(() => {
        const chainId = apply();
        const rows = this.repo.chain(chainId);
        const current = rows.find((r) => r.current)!;
        const links = this.repo.linksOf(rows.map((r) => r.id));
        this.journal.append({
          kind,
          recordId: chainId,
          actor: staffId,
          payload: {
            entry: current,
            links: (links.get(current.id) ?? []).map((l) => ({ kind: l.kind, targetId: l.targetId, label: l.label })),
            callback: this.repo.callbacksOf([chainId]).get(chainId) ?? null,
            acknowledgements: this.repo.acksOf([current.id]).get(current.id) ?? [],
          },
        });
        return this.viewer.views([rows.find((r) => r.id === show) ?? current]).entries[0]!;
      })
      .immediate();
    this.events.emit('shift.changed', { branchId: entry.branchId });
    return entry;
  }

  private view(row: EntryRow, staffId: string): ShiftEntry {
    const { entries, naming } = this.viewer.views([row]);
    this.shown.shown(staffId, 'shifts.entry', 'Opened a shift log entry', naming);
    return entries[0]!;
  }

  /** What each kind keeps: only a message has a caller and a callback. */
  private content(input: EntryInput) {
    const message = isMessage(input.kind);
    return {
      branchId: input.branchId,
      kind: input.kind,
      text: input.text,
      fromName: message ? input.fromName : '',
      callbackNumber: message ? input.callbackNumber : '',
      callbackNeeded: message && input.callbackNeeded,
    };
  }

  private statedTime(at: string | undefined, branchId: string | null): string {
    const now = this.clock.ms();
    if (at === undefined) return new Date(now).toISOString();
    const ms = Date.parse(at);
    const zone = zoneOf(branchId, this.ports.branches);
    if (ms > now + FUTURE_TOLERANCE_MS) {
      throw invalid(`The time (${clockIn(at, zone)}) is in the future.`, { at: 'In the future' });
    }
    if (ms < now - PASS_ON_DAYS * 86_400_000) {
      throw invalid(`The time is more than ${PASS_ON_DAYS} days ago (${localDate(ms, zone)}).`, {
        at: `At most ${PASS_ON_DAYS} days ago`,
      });
    }
    return new Date(ms).toISOString();
  }

  private assertBranch(branchId: string | null, keep: string | null = null): void {
    if (branchId === null || branchId === keep) return;
    const branch = this.ports.branches.find(branchId);
    if (!branch || branch.retired) throw invalid('Choose a branch in use.', { branchId: 'Choose a branch' });
  }

  /** Links checked against their owners; an incident or call keeps the words it was linked by. */
  private links(list: EntryInput['links'], before: readonly LinkRow[] = []): Omit<LinkRow, 'entryId'>[] {
    const kept = new Map(before.map((l) => [`${l.kind}:${l.targetId}`, l]));
    const seen = new Set<string>();
    const out: Omit<LinkRow, 'entryId'>[] = [];
    for (const l of list) {
      const id = l.kind === 'person' ? this.ports.people.current(l.id) : l.id;
      const key = `${l.kind}:${id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const old = kept.get(key);
      out.push({ kind: l.kind, targetId: id, label: old?.label ?? linkLabel(this.ports, l.kind, id) });
    }
    return out;
  }

  private nameOf(staffId: string): string {
    return this.ports.staff.names([staffId]).get(staffId) ?? 'someone';
  }
}
