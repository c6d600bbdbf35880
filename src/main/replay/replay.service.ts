import { readFileSync } from 'node:fs';
import type { AuditService } from '../audit/audit.service';
import { attachmentPath, attachmentTempPath } from '../attachments/store';
import { readJpeg } from '../attachments/jpeg';
import { frameRateOf, readTransportStream } from '../cameras/transport-stream';
import type { Clock } from '../clock';
import { AppError, invalid, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { Log } from '../log';
import type { Session } from '../rpc/sessions';
import type { Clip, RecordingStatus, ReplayTimeline } from '../../shared/contract/replay';
import type { AttachmentRow } from '../attachments';
import type { BookmarksService } from './bookmarks.service';
import type { RollingBuffer } from './buffer';
import { cutClip, posterFrame } from './clip-cutter';
import type { ReplayPorts } from './ports';
import type { RecordingSettings } from './recording-settings';
import type { ReplayOpens } from './replay-opens';
import { reachOf } from './reach';
import { endOf, type RecordedSegment } from './segment-index';
import { timeWords } from './time-words';

/** R opens replay this far before the newest recorded moment. */
export const REPLAY_BACK_MS = 30_000;
/** replay.open checks the files this far either side of where it starts before answering. */
const NEAR_START_MS = 60_000;
/** …and the rest of the camera's files this long after, off main's thread. */
const CHECK_REST_AFTER_MS = 2_000;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Instant replay and evidence clips: opening a camera's buffer for a console (each
 * open an audited read of recorded video), cutting clips into SHA-256-named
 * attachments, and the buffer's settings and state for Settings → Cameras.
 */
export class ReplayService {
  private readonly frameRates = new Map<string, { rate: number | null; file: string }>();
  private readonly posters = new Set<Promise<void>>();

  constructor(
    private readonly buffer: RollingBuffer,
    private readonly opens: ReplayOpens,
    private readonly settings: RecordingSettings,
    private readonly bookmarks: BookmarksService,
    private readonly ports: ReplayPorts,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly ffmpegPath: string | null,
    private readonly dataDir: string,
    private readonly log: Log,
    /** A clip's poster frame was made: consoles showing the clip load it. */
    private readonly onPoster: (p: { clipId: string; sha256: string }) => void = () => undefined,
  ) {}

  open(cameraId: string, at: string | undefined, session: Session, staffId: string) {
    const camera = this.camera(cameraId);
    if (this.settings.minutesFor(cameraId) === 0) {
      throw new AppError(
        'UNAVAILABLE',
        `Recording is off for ${camera.name}, so there is nothing to replay. An administrator can turn it on in Settings → Cameras.`,
      );
    }
    // Files deleted or cut short behind the desk's back leave the index before the playlist
    // is made: those around the start now (they are what R shows first), the rest off main's
    // thread for the next look (a day's buffer is 86,400 files). One the player meets
    // missing is skipped and said, and leaves the index then (ReplayOpens.file).
    const wanted = (segments: readonly RecordedSegment[]) =>
      at === undefined ? endOf(segments.at(-1)!) - REPLAY_BACK_MS : Date.parse(at);
    const before = this.buffer.index(cameraId)?.segments ?? [];
    if (before.length > 0) {
      const near = wanted(before);
      this.buffer.present(cameraId, near - NEAR_START_MS, near + NEAR_START_MS);
      // Once the first picture is up: its reads go through the same thread pool.
      setTimeout(() => {
        void this.buffer
          .checkAll(cameraId)
          .catch((e: unknown) => this.log(`checking camera ${cameraId}'s recording`, e));
      }, CHECK_REST_AFTER_MS).unref();
    }
    const segments = [...(this.buffer.index(cameraId)?.segments ?? [])];
    if (segments.length === 0) {
      throw new AppError(
        'UNAVAILABLE',
        `Nothing has been recorded from ${camera.name} yet: replay starts once its video has been coming in for a few seconds.`,
      );
    }
    const first = segments[0]!;
    const last = segments.at(-1)!;
    let startMs = Math.min(Math.max(wanted(segments), first.startMs), Math.max(first.startMs, endOf(last) - 1_000));
    if (at === undefined) {
      // R: "about 30 s back" starts where that segment starts, a key frame: the first picture
      // needs no decoding of the frames before it (a moment asked for exactly is kept exact).
      const holding = segments.findLast((s) => s.startMs <= startMs);
      if (holding) startMs = holding.startMs;
    }
    const { id, text } = this.opens.open(session, cameraId, segments, startMs);
    const words = this.wordsFor(camera.branchId);
    this.audit.record({
      staffId,
      action: 'read',
      subject: 'replay',
      recordId: cameraId,
      detail: `Replay of ${camera.name} from ${words(startMs)} (recorded ${words(first.startMs)}–${words(endOf(last))})`,
    });
    return {
      playlist: `media/${session.mediaKey}/replay/${id}/index.m3u8`,
      playlistText: text,
      timeline: this.timeline(cameraId, segments[0]!.startMs, endOf(last)),
      startAt: iso(startMs),
    };
  }

