import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { DomainEvents } from '../events';
import { conflict, invalid, notFound } from '../errors';
import { uuidv7 } from '../ids';
import { zoneOf } from '../desk-time';
import type { Branch } from '../../shared/contract/branches';
import { RESOURCE_KINDS, type ReferralCounts, type Resource, type ResourceKind } from '../../shared/contract/resources';
import { localDate } from '../../shared/opening-hours';
import { RESOURCE_KIND_WORDS } from '../../shared/shift-words';
import type { CommunityRepo, ResourceRow } from './community.repo';

export interface ResourceInput {
  name: string;
  kind: ResourceKind;
  phone: string;
  address: string;
  hours: string;
  notes: string;
  languages: string[];
}

export interface CommunityPorts {
  branches: { find(id: string): Branch | undefined; list(): Branch[] };
}

/**
 * Words people use for each kind besides its name, so "food" finds meals and "lawyer"
 * legal aid: a stressed desk types what the patron said, not the directory's heading.
 */
const KIND_SEARCH_WORDS: Record<ResourceKind, string> = {
  shelter: 'shelter housing homeless bed beds sleep overnight warming',
  'crisis-line': 'crisis line hotline suicide 988 call talk emergency',
  meals: 'meals food pantry hungry lunch dinner breakfast soup kitchen',
  'mental-health': 'mental health counseling counselling therapy psychiatric',
  'substance-use': 'substance use drugs alcohol addiction recovery detox overdose',
  youth: 'youth teen teens kids children young runaway',
  'domestic-violence': 'domestic violence abuse dv safety partner',
  'legal-aid': 'legal aid lawyer attorney court eviction rights',
  medical: 'medical clinic doctor nurse health dental',
};

/** Lower case without accents, so "Español" is found by "espanol". */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

const view = (r: ResourceRow): Resource => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  phone: r.phone,
  address: r.address,
  hours: r.hours,
  notes: r.notes,
  languages: r.languages,
  retired: r.retired,
  version: r.version,
  updatedAt: r.updatedAt,
});

/**
 * The community resource directory an administrator keeps, searchable from the desk,
 * and the referral counts: each service a patron is referred to is counted by kind,
 * branch and day, and nothing about the patron is kept.
 */
