import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { StreamName } from '../../shared/contract/cameras';
import type { ReceivedSegment, SegmentTap } from '../cameras/segment-tap';
import type { Log } from '../log';
import { initFileName, isInitFileName, parseSegmentFileName, segmentFileName } from './segment-files';
import { SegmentIndex, endOf, type RecordedSegment } from './segment-index';

export const RECORDINGS_DIR = 'recordings';
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** How often the disk's free space and the budget are looked at (age is trimmed on every segment). */
const SWEEP_MS = 5_000;
/** Files looked at together by checkAll. */
const CHECK_BATCH = 256;
/** Trimming for the budget goes this far below it, so it does not run on every segment. */
const HEADROOM = 0.98;
/** A camera whose last segment is older than this is not "recording" but waiting for video. */
const RECEIVING_MS = 10_000;

export interface DiskSpace {
  freeBytes: number;
  sizeBytes: number;
}

export interface BufferOptions {
  /** <dataDir>/recordings: one folder per camera. */
  dir: string;
  /** Main's clock (ms): segments older than a camera's minutes are removed. */
  now: () => number;
  /** The camera's buffer in minutes; 0 = not recorded. */
  minutesFor(cameraId: string): number;
  /** The desk's disk budget for every camera together. */
  budgetBytes(): number;
  /** The disk under the buffer; statfs by default, tests pretend a full one. */
  diskSpace?: (dir: string) => DiskSpace | null;
  log: Log;
  /** Something a status screen shows changed (the disk filled, a camera started or stopped recording). */
  onChange?: () => void;
}

/** Space left for everything else on the disk: 5 % of it, at least 2 GiB. */
export const diskReserve = (sizeBytes: number) => Math.max(2 * 1024 ** 3, sizeBytes * 0.05);

export interface CameraBufferState {
  cameraId: string;
  bytes: number;
  segments: number;
  fromMs: number | null;
  toMs: number | null;
  /** Real time of the last segment received, for "recording" or "waiting for video". */
  receiving: boolean;
  /** Why the camera's video is not being kept, in words; null when it is (or it is off). */
  problem: string | null;
}

export interface BufferState {
  usedBytes: number;
  budgetBytes: number;
  /** What the buffer may use now: the budget, or less when the disk is short of space. */
  allowedBytes: number;
  disk: DiskSpace | null;
  /** When the disk forced the buffer under its budget, in words. */
  shrunk: string | null;
  cameras: CameraBufferState[];
}

