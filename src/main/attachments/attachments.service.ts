import { createHash } from 'node:crypto';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import { uuidv7 } from '../ids';
import type { ImageAttachment } from '../../shared/contract/attachments';
import type { AttachmentMeta } from '../../shared/contract/incidents';
import type { JournalKind } from '../../shared/contract/journal';
import type { AttachmentRow, AttachmentsRepo } from './attachments.repo';
import { checkImage, decodeBase64 } from './image';
import {
  attachmentPath,
  extensionFor,
  storeAttachment,
  storeAttachmentFile,
  sweepAttachmentFiles,
  type AttachmentExt,
} from './store';
import { attachmentHashesIn } from './attachments.repo';

/**
 * Image files from disk for incident reports. Only the bytes are taken: no file
 * name, and the file's own metadata (Exif times, GPS) is removed before it is
 * stored, so the SHA-256 a report prints is of exactly what the desk keeps. Also
 * the port other domains read attachments through (meta, file paths).
 */
export class AttachmentsService {
  constructor(
    private readonly db: Db,
    private readonly repo: AttachmentsRepo,
    private readonly journal: Journal,
    private readonly audit: AuditService,
    private readonly dataDir: string,
    private readonly staffNames: (ids: readonly string[]) => Map<string, string>,
    private readonly clock: Clock,
  ) {}

  addImage(input: { dataBase64: string; takenAt: string | null }, staffId: string): ImageAttachment {
    const image = checkImage(decodeBase64(input.dataBase64));
    const record: AttachmentRow = {
      id: uuidv7(),
      sha256: createHash('sha256').update(image.bytes).digest('hex'),
      kind: 'photo',
      mediaType: image.mediaType,
      bytes: image.bytes.length,
      width: image.width,
      height: image.height,
      cameraId: null,
      stream: null,
      takenAt: this.clock.now().toISOString(),
      frameTime: input.takenAt,
      takenBy: staffId,
      clip: null,
    };
    // The journal carries a photo as it always has: without the snapshot and clip columns.
    const { cameraId: _camera, stream: _stream, clip: _clip, ...photo } = record;
    this.keep(record, image.bytes, image.ext, 'attachment.added', photo);
    return this.toImages([record])[0]!;
  }

  /** At start: files a crash left without a row are removed (store.ts). */
  sweepFiles(): number {
    return sweepAttachmentFiles(this.dataDir, attachmentHashesIn(this.db));
  }

  /**
   * Keeps an attachment: its file first, named by the SHA-256 of its bytes (a row never
   * points at a missing file; a file left without a row by a crash is swept at the next
   * start), then its row and journal entry in one transaction. Snapshots and photos both
   * come through here.
   */
  keep(record: AttachmentRow, bytes: Buffer, ext: AttachmentExt, kind: JournalKind, payload: unknown): void {
    storeAttachment(this.dataDir, record.sha256, bytes, ext);
    this.db
      .transaction(() => {
        this.repo.insert(record);
        this.journal.append({ kind, recordId: record.id, actor: record.takenBy, payload });
      })
      .immediate();
  }

  /**
   * Keeps a clip cut from a camera's buffer: the MP4 made in a temp file of the
   * attachments folder is named by its SHA-256, then its row and journal entry in one
   * transaction. Its poster frame comes a moment later (clipPoster).
   */
  keepClip(record: AttachmentRow, tempPath: string): void {
    storeAttachmentFile(this.dataDir, record.sha256, tempPath, 'mp4');
    this.db
      .transaction(() => {
        this.repo.insert(record);
        this.journal.append({ kind: 'clip.cut', recordId: record.id, actor: record.takenBy, payload: record });
      })
      .immediate();
  }

  /**
   * A clip's poster frame, made after the clip was kept (so it never slows the cut):
   * the JPEG named by its SHA-256, then the clip's row takes its hash and the picture's
   * size, with a journal entry, in one transaction. A crash between the two leaves a
   * poster file no row names, which the start-up sweep removes.
   */
  clipPoster(id: string, poster: Buffer, size: { width: number; height: number }, actor: string): void {
    const posterSha256 = createHash('sha256').update(poster).digest('hex');
    storeAttachment(this.dataDir, posterSha256, poster, 'jpg');
    this.db
      .transaction(() => {
        const row = this.repo.get(id);
        if (!row?.clip) return;
        this.repo.setClipPoster(id, { ...row.clip, posterSha256 }, size);
        this.journal.append({
          kind: 'clip.poster',
          recordId: id,
          actor,
          payload: { posterSha256, width: size.width, height: size.height },
        });
      })
      .immediate();
  }

  /** A clip by the SHA-256 of its file (the media path names it so), or undefined. */
  clipBySha(sha256: string): AttachmentRow | undefined {
    return this.repo.clipsBySha(sha256)[0];
  }

  /** The clip a poster frame belongs to, by the poster's SHA-256. */
  clipWithPoster(posterSha256: string): AttachmentRow | undefined {
    return this.repo.clipWithPoster(posterSha256);
  }

  /** Photos by id, for a draft's evidence list; pictures are patron records, so this is an audited read. */
  describe(ids: readonly string[], staffId: string): ImageAttachment[] {
    const photos = this.toImages(this.repo.many(ids).filter((a) => a.kind === 'photo'));
    if (photos.length > 0) {
      this.audit.record({
        staffId,
        action: 'read',
        subject: 'attachments',
        detail: `${photos.length} photo${photos.length === 1 ? '' : 's'}: ${photos.map((p) => p.sha256).join(', ')}`,
      });
    }
    return photos;
  }

  /** What a record shows of its attachments, in the order asked (unknown ids left out). Not audited: the caller's read is. */
  meta(ids: readonly string[]): AttachmentMeta[] {
    const rows = this.repo.many(ids);
    const names = this.staffNames(rows.map((r) => r.takenBy));
    return rows.map((a) => ({
      id: a.id,
      sha256: a.sha256,
      kind: a.kind,
      mediaType: a.mediaType,
      bytes: a.bytes,
      width: a.width,
      height: a.height,
      cameraId: a.cameraId,
      takenAt: a.takenAt,
      frameTime: a.frameTime,
      clip: a.clip,
      takenBy: a.takenBy,
      takenByName: names.get(a.takenBy) ?? '(unknown)',
    }));
  }

  exists(id: string): boolean {
    return this.repo.get(id) !== undefined;
  }

  /** Where an attachment's bytes are, by its hash and media type; null for a type never stored. */
  filePath(sha256: string, mediaType: string): string | null {
    const ext = extensionFor(mediaType);
    return ext ? attachmentPath(this.dataDir, sha256, ext) : null;
  }

  private toImages(rows: AttachmentRow[]): ImageAttachment[] {
    const names = this.staffNames(rows.map((r) => r.takenBy));
    return rows.map((r) => ({
      id: r.id,
      sha256: r.sha256,
      kind: 'photo' as const,
      mediaType: r.mediaType === 'image/jpeg' ? ('image/jpeg' as const) : ('image/png' as const),
      width: r.width,
      height: r.height,
      bytes: r.bytes,
      addedAt: r.takenAt,
      addedBy: r.takenBy,
      addedByName: names.get(r.takenBy) ?? '(unknown)',
      takenAt: r.frameTime,
    }));
  }
}
