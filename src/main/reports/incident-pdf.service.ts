import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import type { DisclosureInput } from '../../shared/contract/disclosure';
import type { AttachmentMeta, IncidentRecord } from '../../shared/contract/incidents';
import type { Branch, Zone } from '../../shared/contract/branches';
import type { Names } from './format';
import { renderIncidentPdf, type AttachmentImage } from './incident-pdf';

/** No setting names the library system yet; the branch's name and address follow it on the page. */
const LIBRARY_NAME = 'Public Library';

/** What the PDF needs of other domains, asked through their services. */
export interface IncidentPdfPorts {
  /** The filed report under incidents.get's rules; refuses a draft. */
  readFiled(id: string, staffId: string): IncidentRecord;
  branches: { find(id: string): Branch | undefined; zoneOf(id: string): Zone | undefined };
  staff: { names(ids: readonly string[]): Map<string, string> };
  cameras: { names(ids: readonly string[]): Map<string, string> };
  attachments: {
    meta(ids: readonly string[]): AttachmentMeta[];
    filePath(sha256: string, mediaType: string): string | null;
  };
}

export interface IncidentPdf {
  fileName: string;
  pdfBase64: string;
  sha256: string;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export const pdfFileName = (record: IncidentRecord) => `Incident-${record.number}.pdf`;

/**
 * Incident reports as PDF, made in main so the Electron and web shells hand out the
 * same file. Reading is the incidents service's (same rules as incidents.get); the
 * export itself is an audited read, because the document holds narratives, persons
 * and camera images.
 */
export class IncidentPdfService {
  constructor(
    private readonly audit: AuditService,
    private readonly ports: IncidentPdfPorts,
    private readonly clock: Clock,
  ) {}

  async export(id: string, disclose: DisclosureInput, staffId: string): Promise<IncidentPdf> {
    const { record, bytes } = await this.build(id, staffId);
    const hash = sha256(bytes);
    const fileName = pdfFileName(record);
    this.audit.disclosed({
      staffId,
      method: 'incidents.exportPdf',
      subject: 'incident.pdf',
      recordKind: 'incident',
      recordId: id,
      what: `Report ${record.number} (version ${record.version}) as PDF`,
      detail: `Exported ${record.number} (version ${record.version}) as PDF, SHA-256 ${hash}`,
      disclose,
      fileName,
      sha256: hash,
    });
    return { fileName, pdfBase64: bytes.toString('base64'), sha256: hash };
  }

  /** The filed report and its PDF, unaudited: whoever hands it out (export, evidence) audits that read. */
  async build(id: string, staffId: string): Promise<{ record: IncidentRecord; bytes: Buffer }> {
    const record = this.ports.readFiled(id, staffId);
    const generatedAt = this.clock.now();
    const bytes = await renderIncidentPdf({
      record,
      library: LIBRARY_NAME,
      branchAddress: this.ports.branches.find(record.branch.id)?.address ?? '',
      generatedAt,
      generatedBy: this.ports.staff.names([staffId]).get(staffId) ?? 'unknown',
      images: this.images(record),
      names: this.names(record),
    });
    return { record, bytes };
  }

  /**
   * Pictures' bytes (PNG snapshots, JPEG and PNG photos), each checked against the hash it
   * is named by: a file that was swapped or damaged on disk is reported on the page, never
   * printed as evidence. Their sizes were measured from the bytes when they were stored.
   */
  private images(record: IncidentRecord): Map<string, AttachmentImage> {
    const images = new Map<string, AttachmentImage>();
    for (const a of record.attachments) {
      // A clip is shown by its poster frame, a JPEG named by its own hash; the video's hash is printed beside it.
      const clip = a.kind === 'clip';
      const sha = clip ? a.clip?.posterSha256 : a.sha256;
      if (!sha || !a.width || !a.height) {
        if (clip) images.set(a.id, { missing: 'No poster frame could be made for this clip.' });
        continue;
      }
      const path = this.ports.attachments.filePath(sha, clip ? 'image/jpeg' : a.mediaType);
      if (!path || (!clip && !a.mediaType.startsWith('image/'))) continue;
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch {
        const what = clip ? 'The poster frame' : 'The image file';
        images.set(a.id, { missing: `${what} is missing from this desk’s data folder; its hash is below.` });
        continue;
      }
      images.set(
        a.id,
        sha256(bytes) === sha
          ? { image: bytes, width: a.width, height: a.height }
          : { missing: 'The image file on this desk no longer matches its recorded SHA-256, so it is not shown.' },
      );
    }
    return images;
  }

  /** Names for the ids amendments carry: current names, and the record's own where it has them. */
  private names(record: IncidentRecord): Names {
    const cameraNames = new Map(record.cameras.map((c) => [c.cameraId, c.cameraName]));
    const hashes = new Map(record.attachments.map((a) => [a.id, a.sha256]));
    return {
      zone: (id) => this.ports.branches.zoneOf(id)?.name ?? '(removed zone)',
      camera: (id) => cameraNames.get(id) ?? this.ports.cameras.names([id]).get(id) ?? '(removed camera)',
      attachment: (id) => hashes.get(id) ?? this.ports.attachments.meta([id])[0]?.sha256 ?? id,
    };
  }
}
