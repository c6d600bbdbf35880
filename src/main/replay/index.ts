import { join } from 'node:path';
import type { DeskKernel } from '../kernel';
import type { Role } from '../../shared/roles';
import type { SegmentTap } from '../cameras/segment-tap';
import { BookmarksService } from './bookmarks.service';
import { RECORDINGS_DIR, RollingBuffer } from './buffer';
import type { ReplayPorts } from './ports';
import { RecordingSettings } from './recording-settings';
import { ReplayOpens } from './replay-opens';
import { replayHandlers } from './replay.handlers';
import { ReplayRepo } from './replay.repo';
import { ReplayService } from './replay.service';
import { endOf } from './segment-index';

export interface ReplayOptions {
  ffmpegPath: string | null;
  /** The camera supervision that hands every stream's segments to the buffer. */
  supervision: { setTap(tap: SegmentTap): void };
  /** Tests pretend a full disk. */
  diskSpace?: ConstructorParameters<typeof RollingBuffer>[0]['diskSpace'];
}

/**
 * Instant replay (issue 14): the rolling buffer of every recorded camera, replay
 * opened for a console through the one media path, bookmarks, and clips cut into
 * SHA-256-named attachments.
 */
export function createReplay(
  k: DeskKernel,
  ports: ReplayPorts & { roleOf(staffId: string): Role | null },
  opts: ReplayOptions,
) {
  const repo = new ReplayRepo(k.db);
  const settings = new RecordingSettings(k.db, repo, k.journal, k.clock);
  // A burst of changes (sixteen cameras starting at once) is one push.
  let pending: NodeJS.Timeout | null = null;
  const changed = () => {
    pending ??= setTimeout(() => {
      pending = null;
      k.consoles.broadcast('recording.changed', {});
    }, 500);
    pending.unref?.();
  };
  const buffer = new RollingBuffer({
    dir: join(k.dataDir, RECORDINGS_DIR),
    now: () => k.clock.ms(),
    minutesFor: (id) => settings.minutesFor(id),
    budgetBytes: () => settings.budgetBytes(),
    diskSpace: opts.diskSpace,
    log: k.log,
    onChange: changed,
  });
  const opens = new ReplayOpens(buffer);
  const inBuffer = (cameraId: string, ms: number) => {
    const index = buffer.index(cameraId);
    return !!index?.first && ms >= index.first.startMs && ms <= endOf(index.last!);
  };
  const bookmarks = new BookmarksService(
    k.db,
    repo,
    k.journal,
    k.audit,
    ports,
    ports.roleOf,
    k.events,
    k.clock,
    inBuffer,
  );
  const service = new ReplayService(
    buffer,
    opens,
    settings,
    bookmarks,
    ports,
    k.audit,
    k.clock,
    opts.ffmpegPath,
    k.dataDir,
    k.log,
    (p) => k.consoles.broadcast('clip.poster', p),
  );
  opts.supervision.setTap(buffer);
  // A removed camera's video does not stay on disk.
  k.events.on('camera.removed', ({ cameraId }) => buffer.forget(cameraId));
  k.events.on('bookmark.changed', (p) => k.consoles.broadcast('bookmarks.changed', p));

  return {
    service,
    bookmarks,
    buffer,
    /** The media handler's port for recorded video. */
    media: opens,
    /** Retention's port: the longest window kept, and a trim now. */
    purge: {
      windowMinutes: () => Math.max(0, ...ports.cameras.list().map((c) => settings.minutesFor(c.id))),
      trimNow: () => {
        const count = () => ports.cameras.list().reduce((n, c) => n + (buffer.index(c.id)?.size ?? 0), 0);
        const before = count();
        buffer.sweep();
        return Math.max(0, before - count());
      },
    },
    handlers: replayHandlers(service, bookmarks),
    /** Lists what earlier runs recorded; before the cameras start, so their first segments join it. */
    start: () => buffer.start(ports.cameras.list().map((c) => c.id)),
    close: () => {
      if (pending) clearTimeout(pending);
      buffer.close();
    },
    /** Poster frames still being made (closing waits for them before the database closes). */
    postersMade: () => service.postersMade(),
  };
}

export type { ReplayService } from './replay.service';
