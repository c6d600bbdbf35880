import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { DomainEvents } from '../events';
import type { JournalKind } from '../../shared/contract/journal';
import { conflict, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { Branch, SpecialDay, Zone } from '../../shared/contract/branches';
import type { BranchFields, BranchesRepo, ZoneFields } from './branches.repo';

/**
 * Branches and their zones: what cameras, incidents, rounds and checklists refer to.
 * Never deleted (records point at them): retired instead. Every change journals the
 * branch's new state, zones included.
 */
export class BranchesService {
  constructor(
    private readonly db: Db,
    private readonly repo: BranchesRepo,
    private readonly journal: Journal,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Branches change a few times a year and are read on every ban, alert and report:
   * kept in memory, dropped on every change made here (the only writer).
   */
  private cached: { list: Branch[]; byId: Map<string, Branch>; zones: Map<string, Zone> } | null = null;

  private memo() {
    if (!this.cached) {
      const list = this.repo.list();
      this.cached = {
        list,
        byId: new Map(list.map((b) => [b.id, b])),
        zones: new Map(list.flatMap((b) => b.zones).map((z) => [z.id, z])),
      };
    }
    return this.cached;
  }

  list(): Branch[] {
    return this.memo().list;
  }

  /** A branch with its zones, retired or not: the port other domains look branches up by. */
  find(id: string): Branch | undefined {
    return this.memo().byId.get(id);
  }

  /** A zone, retired or not, with the branch it belongs to. */
  zoneOf(id: string): Zone | undefined {
    return this.memo().zones.get(id);
  }

  add(f: BranchFields, actor: string | null): Branch {
    return this.change(actor, 'branch.added', () => {
      this.assertCodeFree(f.code);
      const id = uuidv7();
      this.repo.insert(id, f);
      return id;
    });
  }

  update(id: string, f: BranchFields, actor: string): Branch {
    return this.change(actor, 'branch.updated', () => {
      this.branch(id);
      this.assertCodeFree(f.code, id);
      this.repo.update(id, f);
      return id;
    });
  }

  setRetired(id: string, retired: boolean, actor: string): Branch {
    return this.change(actor, retired ? 'branch.retired' : 'branch.restored', () => {
      this.branch(id);
      this.repo.setRetired(id, retired);
      return id;
    });
  }

  addZone(branchId: string, f: ZoneFields, actor: string | null): Branch {
    return this.change(actor, 'zone.added', () => {
      this.branch(branchId);
      this.assertZoneNameFree(branchId, f.name);
      this.repo.insertZone(uuidv7(), branchId, f);
      return branchId;
    });
  }

  updateZone(id: string, f: ZoneFields, actor: string): Branch {
    return this.change(actor, 'zone.updated', () => {
      const zone = this.zone(id);
      this.assertZoneNameFree(zone.branchId, f.name, id);
      this.repo.updateZone(id, f);
      return zone.branchId;
    });
  }

  setZoneRetired(id: string, retired: boolean, actor: string): Branch {
    return this.change(actor, retired ? 'zone.retired' : 'zone.restored', () => {
      const zone = this.zone(id);
      this.repo.setZoneRetired(id, retired);
      return zone.branchId;
    });
  }

  /** A week of opening hours; weekdays left out are closed. */
  setWeeklyHours(
    branchId: string,
    weekly: readonly { weekday: number; opens: string; closes: string }[],
    actor: string | null,
  ): Branch {
    return this.change(actor, 'branch.hoursChanged', () => {
      this.branch(branchId);
      this.repo.setWeekly(
        branchId,
        [...weekly].sort((a, b) => a.weekday - b.weekday),
      );
      return branchId;
    });
  }

  /** A date's own hours, or closed that day (opens and closes null); replaces that date's entry. */
  setSpecialDay(branchId: string, day: SpecialDay, actor: string | null): Branch {
    return this.change(actor, 'branch.hoursChanged', () => {
      this.branch(branchId);
      this.repo.putSpecialDay(branchId, day);
      return branchId;
    });
  }

  removeSpecialDay(branchId: string, date: string, actor: string): Branch {
    return this.change(actor, 'branch.hoursChanged', () => {
      this.branch(branchId);
      if (!this.repo.removeSpecialDay(branchId, date)) throw notFound(`A special day on ${date}`);
      return branchId;
    });
  }

  /** Runs a change and journals the branch's new state in the same transaction. */
  private change(actor: string | null, kind: JournalKind, apply: () => string): Branch {
    this.cached = null;
    let branch: Branch;
    try {
      branch = this.db
        .transaction(() => {
          const id = apply();
          const after = this.branch(id);
          this.journal.append({ kind, recordId: id, actor, payload: after });
          return after;
        })
        .immediate();
    } finally {
      this.cached = null;
    }
    this.events.emit('branches.changed', { branchId: branch.id });
    return branch;
  }

  private branch(id: string): Branch {
    const b = this.repo.get(id);
    if (!b) throw notFound('That branch');
    return b;
  }

  private zone(id: string) {
    const z = this.repo.zone(id);
    if (!z) throw notFound('That zone');
    return z;
  }

  private assertCodeFree(code: string, except?: string): void {
    const other = this.repo.byCode(code);
    if (other && other.id !== except) {
      throw conflict(`Another branch already uses the code ${code}.`, { code: 'This code is taken' });
    }
  }

  private assertZoneNameFree(branchId: string, name: string, except?: string): void {
    const other = this.repo.zoneByName(branchId, name);
    if (other && other.id !== except) {
      throw conflict(`This branch already has a zone called “${name}”.`, { name: 'This name is taken' });
    }
  }
}