/** "1.4 GB", "350 MB": sizes as a settings screen says them. */
export const sizeWords = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.max(0, Math.round(bytes / 1024 ** 2))} MB`;

function statfs(dir: string): DiskSpace | null {
  try {
    const s = statfsSync(dir);
    return { freeBytes: s.bavail * s.bsize, sizeBytes: s.blocks * s.bsize };
  } catch {
    return null;
  }
}

/**
 * The rolling buffer: every recorded camera's full stream as the segments it
 * already receives (no re-encoding), one folder per camera under the data
 * folder, trimmed continuously by age (each camera's minutes) and by one disk
 * budget (oldest first, across cameras), and shrunk further when the disk runs
 * short. The segment files are the record: a restart lists the folders and
 * replays what was there, and a file that went missing or was damaged becomes
 * a gap. Camera images are confidential: a camera removed or set to 0 minutes
 * has its folder deleted at once.
 */
export class RollingBuffer implements SegmentTap {
  private readonly indexes = new Map<string, SegmentIndex>();
  private readonly checking = new Map<string, Promise<void>>();
  private readonly received_ = new Map<string, number>();
  private readonly problems = new Map<string, string>();
  private disk: DiskSpace | null = null;
  private allowed = Infinity;
  private diskFullAt: number | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private started = false;
  private closed = false;

  constructor(private readonly opts: BufferOptions) {}

  /**
   * Lists what a previous run left on disk and starts the sweep. Folders of cameras not
   * in `cameraIds` (removed since) are deleted; so are temp files a crash left.
   */
  start(cameraIds: readonly string[]): void {
    if (this.started || this.closed) return;
    this.started = true;
    mkdirSync(this.opts.dir, { recursive: true, mode: 0o700 });
    const known = new Set(cameraIds);
    for (const entry of readdirSync(this.opts.dir, { withFileTypes: true })) {
      const path = join(this.opts.dir, entry.name);
      if (!entry.isDirectory() || !UUID_V7.test(entry.name) || !known.has(entry.name)) {
        rmSync(path, { recursive: true, force: true });
        continue;
      }
      if (this.opts.minutesFor(entry.name) === 0) {
        rmSync(path, { recursive: true, force: true });
        continue;
      }
      const index = new SegmentIndex();
      const found: RecordedSegment[] = [];
      for (const file of readdirSync(path)) {
        const s = parseSegmentFileName(file);
        if (s) found.push(s);
        else if (!isInitFileName(file)) rmSync(join(path, file), { force: true });
      }
      found.sort((a, b) => a.startMs - b.startMs);
      for (const s of found) if (!index.add(s)) rmSync(join(path, s.file), { force: true });
      this.indexes.set(entry.name, index);
    }
    this.sweep();
    this.sweepTimer = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweepTimer.unref();
  }

  close(): void {
    this.closed = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
  }

  // ---- the tap: what the supervisors hand over ----

  wants(cameraId: string, stream: StreamName): boolean {
    return this.started && !this.closed && stream === 'main' && this.opts.minutesFor(cameraId) > 0;
  }

  received(seg: ReceivedSegment): void {
    if (!this.wants(seg.cameraId, seg.stream) || seg.durationMs <= 0) return;
    const dir = this.cameraDir(seg.cameraId);
    const index = this.indexOf(seg.cameraId);
    let added: string | null = null;
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const initHash = seg.init ? this.keepInit(dir, seg.init) : null;
      const temp = join(dir, `.incoming-${process.pid}.tmp`);
      if ('path' in seg.body) {
        // A second name for ffmpeg's file: no copy, and ffmpeg deleting its own name later leaves ours.
        rmSync(temp, { force: true });
        try {
          linkSync(seg.body.path, temp);
        } catch {
          copyFileSync(seg.body.path, temp);
        }
      } else {
        writeFileSync(temp, seg.body.bytes, { mode: 0o600 });
      }
      const bytes = statSync(temp).size;
      const entry = { ...seg, bytes, file: '', init: seg.init ? initFileName(initHash!) : null };
      entry.file = segmentFileName(entry, seg.ext, initHash);
      if (!index.add(entry)) {
        rmSync(temp, { force: true });
        return;
      }
      added = entry.file;
      renameSync(temp, join(dir, entry.file));
      const wasReceiving = this.isReceiving(seg.cameraId);
      this.received_.set(seg.cameraId, Date.now());
      if (this.problems.delete(seg.cameraId) || !wasReceiving) this.opts.onChange?.();
      this.trimAge(seg.cameraId);
      if (this.usedBytes() > Math.min(this.opts.budgetBytes(), this.allowed)) this.trimToBudget();
    } catch (e) {
      if (added) index.remove(added);
      this.writeFailed(seg.cameraId, e as NodeJS.ErrnoException);
    }
  }

  unrecordable(cameraId: string, stream: StreamName, why: string | null): void {
    if (stream !== 'main') return;
    const before = this.problems.get(cameraId) ?? null;
    if (why === before) return;
    if (why === null) this.problems.delete(cameraId);
    else this.problems.set(cameraId, why);
    this.opts.onChange?.();
  }

  // ---- what replay reads ----

  index(cameraId: string): SegmentIndex | undefined {
    return this.indexes.get(cameraId);
  }

  /** A file of a camera's buffer; the name is checked by the caller against the index. */
  pathOf(cameraId: string, file: string): string {
    return join(this.cameraDir(cameraId), file);
  }

  /**
   * The segments of [fromMs, toMs) whose files are still there with the size their name
   * says; a file deleted or cut short behind the desk's back leaves the index (a gap).
   */
  present(cameraId: string, fromMs: number, toMs: number): RecordedSegment[] {
    const index = this.indexes.get(cameraId);
    if (!index) return [];
    return index.between(fromMs, toMs).filter((s) => {
      let size = -1;
      try {
        size = statSync(this.pathOf(cameraId, s.file)).size;
      } catch {
        // Gone: treated below as damaged.
      }
      if (size === s.bytes) return true;
      this.discard(cameraId, s.file);
      return false;
    });
  }

  /**
   * The same check as present(), for a whole camera, without holding main: the files are
   * looked at a batch at a time through the thread pool (a day's buffer is 86,400 of them,
   * half a second of synchronous stats). Resolves when done.
   */
  checkAll(cameraId: string): Promise<void> {
    // One check at a time per camera: opens asked for in a burst share it.
    const running = this.checking.get(cameraId);
    if (running) return running;
    const check = this.check(cameraId).finally(() => this.checking.delete(cameraId));
    this.checking.set(cameraId, check);
    return check;
  }

  private async check(cameraId: string): Promise<void> {
    const segments = [...(this.indexes.get(cameraId)?.segments ?? [])];
    for (let at = 0; at < segments.length; at += CHECK_BATCH) {
      const batch = segments.slice(at, at + CHECK_BATCH);
      const sizes = await Promise.all(
        batch.map((s) =>
          stat(this.pathOf(cameraId, s.file)).then(
            (st) => st.size,
            () => -1,
          ),
        ),
      );
      batch.forEach((s, i) => {
        // One trimmed meanwhile is no longer in the index: discard leaves it be.
        if (sizes[i] !== s.bytes) this.discard(cameraId, s.file);
      });
    }
  }

  /** Drops a segment whose file is missing or damaged: it becomes part of a gap. */
  discard(cameraId: string, file: string): void {
    if (this.indexes.get(cameraId)?.remove(file)) rmSync(this.pathOf(cameraId, file), { force: true });
  }

  /** Deletes a camera's whole buffer (removed, or recording turned off). */
  forget(cameraId: string): void {
    this.indexes.delete(cameraId);
    this.received_.delete(cameraId);
    this.problems.delete(cameraId);
    rmSync(this.cameraDir(cameraId), { recursive: true, force: true });
    this.opts.onChange?.();
  }

  usedBytes(): number {
    let total = 0;
    for (const index of this.indexes.values()) total += index.bytes;
    return total;
  }

  state(cameraIds: readonly string[]): BufferState {
    const budget = this.opts.budgetBytes();
    const shrunk =
      this.diskFullAt !== null
        ? 'The disk was full: the oldest video was deleted to make room, and the buffer keeps less until there is space again.'
        : this.allowed < budget
          ? `The disk is short of space, so the buffer keeps at most ${sizeWords(this.allowed)} instead of ${sizeWords(budget)}` +
            (this.disk ? ` (${sizeWords(this.disk.freeBytes)} free on the disk).` : '.')
          : null;
    return {
      usedBytes: this.usedBytes(),
      budgetBytes: budget,
      allowedBytes: Math.min(budget, this.allowed),
      disk: this.disk,
      shrunk,
      cameras: cameraIds.map((cameraId) => {
        const index = this.indexes.get(cameraId);
        return {
          cameraId,
          bytes: index?.bytes ?? 0,
          segments: index?.size ?? 0,
          fromMs: index?.first?.startMs ?? null,
          toMs: index?.last ? endOf(index.last) : null,
          receiving: this.isReceiving(cameraId),
          problem: this.problems.get(cameraId) ?? null,
        };
      }),
    };
  }

  /** Age, budget and disk: run every few seconds, and at once after a change of settings. */
  sweep(): void {
    if (this.closed) return;
    for (const cameraId of [...this.indexes.keys()]) {
      if (this.opts.minutesFor(cameraId) === 0) this.forget(cameraId);
      else this.trimAge(cameraId);
    }
    const before = this.allowed;
    this.disk = (this.opts.diskSpace ?? statfs)(this.opts.dir);
    const used = this.usedBytes();
    this.allowed = this.disk
      ? Math.max(0, used + this.disk.freeBytes - diskReserve(this.disk.sizeBytes))
      : Number.POSITIVE_INFINITY;
    if (this.diskFullAt !== null && this.opts.now() - this.diskFullAt > 10 * 60_000) this.diskFullAt = null;
    this.trimToBudget();
    if (before < this.opts.budgetBytes() !== this.allowed < this.opts.budgetBytes()) this.opts.onChange?.();
  }

  // ---- trimming ----

  private trimAge(cameraId: string): void {
    const index = this.indexes.get(cameraId);
    const minutes = this.opts.minutesFor(cameraId);
    if (!index || minutes <= 0) return;
    const gone = index.removeEndedBefore(this.opts.now() - minutes * 60_000);
    for (const s of gone) rmSync(this.pathOf(cameraId, s.file), { force: true });
    if (gone.some((s) => s.init)) this.pruneInits(cameraId);
  }

  /** Oldest first across every camera, until the buffer fits the budget and the disk. */
  private trimToBudget(): void {
    const limit = Math.min(this.opts.budgetBytes(), this.allowed);
    let used = this.usedBytes();
    if (used <= limit) return;
    const target = limit * HEADROOM;
    const touched = new Set<string>();
    while (used > target) {
      let oldest: { cameraId: string; index: SegmentIndex } | null = null;
      for (const [cameraId, index] of this.indexes) {
        if (index.first && (!oldest || index.first.startMs < oldest.index.first!.startMs)) oldest = { cameraId, index };
      }
      if (!oldest) break;
      const s = oldest.index.shift()!;
      rmSync(this.pathOf(oldest.cameraId, s.file), { force: true });
      touched.add(oldest.cameraId);
      used -= s.bytes;
    }
    for (const cameraId of touched) this.pruneInits(cameraId);
  }

  /** Initialization segments no recorded segment uses any more. */
  private pruneInits(cameraId: string): void {
    const dir = this.cameraDir(cameraId);
    const used = new Set(this.indexes.get(cameraId)?.segments.map((s) => s.init) ?? []);
    if (!existsSync(dir)) return;
    for (const file of readdirSync(dir)) if (isInitFileName(file) && !used.has(file)) rmSync(join(dir, file));
  }

  private writeFailed(cameraId: string, e: NodeJS.ErrnoException): void {
    if (e.code === 'ENOSPC' || e.code === 'EDQUOT') {
      // Make room now rather than at the next sweep; the segment that failed is a gap.
      const wasFull = this.diskFullAt !== null;
      this.diskFullAt = this.opts.now();
      this.allowed = Math.min(this.allowed, this.usedBytes() * 0.9);
      this.trimToBudget();
      if (!wasFull) {
        this.opts.log('replay buffer: the disk is full; the oldest video was deleted to make room');
        this.opts.onChange?.();
      }
      return;
    }
    const why = `The recording could not be written (${e.code ?? e.message})`;
    if (this.problems.get(cameraId) !== why) {
      this.opts.log(`replay buffer: camera ${cameraId}: ${why}`, e);
      this.problems.set(cameraId, why);
      this.opts.onChange?.();
    }
  }

  private keepInit(dir: string, init: Buffer): string {
    const hash = createHash('sha256').update(init).digest('hex').slice(0, 16);
    const path = join(dir, initFileName(hash));
    if (!existsSync(path)) {
      writeFileSync(`${path}.tmp`, init, { mode: 0o600 });
      renameSync(`${path}.tmp`, path);
    }
    return hash;
  }

  private isReceiving(cameraId: string): boolean {
    const at = this.received_.get(cameraId);
    return at !== undefined && Date.now() - at < RECEIVING_MS;
  }

  private indexOf(cameraId: string): SegmentIndex {
    let index = this.indexes.get(cameraId);
    if (!index) {
      index = new SegmentIndex();
      this.indexes.set(cameraId, index);
    }
    return index;
  }

  private cameraDir(cameraId: string): string {
    if (!UUID_V7.test(cameraId)) throw new Error('Not a camera id');
    return join(this.opts.dir, cameraId);
  }
}
