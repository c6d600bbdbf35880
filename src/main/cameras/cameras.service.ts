import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { DomainEvents } from '../events';
import type { JournalKind } from '../../shared/contract/journal';
import { conflict, invalid, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { BranchesService } from '../branches/branches.service';
import {
  STREAMS,
  type Camera,
  type CameraDetail,
  type CameraKind,
  type StreamHealth,
} from '../../shared/contract/cameras';
import { prepareAddresses } from './addresses';
import { cameraFile, planImport } from './camera-file';
import { journalPayload, type CameraRecord, type CamerasRepo, type CameraWrite } from './cameras.repo';
import type { SecretStore } from './secrets';
import type { StreamSource } from './sources';

export interface CameraInput {
  name: string;
  branchId: string;
  zoneId: string;
  kind: CameraKind;
  url: string;
  gridUrl: string | null;
  username: string | null;
  /** undefined keeps the stored password (edit), null clears it. */
  password?: string | null;
}

const FIELD_LABELS = { url: 'Address', gridUrl: 'Grid address' } as const;

/**
 * The camera registry. Addresses are kept without credentials and the password
 * only encrypted; no method returns a password, and journal entries carry the
 * camera without it (like staff passphrases, it never leaves this desk).
 */
export class CamerasService {
  constructor(
    private readonly db: Db,
    private readonly repo: CamerasRepo,
    private readonly journal: Journal,
    private readonly branches: BranchesService,
    private readonly secrets: SecretStore,
    /** What the supervisors report for a camera's streams (empty before they have reported). */
    private readonly reported: (cameraId: string) => StreamHealth[],
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  list(): Camera[] {
    return this.repo.current().map((c) => this.toCamera(c));
  }

  /** Cameras by id, removed ones included: the names records show for the cameras they cite. */
  names(ids: readonly string[]): Map<string, string> {
    return new Map(
      ids.flatMap((id) => {
        const c = this.repo.get(id);
        return c ? [[id, c.name] as const] : [];
      }),
    );
  }

  /** A camera that still exists (not removed), for a snapshot or a wall view; undefined otherwise. */
  live(id: string): { id: string; name: string; hasGrid: boolean; zoneId: string; branchId: string } | undefined {
    const c = this.repo.get(id);
    if (!c || c.removedAt !== null) return undefined;
    return { id: c.id, name: c.name, hasGrid: c.gridUrl !== null, zoneId: c.zoneId, branchId: c.branchId };
  }

  /** Whether a camera was ever registered here (a report may cite one since removed). */
  exists(id: string): boolean {
    return this.repo.get(id) !== undefined;
  }

  get(id: string): CameraDetail {
    return this.toDetail(this.current(id));
  }

  add(input: CameraInput, actor: string | null): CameraDetail {
    return this.change(() => {
      const id = uuidv7();
      this.repo.insert(this.prepare(id, { ...input, password: input.password ?? null }, null), this.now());
      return this.record(id, 'camera.added', actor);
    });
  }

  update(id: string, input: CameraInput, actor: string | null): CameraDetail {
    return this.change(() => {
      this.repo.update(this.prepare(id, input, this.current(id)));
      return this.record(id, 'camera.updated', actor);
    });
  }

  setEnabled(id: string, enabled: boolean, actor: string | null): CameraDetail {
    const before = this.current(id);
    if (before.enabled === enabled) return this.toDetail(before);
    return this.change(() => {
      this.repo.setEnabled(this.current(id).id, enabled);
      return this.record(id, enabled ? 'camera.enabled' : 'camera.disabled', actor);
    });
  }

  remove(id: string, actor: string | null): void {
    this.db
      .transaction(() => {
        this.repo.setRemoved(this.current(id).id, this.now());
        this.record(id, 'camera.removed', actor);
      })
      .immediate();
    this.events.emit('camera.removed', { cameraId: id });
  }

  /** All or nothing: every camera (and each zone it names that does not exist yet) in one transaction. */
  importJson(json: string, actor: string | null): { imported: number; zonesCreated: number } {
    const result = this.db
      .transaction(() => {
        const plan = planImport(json, {
          branches: this.branches.list(),
          nameTaken: (branchId, name) => this.repo.byName(branchId, name) !== undefined,
        });
        const createdZones = new Map<string, string>();
        const now = this.now();
        const ids: string[] = [];
        for (const p of plan) {
          let zoneId = p.zoneId;
          if (zoneId === null) {
            const key = `${p.branchId}\n${p.zoneName.toLowerCase()}`;
            zoneId = createdZones.get(key) ?? this.createZone(p.branchId, p.zoneName, actor);
            createdZones.set(key, zoneId);
          }
          const id = uuidv7();
          const { name, branchId, kind, url, gridUrl, username, password } = p;
          const passwordEnc = password === null ? null : this.secrets.encrypt(password);
          this.repo.insert({ id, name, branchId, zoneId, kind, url, gridUrl, username, passwordEnc }, now);
          ids.push(id);
          // One entry per camera, the same state as camera.added: another desk replays it the same way.
          this.record(id, 'camera.imported', actor);
        }
        return { imported: plan.length, zonesCreated: createdZones.size, ids };
      })
      .immediate();
    this.events.emit('cameras.changed', { cameraIds: result.ids });
    return { imported: result.imported, zonesCreated: result.zonesCreated };
  }

  exportJson(): { json: string } {
    const branches = this.branches.list();
    const zones = new Map(branches.flatMap((b) => b.zones).map((z) => [z.id, z.name]));
    const codes = new Map(branches.map((b) => [b.id, b.code]));
    const cameras = this.repo.current().map((c) => ({
      name: c.name,
      branch: codes.get(c.branchId) ?? '',
      zone: zones.get(c.zoneId) ?? '',
      kind: c.kind,
      url: c.url,
      gridUrl: c.gridUrl,
      username: c.username,
    }));
    return { json: cameraFile(cameras) };
  }

  /** What supervisors connect to: enabled cameras' streams, with credentials decrypted. */
  sources(): StreamSource[] {
    return this.repo
      .current()
      .filter((c) => c.enabled)
      .flatMap((c) => {
        const password = this.password(c);
        const streams =
          c.gridUrl === null
            ? [{ stream: 'main' as const, url: c.url }]
            : [
                { stream: 'main' as const, url: c.url },
                { stream: 'grid' as const, url: c.gridUrl },
              ];
        return streams.map(({ stream, url }) => ({
          cameraId: c.id,
          stream,
          kind: c.kind,
          url,
          username: c.username,
          password,
        }));
      });
  }

  private password(c: CameraRecord): string | null {
    if (c.passwordEnc === null) return null;
    try {
      return this.secrets.decrypt(c.passwordEnc);
    } catch {
      // A lost or replaced key (another machine's data copied here): connect without it; the
      // camera then answers 401 and its tile says "wrong credentials", which tells the admin to re-enter it.
      return null;
    }
  }

  private createZone(branchId: string, name: string, actor: string | null): string {
    const branch = this.branches.addZone(branchId, { name, kind: 'interior', floor: '' }, actor);
    return branch.zones.find((z) => z.name.toLowerCase() === name.toLowerCase())!.id;
  }

  /** Checks a camera's fields and returns what to store; `before` is the stored camera when editing. */
  private prepare(id: string, input: CameraInput, before: CameraRecord | null): CameraWrite {
    const branch = this.branches.list().find((b) => b.id === input.branchId);
    if (!branch) throw invalid('That branch was not found.', { branchId: 'Choose a branch' });
    const zone = branch.zones.find((z) => z.id === input.zoneId);
    if (!zone) throw invalid(`That zone is not in ${branch.name}.`, { zoneId: `Choose a zone of ${branch.name}` });
    // A camera may stay where it is after a branch or zone is retired, but not be put there.
    if (branch.retired && before?.branchId !== branch.id) {
      throw invalid(`${branch.name} is retired.`, { branchId: 'This branch is retired' });
    }
    if (zone.retired && before?.zoneId !== zone.id)
      throw invalid(`${zone.name} is retired.`, { zoneId: 'This zone is retired' });

    const addresses = prepareAddresses(input);
    if (!addresses.ok) {
      const fields = Object.fromEntries(
        Object.entries(addresses.problems).map(([f, text]) => [
          f,
          `${FIELD_LABELS[f as keyof typeof FIELD_LABELS]} ${text}`,
        ]),
      );
      throw invalid(Object.values(fields).join('\n'), fields);
    }
    const other = this.repo.byName(branch.id, input.name);
    if (other && other.id !== id) {
      throw conflict(`${branch.name} already has a camera called “${input.name}”.`, { name: 'This name is taken' });
    }
    const { url, gridUrl, username, password } = addresses.value;
    const passwordEnc =
      password === undefined
        ? (before?.passwordEnc ?? null)
        : password === null
          ? null
          : this.secrets.encrypt(password);
    return {
      id,
      name: input.name,
      branchId: branch.id,
      zoneId: zone.id,
      kind: input.kind,
      url,
      gridUrl,
      username,
      passwordEnc,
    };
  }

  /** Journals the camera's new state; runs inside the change's transaction. */
  private record(id: string, kind: JournalKind, actor: string | null): CameraRecord {
    const after = this.repo.get(id)!;
    this.journal.append({ kind, recordId: id, actor, payload: journalPayload(after) });
    return after;
  }

  private change(apply: () => CameraRecord): CameraDetail {
    const after = this.db.transaction(apply).immediate();
    this.events.emit('cameras.changed', { cameraIds: [after.id] });
    return this.toDetail(after);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  /**
   * What the supervisors report, or, until they have: every stream 'connecting'
   * since the camera was added.
   */
  private healthOf(c: CameraRecord): StreamHealth[] {
    const reported = this.reported(c.id);
    if (reported.length > 0) return reported;
    return this.streamsOf(c).map((stream) => ({
      cameraId: c.id,
      stream,
      state: 'connecting' as const,
      reason: null,
      message: null,
      lastSegmentAt: null,
      targetDuration: null,
      codec: null,
      since: c.createdAt,
    }));
  }

  private streamsOf(c: CameraRecord) {
    return STREAMS.filter((s) => s === 'main' || c.gridUrl !== null);
  }

  private current(id: string): CameraRecord {
    const c = this.repo.get(id);
    if (!c || c.removedAt !== null) throw notFound('That camera');
    return c;
  }

  private toCamera(c: CameraRecord): Camera {
    return {
      id: c.id,
      name: c.name,
      branchId: c.branchId,
      zoneId: c.zoneId,
      kind: c.kind,
      hasGrid: c.gridUrl !== null,
      enabled: c.enabled,
      health: c.enabled ? this.healthOf(c) : this.disabledHealth(c),
    };
  }

  /** A disabled camera has no supervisor: its streams say so themselves. */
  private disabledHealth(c: CameraRecord): StreamHealth[] {
    const since = this.journal.lastOfKind(c.id, 'camera.disabled') ?? c.createdAt;
    return this.streamsOf(c).map((stream) => ({
      cameraId: c.id,
      stream,
      state: 'disabled',
      reason: null,
      message: 'Turned off by an administrator',
      lastSegmentAt: null,
      targetDuration: null,
      codec: null,
      since,
    }));
  }

  private toDetail(c: CameraRecord): CameraDetail {
    return {
      ...this.toCamera(c),
      url: c.url,
      gridUrl: c.gridUrl,
      username: c.username,
      hasPassword: c.passwordEnc !== null,
    };
  }
}