export class CommunityService {
  constructor(
    private readonly db: Db,
    private readonly repo: CommunityRepo,
    private readonly journal: Journal,
    private readonly ports: CommunityPorts,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  list(includeRetired: boolean): Resource[] {
    return this.repo.all(includeRetired).map(view);
  }

  /** Services in use holding every word typed (in any field, or the kind's everyday words), kind then name. */
  search(text: string, limit: number): Resource[] {
    const words = fold(text).split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    const found: Resource[] = [];
    for (const r of this.repo.all(false)) {
      const hay = fold(
        [
          r.name,
          RESOURCE_KIND_WORDS[r.kind],
          KIND_SEARCH_WORDS[r.kind],
          r.notes,
          r.languages.join(' '),
          r.address,
          r.phone,
        ].join(' '),
      );
      if (words.every((w) => hay.includes(w))) found.push(view(r));
      if (found.length >= limit) break;
    }
    return found;
  }

  save(id: string | undefined, version: number | undefined, input: ResourceInput, staffId: string): Resource {
    const saved = this.db
      .transaction(() => {
        const now = this.clock.now().toISOString();
        const same = this.repo.byName(input.name);
        if (same && same.id !== id) {
          throw conflict(`“${same.name}” is already in the directory.`, { name: 'This name is taken' });
        }
        const languages = [...new Map(input.languages.map((l) => [fold(l), l])).values()];
        if (!id) {
          const row: ResourceRow = {
            id: uuidv7(),
            ...input,
            languages,
            retired: false,
            version: 1,
            createdAt: now,
            updatedAt: now,
            updatedBy: staffId,
          };
          this.repo.insert(row);
          this.journal.append({ kind: 'resource.added', recordId: row.id, actor: staffId, payload: view(row) });
          return row;
        }
        const before = this.repo.get(id);
        if (!before) throw notFound('That service');
        if (version !== undefined && version !== before.version) {
          throw conflict('Someone changed this service since you opened it. Look at it again before saving.');
        }
        const row: ResourceRow = {
          ...before,
          ...input,
          languages,
          version: before.version + 1,
          updatedAt: now,
          updatedBy: staffId,
        };
        this.repo.update(row);
        this.journal.append({ kind: 'resource.updated', recordId: id, actor: staffId, payload: view(row) });
        return row;
      })
      .immediate();
    this.events.emit('resources.changed', {});
    return view(saved);
  }

  setRetired(id: string, retired: boolean, staffId: string): Resource {
    const saved = this.db
      .transaction(() => {
        const before = this.repo.get(id);
        if (!before) throw notFound('That service');
        if (before.retired === retired) return before;
        const row = {
          ...before,
          retired,
          version: before.version + 1,
          updatedAt: this.clock.now().toISOString(),
          updatedBy: staffId,
        };
        this.repo.update(row);
        this.journal.append({
          kind: retired ? 'resource.retired' : 'resource.restored',
          recordId: id,
          actor: staffId,
          payload: view(row),
        });
        return row;
      })
      .immediate();
    this.events.emit('resources.changed', {});
    return view(saved);
  }

  /**
   * Counts one referral to each service, at the desk's branch and local date, and gives
   * the services back in the order chosen (for the card). No patron is named: the count
   * is all the library keeps.
   */
  refer(resourceIds: readonly string[], branchId: string | null, card: boolean, staffId: string): Resource[] {
    const chosen = this.db
      .transaction(() => {
        if (branchId !== null && !this.ports.branches.find(branchId)) {
          throw invalid('Choose a branch.', { branchId: 'Choose a branch' });
        }
        const rows = this.rows(resourceIds);
        const at = this.clock.now().toISOString();
        const date = localDate(this.clock.ms(), zoneOf(branchId, this.ports.branches));
        const ids = rows.map((r) => {
          const id = uuidv7();
          this.repo.insertReferral({ id, at, date, branchId, resourceId: r.id, kind: r.kind, card, byStaff: staffId });
          return id;
        });
        this.journal.append({
          kind: 'referral.given',
          recordId: ids[0]!,
          actor: staffId,
          payload: { referralIds: ids, date, branchId, card, resources: rows.map((r) => ({ id: r.id, kind: r.kind })) },
        });
        return rows;
      })
      .immediate();
    this.events.emit('resources.changed', {});
    return chosen.map(view);
  }

  /** The services chosen for a card, in the order chosen; refused when one is unknown or out of use. */
  chosen(resourceIds: readonly string[]): Resource[] {
    return this.rows(resourceIds).map(view);
  }

  counts(from: string, to: string, branchId: string | undefined): ReferralCounts {
    const rows = this.repo.counts(from, to, branchId);
    const byKind = new Map<ResourceKind, number>();
    for (const r of rows) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + r.count);
    return {
      from,
      to,
      total: rows.reduce((n, r) => n + r.count, 0),
      byKind: RESOURCE_KINDS.filter((k) => byKind.has(k)).map((kind) => ({ kind, count: byKind.get(kind)! })),
      rows,
    };
  }

  /** Referrals by kind in a span (instants), for the daily report. */
  kindsBetween(from: string, to: string, branchId: string | null): { kind: ResourceKind; count: number }[] {
    return this.repo.kindsBetween(from, to, branchId);
  }

  private rows(resourceIds: readonly string[]): ResourceRow[] {
    return [...new Set(resourceIds)].map((id) => {
      const r = this.repo.get(id);
      if (!r) throw invalid('One of the services chosen is not in the directory.', { resourceIds: 'Unknown service' });
      if (r.retired) throw invalid(`${r.name} is no longer in use.`, { resourceIds: 'A service no longer in use' });
      return r;
    });
  }
}
