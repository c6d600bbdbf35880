import type { ShiftEntry } from '../../shared/contract/shifts';
import { ALL_BRANCHES } from '../../shared/shift-words';
import type { EntriesRepo, EntryRow } from './entries.repo';
import type { ShiftPorts } from './ports';

export interface EntryViews {
  entries: ShiftEntry[];
  /** The entries shown that name someone (a caller's name, a person on file): their read is audited. */
  naming: string[];
}

/**
 * Entry rows as the desk reads them: names for staff, branches and linked persons,
 * the callback done and the acknowledgements, in one read of each table for a page.
 */
export class EntryViewer {
  constructor(
    private readonly repo: EntriesRepo,
    private readonly ports: ShiftPorts,
  ) {}

  views(rows: readonly EntryRow[]): EntryViews {
    const ids = rows.map((r) => r.id);
    const links = this.repo.linksOf(ids);
    const callbacks = this.repo.callbacksOf([...new Set(rows.map((r) => r.chainId))]);
    const acks = this.repo.acksOf(rows.filter((r) => r.kind === 'pass-on').map((r) => r.id));
    const personIds = [...links.values()].flat().flatMap((l) => (l.kind === 'person' ? [l.targetId] : []));
    const current = new Map(personIds.map((id) => [id, this.ports.people.current(id)]));
    const personNames = this.ports.people.names([...new Set(current.values())]);
    const staffIds = new Set<string>();
    for (const r of rows) staffIds.add(r.recordedBy);
    for (const c of callbacks.values()) staffIds.add(c.doneBy);
    for (const list of acks.values()) for (const a of list) staffIds.add(a.staffId);
    const names = this.ports.staff.names([...staffIds]);
    const who = (id: string) => ({ id, name: names.get(id) ?? '(unknown)' });
    const branchName = (id: string | null) =>
      id === null ? ALL_BRANCHES : (this.ports.branches.find(id)?.name ?? '(removed branch)');

    const naming: string[] = [];
    const entries = rows.map((r): ShiftEntry => {
      const entryLinks = (links.get(r.id) ?? []).map((l) => ({
        kind: l.kind,
        id: l.kind === 'person' ? current.get(l.targetId)! : l.targetId,
        label:
          l.kind === 'person' ? (personNames.get(current.get(l.targetId)!) ?? '(person no longer on file)') : l.label,
      }));
      if (r.fromName || entryLinks.some((l) => l.kind === 'person')) naming.push(r.id);
      const done = callbacks.get(r.chainId);
      return {
        id: r.id,
        chainId: r.chainId,
        shiftId: r.shiftId,
        branchId: r.branchId,
        branchName: branchName(r.branchId),
        kind: r.kind,
        at: r.at,
        text: r.text,
        fromName: r.fromName,
        callbackNumber: r.callbackNumber,
        callbackNeeded: r.callbackNeeded,
        callback: done ? { doneAt: done.doneAt, doneBy: who(done.doneBy), note: done.note } : null,
        links: entryLinks,
        recordedAt: r.recordedAt,
        recordedBy: who(r.recordedBy),
        corrects: r.corrects,
        reason: r.reason,
        withdrawn: r.withdrawn,
        current: r.current,
        acknowledgements: (acks.get(r.id) ?? []).map((a) => ({ staff: who(a.staffId), at: a.at })),
      };
    });
    return { entries, naming };
  }
}
