import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { DomainEvents } from '../events';
import { AppError, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { Role } from '../../shared/roles';
import type { Bookmark } from '../../shared/contract/replay';
import { SHIFT_MS } from '../attachments/snapshots.service';
import type { ReplayPorts } from './ports';
import type { BookmarkRow, ReplayRepo } from './replay.repo';

/** A bookmark this far past main's clock is a mistake (a clock running ahead is forgiven a little). */
const FUTURE_SLACK_MS = 2 * 60_000;

/**
 * Bookmarks: a camera and moment marked at the desk (live or in replay), with an
 * optional note, listed for the shift beside the snapshots. They are records:
 * adding, changing and removing each is journaled; reading the list is audited,
 * since a note may describe a patron.
 */
export class BookmarksService {
  constructor(
    private readonly db: Db,
    private readonly repo: ReplayRepo,
    private readonly journal: Journal,
    private readonly audit: AuditService,
    private readonly ports: ReplayPorts,
    private readonly roleOf: (staffId: string) => Role | null,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    /** Whether a camera's buffer still holds a moment. */
    private readonly inBuffer: (cameraId: string, ms: number) => boolean,
  ) {}

  add(cameraId: string, at: string, note: string, staffId: string): Bookmark {
    if (!this.ports.cameras.live(cameraId)) throw notFound('That camera');
    if (Date.parse(at) > this.clock.ms() + FUTURE_SLACK_MS) {
      throw new AppError('VALIDATION', 'A bookmark cannot mark a moment in the future.', { at: 'In the future' });
    }
    const now = this.clock.now().toISOString();
    const row: BookmarkRow = {
      id: uuidv7(),
      cameraId,
      at: new Date(at).toISOString(),
      note: note.trim(),
      createdAt: now,
      createdBy: staffId,
      updatedAt: now,
    };
    this.change(() => {
      this.repo.insertBookmark(row);
      this.journal.append({ kind: 'bookmark.added', recordId: row.id, actor: staffId, payload: row });
    }, cameraId);
    return this.toBookmarks([row])[0]!;
  }

  update(id: string, note: string, staffId: string): Bookmark {
    const row = this.mine(id, staffId, 'change its note');
    this.change(() => {
      this.repo.setNote(id, note.trim(), this.clock.now().toISOString());
      this.journal.append({ kind: 'bookmark.updated', recordId: id, actor: staffId, payload: this.repo.bookmark(id) });
    }, row.cameraId);
    return this.toBookmarks([this.repo.bookmark(id)!])[0]!;
  }

  remove(id: string, staffId: string): void {
    const row = this.mine(id, staffId, 'remove it');
    this.change(() => {
      this.repo.deleteBookmark(id);
      this.journal.append({ kind: 'bookmark.removed', recordId: id, actor: staffId, payload: { id } });
    }, row.cameraId);
  }

  /** This shift's bookmarks, newest first: one audited read. */
  list(staffId: string): Bookmark[] {
    const since = new Date(this.clock.ms() - SHIFT_MS).toISOString();
    const bookmarks = this.toBookmarks(this.repo.bookmarksSince(since));
    this.audit.record({
      staffId,
      action: 'read',
      subject: 'bookmarks',
      detail: `${bookmarks.length} bookmark${bookmarks.length === 1 ? '' : 's'} of the last 12 hours`,
    });
    return bookmarks;
  }

  /** A camera's bookmarks within its buffer, for the replay timeline (the replay's own read is audited). */
  ofCamera(cameraId: string, from: string, to: string): Bookmark[] {
    return this.toBookmarks(this.repo.bookmarksOf(cameraId, from, to));
  }

  /** The author may change or remove a bookmark; so may a supervisor or an administrator. */
  private mine(id: string, staffId: string, what: string): BookmarkRow {
    const row = this.repo.bookmark(id);
    if (!row) throw notFound('That bookmark');
    if (row.createdBy !== staffId && this.roleOf(staffId) === 'officer') {
      throw new AppError('FORBIDDEN', `This bookmark is someone else’s: ask a supervisor to ${what}.`);
    }
    return row;
  }

  private change(apply: () => void, cameraId: string): void {
    this.db.transaction(apply).immediate();
    this.events.emit('bookmark.changed', { cameraId });
  }

  private toBookmarks(rows: BookmarkRow[]): Bookmark[] {
    const cameras = this.ports.cameras.names(rows.map((r) => r.cameraId));
    const staff = this.ports.staff.names(rows.map((r) => r.createdBy));
    return rows.map((r) => ({
      id: r.id,
      cameraId: r.cameraId,
      cameraName: cameras.get(r.cameraId) ?? '(removed camera)',
      at: r.at,
      note: r.note,
      createdAt: r.createdAt,
      createdBy: r.createdBy,
      createdByName: staff.get(r.createdBy) ?? '(unknown)',
      inBuffer: this.inBuffer(r.cameraId, Date.parse(r.at)),
    }));
  }
}