  /** What of a moment or range a report names is still kept, and where replay would start (reads no video). */
  reach(cameraId: string, from: string, to: string | undefined) {
    const camera = this.ports.cameras.live(cameraId);
    if (!camera) {
      return { kept: false, at: null, message: 'That camera has been removed from Vigil, and its recording with it.' };
    }
    // Files deleted behind the desk's back leave the index before it is read.
    const fromMs = Date.parse(from);
    this.buffer.present(cameraId, fromMs - 1, to === undefined ? fromMs + 1 : Date.parse(to) + 1);
    const r = reachOf({
      camera: camera.name,
      minutes: this.settings.minutesFor(cameraId),
      covered: this.buffer.index(cameraId)?.covered() ?? [],
      fromMs,
      toMs: to === undefined ? undefined : Date.parse(to),
      time: this.wordsFor(camera.branchId),
    });
    return r.kept ? { kept: true, at: iso(r.atMs), message: r.message } : { kept: false, at: null, message: r.message };
  }

  async cutClip(
    cameraId: string,
    from: string,
    to: string,
    staffId: string,
  ): Promise<{ clip: Clip; note: string | null }> {
    if (!this.ffmpegPath) {
      throw new AppError(
        'UNAVAILABLE',
        'Cutting a clip needs ffmpeg, which was not found on this computer. Replay still works; ask an administrator to install ffmpeg.',
      );
    }
    const camera = this.camera(cameraId);
    if (this.settings.minutesFor(cameraId) === 0) {
      throw invalid(`Recording is off for ${camera.name}: there is no video to cut a clip from.`);
    }
    const index = this.buffer.index(cameraId);
    const words = { camera: camera.name, time: this.wordsFor(camera.branchId) };
    if (!index || index.size === 0) throw invalid(`Nothing has been recorded from ${camera.name} yet.`);
    // Files deleted or damaged behind the desk's back leave the index before the plan is made.
    this.buffer.present(cameraId, Date.parse(from) - 70_000, Date.parse(to) + 1);
    const outPath = attachmentTempPath(this.dataDir, 'mp4');
    let cut;
    try {
      cut = await cutClip({
        ffmpegPath: this.ffmpegPath,
        index,
        pathOf: (file) => this.buffer.pathOf(cameraId, file),
        fromMs: Date.parse(from),
        toMs: Date.parse(to),
        words,
        outPath,
        scratchPath: `${outPath}.joined`,
      });
    } catch (e) {
      if (e instanceof AppError) throw e;
      this.log(`clip of camera ${cameraId} failed`, e);
      // ffmpeg failed, or the clip could not be hashed and flushed to disk: the log says which.
      throw new AppError(
        'INTERNAL',
        'The clip could not be cut. Nothing was attached; try again. The details are in the log.',
      );
    }
    const record: AttachmentRow = {
      id: uuidv7(),
      sha256: cut.sha256,
      kind: 'clip',
      mediaType: 'video/mp4',
      bytes: cut.bytes,
      // Known from the poster frame, a moment later.
      width: 0,
      height: 0,
      cameraId,
      stream: 'main',
      takenAt: this.clock.now().toISOString(),
      frameTime: iso(cut.startMs),
      takenBy: staffId,
      clip: {
        to: iso(cut.endMs),
        durationMs: Math.round(cut.endMs - cut.startMs),
        posterSha256: null,
        requestedFrom: from,
        requestedTo: to,
        timeSource: cut.timeSource,
      },
    };
    this.ports.attachments.keepClip(record, outPath);
    // The clip is on the report now; its poster frame follows (a decode of a full picture
    // would double the cut's time), and consoles showing the clip are told when it is there.
    const poster = this.makePoster(record, staffId);
    this.posters.add(poster);
    void poster.finally(() => this.posters.delete(poster));
    return { clip: this.clips([record.id])[0]!, note: cut.note };
  }

  /** Resolves when every poster frame under way is made (or given up): for closing, and for tests. */
  async postersMade(): Promise<void> {
    await Promise.all([...this.posters]);
  }

