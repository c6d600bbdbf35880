import { createHash } from 'node:crypto';
import type { AuditService } from '../audit/audit.service';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import { uuidv7 } from '../ids';
import { storeAttachment } from '../snapshots/attachments';
import type { ImageAttachment } from '../../shared/contract/attachments';
import { AttachmentsRepo, type PhotoRecord } from './attachments.repo';
import { checkImage, decodeBase64 } from './image';

/**
 * Image files from disk for incident reports. Only the bytes are taken: no file
 * name, and the file's own metadata (Exif times, GPS) is removed before it is
 * stored, so the SHA-256 a report prints is of exactly what the desk keeps.
 */
export class AttachmentsService {
  private readonly repo: AttachmentsRepo;

  constructor(
    private readonly db: Db,
    private readonly journal: Journal,
    private readonly audit: AuditService,
    private readonly dataDir: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.repo = new AttachmentsRepo(db);
  }

  addImage(input: { dataBase64: string; takenAt: string | null }, staffId: string): ImageAttachment {
    const image = checkImage(decodeBase64(input.dataBase64));
    const sha256 = createHash('sha256').update(image.bytes).digest('hex');
    // The file first: a row never points at a missing image (an unreferenced file is harmless).
    storeAttachment(this.dataDir, sha256, image.bytes, image.ext);
    const record: PhotoRecord = {
      id: uuidv7(),
      sha256,
      kind: 'photo',
      mediaType: image.mediaType,
      bytes: image.bytes.length,
      width: image.width,
      height: image.height,
      takenAt: this.clock().toISOString(),
      frameTime: input.takenAt,
      takenBy: staffId,
    };
    return this.db
      .transaction(() => {
        this.repo.insert(record);
        this.journal.append({ kind: 'attachment.added', recordId: record.id, actor: staffId, payload: record });
        return this.repo.get(record.id)!;
      })
      .immediate();
  }

  /** Photos by id, for a draft's evidence list; pictures are patron records, so this is an audited read. */
  describe(ids: readonly string[], staffId: string): ImageAttachment[] {
    const photos = this.repo.photos(ids);
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
}
