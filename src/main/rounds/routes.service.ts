import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { DomainEvents } from '../events';
import { conflict, invalid, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { Branch } from '../../shared/contract/branches';
import type { Checkpoint, Route } from '../../shared/contract/rounds';
import type { RoundsPorts } from './ports';
import type { RouteVersionRow, RoutesRepo } from './routes.repo';

export interface RouteInput {
  routeId?: string | undefined;
  branchId: string;
  name: string;
  checkpoints: readonly { id?: string | undefined; zoneId: string; instructions: string }[];
  intervalMinutes: number;
  firstAfterMinutes: number;
  graceMinutes: number;
  minGapSeconds: number;
}

/**
 * Patrol routes per branch: ordered checkpoints (zones, with what to look for) and
 * the interval a round is required at while the branch is open. Versioned: a save
 * adds a version; a round keeps the version it was walked with.
 */
export class RoutesService {
  constructor(
    private readonly db: Db,
    private readonly repo: RoutesRepo,
    private readonly journal: Journal,
    private readonly events: DomainEvents,
    private readonly ports: RoundsPorts,
    private readonly clock: Clock,
  ) {}

  list(branchId: string): Route[] {
    const branch = this.branch(branchId);
    return this.repo.current(branchId).map((v) => this.toRoute(v, branch));
  }

  current(routeId: string): RouteVersionRow {
    const v = this.repo.currentOf(routeId);
    if (!v) throw notFound('That route');
    return v;
  }

  version(id: string): RouteVersionRow | undefined {
    return this.repo.version(id);
  }

  allActive(): RouteVersionRow[] {
    return this.repo.allActive();
  }

  versionsOf(branchId: string): RouteVersionRow[] {
    return this.repo.versionsOf(branchId);
  }

  save(input: RouteInput, actor: string | null): Route {
    const branch = this.branch(input.branchId);
    const zones = new Map(branch.zones.map((z) => [z.id, z]));
    input.checkpoints.forEach((c, i) => {
      if (!zones.has(c.zoneId)) {
        throw invalid(`Checkpoint ${i + 1} names a zone of another branch: choose one of ${branch.name}’s zones.`, {
          [`checkpoints.${i}.zoneId`]: `Not a zone of ${branch.name}`,
        });
      }
    });
    const checkpoints: Checkpoint[] = input.checkpoints.map((c) => ({
      id: c.id ?? uuidv7(),
      zoneId: c.zoneId,
      instructions: c.instructions,
    }));
    const fields = {
      name: input.name,
      checkpoints,
      intervalMinutes: input.intervalMinutes,
      firstAfterMinutes: input.firstAfterMinutes,
      graceMinutes: input.graceMinutes,
      minGapSeconds: input.minGapSeconds,
    };
    const before = input.routeId ? this.current(input.routeId) : undefined;
    if (before && before.branchId !== input.branchId)
      throw invalid('A route stays with its branch: add a new route there instead.');
    if (before && sameFields(before, fields)) return this.toRoute(before, branch);
    const saved = this.db
      .transaction(() => {
        const other = this.repo.byName(input.branchId, input.name);
        if (other && other.id !== input.routeId) {
          throw conflict(`${branch.name} already has a route called “${input.name}”.`, { name: 'This name is taken' });
        }
        const at = this.clock.now().toISOString();
        const routeId = input.routeId ?? uuidv7();
        const versionId = uuidv7();
        if (!before) this.repo.insertRoute(routeId, input.branchId, versionId, at);
        const version = this.repo.addVersion({ id: versionId, routeId, ...fields, at, by: actor });
        this.journal.append({
          kind: 'route.saved',
          recordId: routeId,
          actor,
          payload: { branchId: input.branchId, versionId, version, ...fields },
        });
        return this.repo.version(versionId)!;
      })
      .immediate();
    this.events.emit('rounds.changed', { branchId: input.branchId, roundId: null, version: null });
    return this.toRoute(saved, branch);
  }

  setRetired(routeId: string, retired: boolean, actor: string): Route {
    const route = this.current(routeId);
    const saved = this.db
      .transaction(() => {
        this.repo.setRetired(routeId, retired ? this.clock.now().toISOString() : null);
        this.journal.append({
          kind: retired ? 'route.retired' : 'route.restored',
          recordId: routeId,
          actor,
          payload: { routeId, retired },
        });
        return this.current(routeId);
      })
      .immediate();
    this.events.emit('rounds.changed', { branchId: route.branchId, roundId: null, version: null });
    return this.toRoute(saved, this.branch(route.branchId));
  }

  toRoute(v: RouteVersionRow, branch: Branch): Route {
    return {
      id: v.routeId,
      branchId: v.branchId,
      versionId: v.id,
      version: v.version,
      name: v.name,
      checkpoints: v.checkpoints.map((c) => {
        const zone = branch.zones.find((z) => z.id === c.zoneId);
        return { ...c, zoneName: zone?.name ?? '(removed zone)', zoneKind: zone?.kind ?? 'interior' };
      }),
      intervalMinutes: v.intervalMinutes,
      firstAfterMinutes: v.firstAfterMinutes,
      graceMinutes: v.graceMinutes,
      minGapSeconds: v.minGapSeconds,
      retired: v.retired,
      savedAt: v.createdAt,
      savedBy: v.createdBy ? (this.ports.staff.names([v.createdBy]).get(v.createdBy) ?? null) : null,
    };
  }

  private branch(id: string): Branch {
    const b = this.ports.branches.find(id);
    if (!b) throw notFound('That branch');
    return b;
  }
}

function sameFields(
  v: RouteVersionRow,
  f: Pick<
    RouteVersionRow,
    'name' | 'checkpoints' | 'intervalMinutes' | 'firstAfterMinutes' | 'graceMinutes' | 'minGapSeconds'
  >,
): boolean {
  return (
    v.name === f.name &&
    v.intervalMinutes === f.intervalMinutes &&
    v.firstAfterMinutes === f.firstAfterMinutes &&
    v.graceMinutes === f.graceMinutes &&
    v.minGapSeconds === f.minGapSeconds &&
    JSON.stringify(v.checkpoints) === JSON.stringify(f.checkpoints)
  );
}