  private async makePoster(record: AttachmentRow, staffId: string): Promise<void> {
    try {
      const poster = await posterFrame(this.ffmpegPath!, attachmentPath(this.dataDir, record.sha256, 'mp4'));
      if (!poster) return;
      let size = { width: 0, height: 0 };
      try {
        size = readJpeg(poster);
      } catch {
        // The poster is a convenience: its size only tells the clip's; the clip stands without it.
      }
      this.ports.attachments.clipPoster(record.id, poster, size, staffId);
      this.onPoster({ clipId: record.id, sha256: record.sha256 });
    } catch (e) {
      // A clip without a poster frame is still evidence; the report shows it without one.
      this.log(`poster frame of clip ${record.id} failed`, e);
    }
  }

  /** Clips by id with their camera's name; reading them is audited by the caller (replay.clips) or the cut itself. */
  clips(ids: readonly string[]): Clip[] {
    const meta = this.ports.attachments.meta(ids).filter((a) => a.kind === 'clip');
    const names = this.ports.cameras.names(meta.flatMap((a) => (a.cameraId ? [a.cameraId] : [])));
    return meta.map((a) => ({ ...a, cameraName: names.get(a.cameraId ?? '') ?? '(removed camera)' }));
  }

  describeClips(ids: readonly string[], staffId: string): Clip[] {
    const clips = this.clips(ids);
    if (clips.length > 0) {
      this.audit.record({
        staffId,
        action: 'read',
        subject: 'clips',
        detail: `${clips.length} clip${clips.length === 1 ? '' : 's'}: ${clips.map((c) => c.sha256).join(', ')}`,
      });
    }
    return clips;
  }

  status(): RecordingStatus {
    const cameras = this.ports.cameras.list();
    const state = this.buffer.state(cameras.map((c) => c.id));
    return {
      budgetBytes: state.budgetBytes,
      usedBytes: state.usedBytes,
      allowedBytes: state.allowedBytes,
      diskFreeBytes: state.disk?.freeBytes ?? null,
      shrunk: state.shrunk,
      canCut: this.ffmpegPath !== null,
      cameras: cameras.map((c, i) => {
        const s = state.cameras[i]!;
        const minutes = this.settings.minutesFor(c.id);
        const main = c.health.find((h) => h.stream === 'main');
        let recording: RecordingStatus['cameras'][number]['state'] = 'waiting';
        let message: string | null = null;
        if (minutes === 0) recording = 'off';
        else if (s.problem) {
          recording = 'problem';
          message = s.problem;
        } else if (s.receiving) recording = 'recording';
        else
          message = c.enabled ? (main?.message ?? 'No video is coming in from the camera') : 'The camera is turned off';
        return {
          cameraId: c.id,
          cameraName: c.name,
          minutes,
          bytes: s.bytes,
          from: s.fromMs === null ? null : iso(s.fromMs),
          to: s.toMs === null ? null : iso(s.toMs),
          state: recording,
          message,
        };
      }),
    };
  }

  setMinutes(cameraId: string, minutes: number, staffId: string): void {
    this.camera(cameraId);
    this.settings.setMinutes(cameraId, minutes, staffId);
    this.buffer.sweep();
  }

  setBudget(bytes: number, staffId: string): void {
    this.settings.setBudget(bytes, staffId);
    this.buffer.sweep();
  }

  private timeline(cameraId: string, fromMs: number, toMs: number): ReplayTimeline {
    const index = this.buffer.index(cameraId)!;
    return {
      cameraId,
      from: iso(fromMs),
      to: iso(toMs),
      covered: index.covered().map((s) => ({ from: iso(s.fromMs), to: iso(s.toMs), timeSource: s.timeSource })),
      gaps: index.gaps().map((g) => ({ from: iso(g.fromMs), to: iso(g.toMs) })),
      bookmarks: this.bookmarks.ofCamera(cameraId, iso(fromMs), iso(toMs)),
      frameRate: this.frameRate(cameraId),
      minutes: this.settings.minutesFor(cameraId),
    };
  }

  /** Frames per second from the newest transport stream segment, looked at again when a newer one exists. */
  private frameRate(cameraId: string): number | null {
    const newest = this.buffer.index(cameraId)?.last;
    if (!newest || newest.init) return null;
    const known = this.frameRates.get(cameraId);
    if (known && (known.rate !== null || known.file === newest.file)) return known.rate;
    let rate: number | null = null;
    try {
      rate = frameRateOf(readTransportStream(readFileSync(this.buffer.pathOf(cameraId, newest.file))).frames);
    } catch {
      // Unreadable now: frame steps fall back to a guess, and the next open looks again.
    }
    this.frameRates.set(cameraId, { rate, file: newest.file });
    return rate;
  }

  private camera(cameraId: string) {
    const camera = this.ports.cameras.live(cameraId);
    if (!camera) throw notFound('That camera');
    return camera;
  }

  private wordsFor(branchId: string): (ms: number) => string {
    return timeWords(this.ports.branches.find(branchId)?.timeZone ?? 'UTC', this.clock.ms());
  }
}
