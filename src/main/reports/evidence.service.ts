import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import { DISCLOSURE_BASIS_WORDS, type DisclosureInput } from '../../shared/contract/disclosure';
import { AppError, invalid } from '../errors';
import type { AttachmentMeta, IncidentRecord } from '../../shared/contract/incidents';
import type { EvidenceFile } from '../../shared/contract/replay';
import {
  manifestJson,
  manifestText,
  safeFileName,
  sha256Sums,
  type Manifest,
  type ManifestFile,
} from './evidence-manifest';
import { timeFormat } from './format';
import { pdfFileName, type IncidentPdfService } from './incident-pdf.service';

export interface EvidencePorts {
  readFiled(id: string, staffId: string): IncidentRecord;
  attachments: { filePath(sha256: string, mediaType: string): string | null };
  staff: { names(ids: readonly string[]): Map<string, string> };
  cameras: { names(ids: readonly string[]): Map<string, string> };
}

/** The shell's folder chooser (Electron's dialog); absent in a browser, where the folder is typed. */
export type ChooseFolder = () => Promise<string | null>;

const hashFile = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Writes a new file (never over an existing one) and makes it durable. */
function writeNew(path: string, bytes: Buffer | string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const KIND_WORDS = { clip: 'Video clip', snapshot: 'Camera snapshot', photo: 'Image file added by staff' } as const;

/**
 * "Export evidence": a filed report's PDF, its clips, snapshots and photos, each
 * checked against the SHA-256 it is named by, written to a new folder inside the
 * one chosen, with manifest.json, manifest.txt and SHA256SUMS. Every export is an
 * audited read that records its stated purpose.
 */
export class EvidenceService {
  constructor(
    private readonly pdf: IncidentPdfService,
    private readonly ports: EvidencePorts,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly dataDir: string,
    private readonly chooser: ChooseFolder | null,
  ) {}

  plan(incidentId: string, staffId: string) {
    const record = this.ports.readFiled(incidentId, staffId);
    const names = this.cameraNames(record);
    const files = record.attachments.map((a) => ({ what: this.what(a, record, names), bytes: a.bytes }));
    return {
      files: [{ what: 'Incident report PDF', bytes: 0 }, ...files],
      totalBytes: files.reduce((n, f) => n + f.bytes, 0),
      suggestedFolder: join(homedir(), 'Documents'),
      canChooseFolder: this.chooser !== null,
    };
  }

  async chooseFolder(): Promise<{ folder: string | null }> {
    if (!this.chooser) {
      throw new AppError('UNAVAILABLE', 'This window cannot show a folder chooser: type the folder’s path instead.');
    }
    return { folder: await this.chooser() };
  }

  async export(incidentId: string, disclose: DisclosureInput, folder: string, staffId: string) {
    const purpose = disclose.purpose;
    const target = this.checkFolder(folder);
    const { record, bytes: pdf } = await this.pdf.build(incidentId, staffId);
    const exportedAt = this.clock.now().toISOString();
    const stamp = exportedAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    const dir = this.newFolder(target, safeFileName(`Evidence-${record.number}-${stamp}`));
    const t = timeFormat(record.branch.timeZone);
    const cameras = this.cameraNames(record);
    const files: ManifestFile[] = [];
    const problems: string[] = [];

    const pdfName = safeFileName(pdfFileName(record));
    writeNew(join(dir, pdfName), pdf);
    files.push({
      name: pdfName,
      sha256: hashFile(join(dir, pdfName)),
      bytes: pdf.length,
      what: `Incident report ${record.number}, version ${record.version} (PDF)`,
      kind: 'report',
      camera: null,
      from: null,
      to: null,
      durationMs: null,
    });

    const counts = { clip: 0, snapshot: 0, photo: 0 };
    for (const a of record.attachments) {
      const kind = a.kind === 'clip' || a.kind === 'photo' ? a.kind : 'snapshot';
      const n = ++counts[kind];
      const source = this.ports.attachments.filePath(a.sha256, a.mediaType);
      const ext = a.mediaType === 'video/mp4' ? 'mp4' : a.mediaType === 'image/jpeg' ? 'jpg' : 'png';
      const name = `${kind}-${n}.${ext}`;
      const label = `${KIND_WORDS[kind]} ${n}`;
      if (!source || !existsSync(source)) {
        problems.push(`${label}: its file is missing from this desk’s data folder (SHA-256 ${a.sha256}).`);
        continue;
      }
      if (hashFile(source) !== a.sha256) {
        problems.push(`${label}: its file on this desk no longer matches its recorded SHA-256 ${a.sha256}.`);
        continue;
      }
      copyFileSync(source, join(dir, name));
      const copied = hashFile(join(dir, name));
      if (copied !== a.sha256)
        throw new AppError('INTERNAL', `The copy of ${label} does not match its SHA-256; the export is incomplete.`);
      files.push({
        name,
        sha256: copied,
        bytes: statSync(join(dir, name)).size,
        what: this.what(a, record, cameras),
        kind,
        camera: a.cameraId ? (cameras.get(a.cameraId) ?? '(removed camera)') : null,
        from: kind === 'photo' ? a.frameTime : (a.frameTime ?? a.takenAt),
        to: a.clip?.to ?? null,
        durationMs: a.clip?.durationMs ?? null,
      });
    }

    const latest = record.journal.at(-1) ?? null;
    const manifest: Manifest = {
      report: {
        id: record.id,
        number: record.number,
        version: record.version,
        journalHash: latest?.hash ?? null,
        journalKind: latest?.kind ?? null,
        journalAt: latest?.at ?? null,
      },
      exportedAt,
      exportedBy: this.ports.staff.names([staffId]).get(staffId) ?? '(unknown)',
      purpose,
      disclosure: {
        recipient: disclose.recipient,
        basis: DISCLOSURE_BASIS_WORDS[disclose.basis].label,
        caseNumber: disclose.caseNumber,
      },
      files,
      problems,
    };
    const listed: { name: string; sha256: string }[] = files.map((f) => ({ name: f.name, sha256: f.sha256 }));
    for (const [name, text] of [
      ['manifest.json', manifestJson(manifest)],
      ['manifest.txt', manifestText(manifest, (iso) => t.whenExact(iso))],
    ] as const) {
      writeNew(join(dir, name), text);
      listed.push({ name, sha256: hashFile(join(dir, name)) });
    }
    const sums = sha256Sums(listed);
    writeNew(join(dir, 'SHA256SUMS'), sums);
    const sumsSha256 = createHash('sha256').update(sums).digest('hex');

    this.audit.disclosed({
      staffId,
      method: 'evidence.export',
      subject: 'evidence.export',
      recordKind: 'incident',
      recordId: record.id,
      what: `Evidence of ${record.number} (version ${record.version}): ${files.length} files`,
      disclose,
      fileName: dir,
      sha256: sumsSha256,
      detail:
        `Exported evidence of ${record.number} (version ${record.version}) for “${purpose}” to ${dir}: ` +
        `${files.length} files, SHA256SUMS ${sumsSha256}` +
        (problems.length ? `; ${problems.length} not exported` : ''),
    });
    const out: EvidenceFile[] = [
      ...files.map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.bytes, what: f.what })),
      ...listed
        .filter((l) => l.name.startsWith('manifest'))
        .map((l) => ({ name: l.name, sha256: l.sha256, bytes: statSync(join(dir, l.name)).size, what: 'Manifest' })),
    ];
    return { folder: dir, files: out, sumsSha256, problems };
  }

  /** The folder chosen: absolute, existing, a folder, and not inside Vigil's own data folder. */
  private checkFolder(folder: string): string {
    const refuse = (message: string) => invalid(message, { folder: message });
    if (!isAbsolute(folder)) throw refuse('Give the folder’s full path (it starts with / or a drive letter).');
    const target = resolve(folder);
    let stat;
    try {
      stat = statSync(target);
    } catch {
      throw refuse(`There is no folder at ${target}.`);
    }
    if (!stat.isDirectory()) throw refuse(`${target} is a file, not a folder.`);
    const inside = relative(resolve(this.dataDir), target);
    if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
      throw refuse('Choose a folder outside Vigil’s data folder: evidence is exported to be handed on.');
    }
    return target;
  }

  /** A new folder for this export; a second export the same minute gets "-2". */
  private newFolder(parent: string, name: string): string {
    for (let i = 1; i < 100; i++) {
      const dir = join(parent, i === 1 ? name : `${name}-${i}`);
      try {
        mkdirSync(dir, { mode: 0o700 });
        return dir;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        throw invalid(`Vigil cannot write in ${parent} (${code ?? 'error'}). Choose another folder.`, {
          folder: 'Not writable',
        });
      }
    }
    throw invalid(`${parent} already holds many exports of this report; choose another folder.`);
  }

  private cameraNames(record: IncidentRecord): Map<string, string> {
    return this.ports.cameras.names(record.attachments.flatMap((a) => (a.cameraId ? [a.cameraId] : [])));
  }

  private what(a: AttachmentMeta, record: IncidentRecord, cameras: Map<string, string>): string {
    const t = timeFormat(record.branch.timeZone);
    const camera = a.cameraId ? (cameras.get(a.cameraId) ?? '(removed camera)') : null;
    if (a.kind === 'clip' && a.clip) {
      const from = a.frameTime ?? a.takenAt;
      return `Video clip${camera ? ` of ${camera}` : ''}, ${t.whenExact(from)} to ${t.exactAfter(a.clip.to, from)}`;
    }
    if (a.kind === 'photo') return `Image file added by ${a.takenByName}, ${t.when(a.takenAt)}`;
    return `Camera snapshot${camera ? ` of ${camera}` : ''}, ${t.whenExact(a.frameTime ?? a.takenAt)}`;
  }
}
