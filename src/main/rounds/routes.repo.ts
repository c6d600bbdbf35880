import { z } from 'zod';
import type { Db } from '../db/connection';
import { preparedStatements } from '../db/prepared';
import { Checkpoint } from '../../shared/contract/rounds';

export interface RouteVersionRow {
  id: string;
  routeId: string;
  branchId: string;
  version: number;
  name: string;
  checkpoints: Checkpoint[];
  intervalMinutes: number;
  firstAfterMinutes: number;
  graceMinutes: number;
  minGapSeconds: number;
  createdAt: string;
  createdBy: string | null;
  retired: boolean;
  /** Since when the route is retired, if it is. */
  retiredAt: string | null;
  /** When the route itself was made (its first version). */
  routeCreatedAt: string;
}

type Raw = Record<string, string | number | null>;

const Checkpoints = z.array(Checkpoint);

const toVersion = (r: Raw): RouteVersionRow => ({
  id: r.id as string,
  routeId: r.route_id as string,
  branchId: r.branch_id as string,
  version: r.version as number,
  name: r.name as string,
  checkpoints: Checkpoints.parse(JSON.parse(r.checkpoints as string)),
  intervalMinutes: r.interval_minutes as number,
  firstAfterMinutes: r.first_after_minutes as number,
  graceMinutes: r.grace_minutes as number,
  minGapSeconds: r.min_gap_seconds as number,
  createdAt: r.created_at as string,
  createdBy: r.created_by as string | null,
  retired: r.retired_at !== null,
  retiredAt: r.retired_at as string | null,
  routeCreatedAt: r.route_created_at as string,
});

const VERSION = `SELECT v.*, r.branch_id, r.retired_at, r.created_at AS route_created_at
  FROM patrol_route_versions v JOIN patrol_routes r ON r.id = v.route_id`;

export interface NewRouteVersion {
  id: string;
  routeId: string;
  name: string;
  checkpoints: Checkpoint[];
  intervalMinutes: number;
  firstAfterMinutes: number;
  graceMinutes: number;
  minGapSeconds: number;
  at: string;
  by: string | null;
}

/** SQL of patrol routes: a route, and its versions (a version is never changed). */
export class RoutesRepo {
  private readonly versionStmt;

  private readonly sql;

  constructor(db: Db) {
    this.sql = preparedStatements(db);
    this.versionStmt = this.sql<[string], Raw>(`${VERSION} WHERE v.id = ?`);
  }

  /** Every route of a branch at its current version, active ones first. */
  current(branchId: string): RouteVersionRow[] {
    return this.sql<[string], Raw>(
      `${VERSION} WHERE r.branch_id = ? AND v.id = r.current_version_id ORDER BY r.retired_at IS NOT NULL, v.name COLLATE NOCASE`,
    )
      .all(branchId)
      .map(toVersion);
  }

  /** Every active route of every branch at its current version. */
  allActive(): RouteVersionRow[] {
    return this.sql<[], Raw>(`${VERSION} WHERE v.id = r.current_version_id AND r.retired_at IS NULL`)
      .all()
      .map(toVersion);
  }

  currentOf(routeId: string): RouteVersionRow | undefined {
    const r = this.sql<[string], Raw>(`${VERSION} WHERE r.id = ? AND v.id = r.current_version_id`).get(routeId);
    return r && toVersion(r);
  }

  version(id: string): RouteVersionRow | undefined {
    const r = this.versionStmt.get(id);
    return r && toVersion(r);
  }

  /** Every version of a branch's routes, oldest first: history finds the one in force on a day. */
  versionsOf(branchId: string): RouteVersionRow[] {
    return this.sql<[string], Raw>(`${VERSION} WHERE r.branch_id = ? ORDER BY v.created_at, v.version`)
      .all(branchId)
      .map(toVersion);
  }

  /** An active route of the branch with this name, if any (names are the desk's handle on a route). */
  byName(branchId: string, name: string): { id: string } | undefined {
    return this.sql<[string, string], { id: string }>(
      `SELECT r.id FROM patrol_routes r JOIN patrol_route_versions v ON v.id = r.current_version_id
         WHERE r.branch_id = ? AND r.retired_at IS NULL AND v.name = ? COLLATE NOCASE`,
    ).get(branchId, name);
  }

  insertRoute(id: string, branchId: string, versionId: string, at: string): void {
    this.sql('INSERT INTO patrol_routes (id, branch_id, current_version_id, created_at) VALUES (?, ?, ?, ?)').run(
      id,
      branchId,
      versionId,
      at,
    );
  }

  /** Adds a version and makes it current. Run in a transaction. */
  addVersion(v: NewRouteVersion): number {
    const next =
      (this.sql<[string], { n: number | null }>(
        'SELECT max(version) AS n FROM patrol_route_versions WHERE route_id = ?',
      ).get(v.routeId)?.n ?? 0) + 1;
    this.sql(
      `INSERT INTO patrol_route_versions (id, route_id, version, name, checkpoints, interval_minutes, first_after_minutes,
           grace_minutes, min_gap_seconds, created_at, created_by)
         VALUES (@id, @routeId, @version, @name, @checkpoints, @intervalMinutes, @firstAfterMinutes, @graceMinutes,
           @minGapSeconds, @at, @by)`,
    ).run({ ...v, version: next, checkpoints: JSON.stringify(v.checkpoints) });
    this.sql('UPDATE patrol_routes SET current_version_id = ? WHERE id = ?').run(v.id, v.routeId);
    return next;
  }

  /** Retires (at `at`) or brings back (null). */
  setRetired(routeId: string, at: string | null): void {
    this.sql('UPDATE patrol_routes SET retired_at = ? WHERE id = ?').run(at, routeId);
  }
}
