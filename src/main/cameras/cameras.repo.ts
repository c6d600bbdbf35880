import type { Db } from '../db/connection';
import type { CameraKind } from '../../shared/contract/cameras';

interface CameraRow {
  id: string;
  name: string;
  branch_id: string;
  zone_id: string;
  kind: CameraKind;
  url: string;
  grid_url: string | null;
  username: string | null;
  password_enc: string | null;
  enabled: 0 | 1;
  removed_at: string | null;
  created_at: string;
}

/** A camera as stored; `passwordEnc` never leaves the cameras service. */
export interface CameraRecord {
  id: string;
  name: string;
  branchId: string;
  zoneId: string;
  kind: CameraKind;
  url: string;
  gridUrl: string | null;
  username: string | null;
  passwordEnc: string | null;
  enabled: boolean;
  removedAt: string | null;
  createdAt: string;
}

const toRecord = (r: CameraRow): CameraRecord => ({
  id: r.id,
  name: r.name,
  branchId: r.branch_id,
  zoneId: r.zone_id,
  kind: r.kind,
  url: r.url,
  gridUrl: r.grid_url,
  username: r.username,
  passwordEnc: r.password_enc,
  enabled: r.enabled === 1,
  removedAt: r.removed_at,
  createdAt: r.created_at,
});

/** The camera's state for the journal: everything another desk needs, but no password. */
export function journalPayload(c: CameraRecord) {
  const { passwordEnc, ...rest } = c;
  return { ...rest, hasPassword: passwordEnc !== null };
}

export type CameraWrite = Omit<CameraRecord, 'enabled' | 'removedAt' | 'createdAt'>;

export class CamerasRepo {
  constructor(private readonly db: Db) {}

  /** Cameras not removed, enabled and disabled, by name. */
  current(): CameraRecord[] {
    return this.db
      .prepare<[], CameraRow>('SELECT * FROM cameras WHERE removed_at IS NULL ORDER BY name COLLATE NOCASE, id')
      .all()
      .map(toRecord);
  }

  /** A camera, removed ones included (snapshots and later records still name them). */
  get(id: string): CameraRecord | undefined {
    const row = this.db.prepare<[string], CameraRow>('SELECT * FROM cameras WHERE id = ?').get(id);
    return row && toRecord(row);
  }

  /** A current camera in the branch with this name, ignoring case. */
  byName(branchId: string, name: string): { id: string } | undefined {
    return this.db
      .prepare<[string, string], { id: string }>(
        'SELECT id FROM cameras WHERE branch_id = ? AND name = ? COLLATE NOCASE AND removed_at IS NULL',
      )
      .get(branchId, name);
  }

  insert(c: CameraWrite, createdAt: string): void {
    this.db
      .prepare(
        `INSERT INTO cameras (id, name, branch_id, zone_id, kind, url, grid_url, username, password_enc, created_at)
         VALUES (@id, @name, @branchId, @zoneId, @kind, @url, @gridUrl, @username, @passwordEnc, @createdAt)`,
      )
      .run({ ...c, createdAt });
  }

  update(c: CameraWrite): void {
    this.db
      .prepare(
        `UPDATE cameras SET name = @name, branch_id = @branchId, zone_id = @zoneId, kind = @kind, url = @url,
           grid_url = @gridUrl, username = @username, password_enc = @passwordEnc WHERE id = @id`,
      )
      .run(c);
  }

  setEnabled(id: string, enabled: boolean): void {
    this.db.prepare('UPDATE cameras SET enabled = ? WHERE id = ?').run(enabled ? 1 : 0, id);
  }

  setRemoved(id: string, at: string): void {
    this.db.prepare('UPDATE cameras SET removed_at = ? WHERE id = ?').run(at, id);
  }
}
