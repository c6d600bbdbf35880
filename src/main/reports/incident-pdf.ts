import type { AttachmentMeta, IncidentRecord } from '../../shared/contract/incidents';
import {
  DECISION_WORDS,
  ROLE_WORDS,
  SEVERITY_WORDS,
  STATUS_WORDS,
  changeValue,
  emergencyFacts,
  fieldWords,
  personFacts,
  policeFacts,
  timeFormat,
  type Names,
  type TimeFormat,
} from './format';
import { CONTENT_WIDTH, INK, MUTED, ReportDocument, type FactRow } from './pdf-document';

/**
 * A picture for the report (a snapshot, or a JPEG/PNG photo from disk): its bytes and
 * measured size when the file is there and still matches its hash, else why not.
 */
export type AttachmentImage = { image: Buffer; width: number; height: number } | { missing: string };

export interface IncidentPdfInput {
  record: IncidentRecord;
  /** The library system's name (the desk has no setting for it yet: "Public Library"). */
  library: string;
  branchAddress: string;
  generatedAt: Date;
  generatedBy: string;
  /** By attachment id, for picture attachments. */
  images: Map<string, AttachmentImage>;
  names: Names;
}

export const CONFIDENTIAL_NOTICE = 'Confidential library record — Wis. Stat. § 43.30';

const SNAPSHOT_MAX_HEIGHT = 300;
/** Heading and five fact rows under a snapshot. */
const SNAPSHOT_CAPTION_HEIGHT = 140;

/** The incident report as a document police can take: every field, attachment hash, amendment and review. */
export function renderIncidentPdf(input: IncidentPdfInput): Promise<Buffer> {
  const { record: r } = input;
  const t = timeFormat(r.branch.timeZone);
  const pdf = new ReportDocument({
    title: `Incident report ${r.number}`,
    // Document metadata is shown by file browsers and indexers: no patron text in it, only what the record is.
    subject: `${input.library}, ${r.branch.name}: ${CONFIDENTIAL_NOTICE}`,
    author: r.reporter.name,
    createdAt: input.generatedAt,
  });
  header(pdf, input, t);
  facts(pdf, r, t);
  pdf.section('Summary');
  pdf.paragraph(r.content.summary);
  pdf.section('Narrative');
  pdf.paragraph(r.content.narrative);
  pdf.section('Actions taken');
  pdf.paragraph(r.content.actions);
  persons(pdf, r);
  response(pdf, r, t);
  cameras(pdf, r, t);
  clips(pdf, input, t);
  attachments(pdf, input, t);
  amendments(pdf, r, t, input.names);
  reviews(pdf, r, t);
  integrity(pdf, r, t);
  return pdf.finish({
    runningHeader: `Incident report ${r.number} · ${input.library}, ${r.branch.name}`,
    notice: CONFIDENTIAL_NOTICE,
    generated: `Generated ${t.whenZoned(input.generatedAt.toISOString())} by ${input.generatedBy} with Vigil · version ${r.version} of the report`,
  });
}

function header(pdf: ReportDocument, input: IncidentPdfInput, t: TimeFormat): void {
  const { doc } = pdf;
  const r = input.record;
  const top = doc.y;
  const leftWidth = CONTENT_WIDTH * 0.58;
  pdf.style('label', MUTED).doc.text(input.library.toUpperCase(), pdf.left, top, {
    width: leftWidth,
    characterSpacing: 1,
  });
  pdf.style('heading').doc.fontSize(16).text(r.branch.name, { width: leftWidth });
  if (input.branchAddress) pdf.style('body', MUTED).doc.text(input.branchAddress, { width: leftWidth });
  const leftBottom = doc.y;

  const rightX = pdf.left + leftWidth;
  const rightWidth = CONTENT_WIDTH - leftWidth;
  pdf.style('label', MUTED).doc.text('INCIDENT REPORT', rightX, top, {
    width: rightWidth,
    align: 'right',
    characterSpacing: 1,
  });
  pdf.style('heading').doc.fontSize(18).text(r.number, { width: rightWidth, align: 'right' });
  pdf.style('body').doc.text(STATUS_WORDS[r.status], { width: rightWidth, align: 'right' });
  const bottom = Math.max(leftBottom, doc.y) + 8;
  doc
    .moveTo(pdf.left, bottom)
    .lineTo(pdf.left + CONTENT_WIDTH, bottom)
    .lineWidth(1.5)
    .strokeColor(INK)
    .stroke();
  doc.y = bottom + 8;
  pdf.note(
    `All times are local to the branch (${r.branch.timeZone}). Filed ${t.when(r.reportedAt)}; ` +
      `this is version ${r.version}${r.amendments.length ? `, after ${plural(r.amendments.length, 'amendment')}` : ''}.`,
  );
}

function facts(pdf: ReportDocument, r: IncidentRecord, t: TimeFormat): void {
  const c = r.content;
  pdf.section('Incident');
  pdf.facts([
    ['Report number', r.number],
    ['Branch', `${r.branch.name} (${r.branch.code})`],
    ['Zone', r.zoneName ?? 'Not recorded'],
    ['Occurred from', t.whenZoned(c.occurredFrom)],
    ['Occurred to', c.occurredTo ? t.whenZoned(c.occurredTo) : 'Not recorded'],
    ['Reported at', t.whenZoned(r.reportedAt)],
    ['Reporting staff', r.reporter.name],
    ['Severity', SEVERITY_WORDS[c.severity]],
    ...r.rules.map((rule, i): [string, string] => [
      i === 0 ? 'Rules violated' : '',
      `${rule.code} ${rule.title} (rule version ${rule.version})\n${rule.description}`,
    ]),
  ]);
}

function persons(pdf: ReportDocument, r: IncidentRecord): void {
  pdf.section(`Persons involved (${r.content.persons.length})`);
  if (r.content.persons.length === 0) pdf.paragraph('None recorded.', { color: MUTED });
  r.content.persons.forEach((p, i) => {
    // A person's description stays on one page with their name.
    pdf.ensure(30 + pdf.factsHeight(personFacts(p), { indent: 14 }));
    pdf.subheading(`${i + 1}. ${ROLE_WORDS[p.role]}: ${p.name}`, p.personId ? 'Known person on file' : '');
    const described = personFacts(p);
    if (described.length) pdf.facts(described, { indent: 14 });
    else pdf.paragraph('No description recorded.', { color: MUTED, indent: 14 });
  });
}

function response(pdf: ReportDocument, r: IncidentRecord, t: TimeFormat): void {
  const c = r.content;
  const police = c.police ? policeFacts(c.police, t) : [];
  pdf.section('Police', pdf.factsHeight(police));
  if (c.police) pdf.facts(police);
  else pdf.paragraph('None recorded.', { color: MUTED });
  if (c.emergency) {
    const emergency = emergencyFacts(c.emergency, t);
    pdf.section('EMS / fire', pdf.factsHeight(emergency));
    pdf.facts(emergency);
  }
  for (const [title, text] of [
    ['Injuries', c.injuries],
    ['Property damage', c.propertyDamage],
    ['Staff assistance given', c.staffAssistance],
  ] as const) {
    if (!text.trim()) continue;
    pdf.section(title);
    pdf.paragraph(text);
  }
}

function cameras(pdf: ReportDocument, r: IncidentRecord, t: TimeFormat): void {
  if (r.cameras.length === 0) return;
  pdf.section('Camera references');
  pdf.facts(r.cameras.map((c) => [c.cameraName, `${t.when(c.from)} to ${t.timeAfter(c.to, c.from)}`]));
  pdf.note('Video is kept on the library’s recorders; ask the library for an export of these ranges.');
}

/** Poster frames are a reminder of what a clip shows, smaller than a snapshot. */
const POSTER_MAX_HEIGHT = 170;
/** Heading and the clip's fact rows (camera, from, to, length, cut by, as marked, file, hash). */
const CLIP_CAPTION_HEIGHT = 200;

function clips(pdf: ReportDocument, input: IncidentPdfInput, t: TimeFormat): void {
  const list = input.record.attachments.filter((a) => a.kind === 'clip');
  if (list.length === 0) return;
  const blockHeight = (a: AttachmentMeta) => {
    const image = input.images.get(a.id);
    return (image && 'image' in image ? pdf.imageSize(image, POSTER_MAX_HEIGHT).height : 20) + CLIP_CAPTION_HEIGHT;
  };
  pdf.section(`Video clips (${list.length})`, blockHeight(list[0]!));
  pdf.note(
    'Each clip is an MP4 file cut from the camera’s recording without re-encoding. Its name in an evidence export ' +
      'and its SHA-256 below identify it: `sha256sum` of the file must print the same hash.',
  );
  list.forEach((a, i) => {
    pdf.ensure(blockHeight(a));
    pdf.subheading(`Clip ${i + 1}`, a.cameraId ? input.names.camera(a.cameraId) : '');
    const image = input.images.get(a.id);
    if (image && 'image' in image) pdf.image(image.image, pdf.imageSize(image, POSTER_MAX_HEIGHT));
    else if (image) pdf.paragraph(image.missing, { color: MUTED });
    pdf.facts(clipFacts(a, t, input.names));
  });
}

function clipFacts(a: AttachmentMeta, t: TimeFormat, names: Names): FactRow[] {
  const c = a.clip!;
  const from = a.frameTime ?? a.takenAt;
  const marked =
    c.requestedFrom !== from || c.requestedTo !== c.to
      ? `${t.whenExact(c.requestedFrom)} to ${t.exactAfter(c.requestedTo, c.requestedFrom)} (the clip starts at the key frame at or before the in point)`
      : null;
  const rows: [string, string | null][] = [
    ['Camera', a.cameraId ? names.camera(a.cameraId) : null],
    ['From', t.whenExact(from)],
    ['To', t.exactAfter(c.to, from)],
    ['Duration', `${(c.durationMs / 1000).toFixed(1)} s`],
    ['Marked', marked],
    [
      'Times',
      c.timeSource === 'stream'
        ? 'From the camera stream’s own date and time (EXT-X-PROGRAM-DATE-TIME)'
        : 'When this desk received the video (the camera sends no date and time)',
    ],
    ['Cut', `${t.when(a.takenAt)} by ${a.takenByName}`],
    [
      'File',
      `${a.mediaType}, ${a.width && a.height ? `${a.width} × ${a.height} px, ` : ''}${a.bytes.toLocaleString('en-US')} bytes`,
    ],
  ];
  return [...rows.filter((f): f is [string, string] => f[1] !== null), ['SHA-256', a.sha256, 'hash']];
}

function attachments(pdf: ReportDocument, input: IncidentPdfInput, t: TimeFormat): void {
  const all = input.record.attachments.filter((a) => a.kind !== 'clip');
  if (all.length === 0) return;
  const images = all.filter((a) => input.images.has(a.id));
  const others = all.filter((a) => !input.images.has(a.id));
  // A picture, its heading and its camera, times and hash stay on one page (the first one with the section title).
  const blockHeight = (a: AttachmentMeta) => {
    const image = input.images.get(a.id)!;
    return ('image' in image ? pdf.imageSize(image, SNAPSHOT_MAX_HEIGHT).height : 20) + SNAPSHOT_CAPTION_HEIGHT;
  };
  const photos = images.filter((a) => a.kind === 'photo').length;
  const title = photos === 0 ? 'Snapshots' : photos === images.length ? 'Photos' : 'Snapshots and photos';
  if (images.length) pdf.section(`${title} (${images.length})`, blockHeight(images[0]!));
  images.forEach((a, i) => {
    const image = input.images.get(a.id)!;
    pdf.ensure(blockHeight(a));
    const heading = a.kind === 'photo' ? `Photo ${i + 1}` : `Snapshot ${i + 1}`;
    pdf.subheading(heading, a.cameraId ? input.names.camera(a.cameraId) : '');
    if ('image' in image) pdf.image(image.image, pdf.imageSize(image, SNAPSHOT_MAX_HEIGHT));
    else pdf.paragraph(image.missing, { color: MUTED });
    pdf.facts(attachmentFacts(a, t, input.names));
  });
  if (others.length) {
    pdf.section(`Other attachments (${others.length})`);
    for (const a of others) pdf.facts(attachmentFacts(a, t, input.names));
  }
}

function attachmentFacts(a: AttachmentMeta, t: TimeFormat, names: Names): FactRow[] {
  const size = a.width && a.height ? `${a.width} × ${a.height} px, ` : '';
  const file: [string, string] = ['File', `${a.mediaType}, ${size}${a.bytes.toLocaleString('en-US')} bytes`];
  // A photo's times are what staff said and when it was added: nothing is read from the file's own metadata.
  const facts: [string, string | null][] =
    a.kind === 'photo'
      ? [
          ['Source', 'Image file added by staff; its embedded metadata (Exif, GPS, text) was removed on arrival'],
          ['Taken (as stated)', a.frameTime ? t.when(a.frameTime) : null],
          ['Added at', t.when(a.takenAt)],
          file,
        ]
      : [
          ['Camera', a.cameraId ? names.camera(a.cameraId) : null],
          ['Frame time', a.frameTime ? t.when(a.frameTime) : null],
          ['Taken at', t.when(a.takenAt)],
          file,
        ];
  return [...facts.filter((f): f is [string, string] => f[1] !== null), ['SHA-256', a.sha256, 'hash']];
}

function amendments(pdf: ReportDocument, r: IncidentRecord, t: TimeFormat, names: Names): void {
  pdf.section('Amendment history');
  if (r.amendments.length === 0) {
    pdf.paragraph('No amendments: this is the report as first submitted.', { color: MUTED });
    return;
  }
  pdf.note('The filed text is never edited; each correction is recorded here, oldest first.');
  r.amendments.forEach((a, i) => {
    pdf.subheading(`Amendment ${i + 1} (version ${a.version})`, `${t.when(a.at)} by ${a.by.name}`);
    pdf.facts([['Reason', a.reason]]);
    for (const change of a.changes) {
      const pair: FactRow[] = [
        [`${fieldWords(change.field)}: before`, changeValue(change, 'before', t, names)],
        [`${fieldWords(change.field)}: after`, changeValue(change, 'after', t, names)],
      ];
      // Before and after are read side by side: one page unless together they are too long for it.
      pdf.ensure(Math.min(pdf.factsHeight(pair), 320));
      pdf.facts(pair);
    }
  });
}

function reviews(pdf: ReportDocument, r: IncidentRecord, t: TimeFormat): void {
  pdf.section('Review');
  if (r.reviews.length === 0) {
    pdf.paragraph('Not reviewed yet.', { color: MUTED });
    return;
  }
  pdf.facts(
    r.reviews.map((rv) => [
      t.when(rv.at),
      `${DECISION_WORDS[rv.decision]} by ${rv.by.name} (version ${rv.version})${rv.comment ? `\n${rv.comment}` : ''}`,
    ]),
  );
}

function integrity(pdf: ReportDocument, r: IncidentRecord, t: TimeFormat): void {
  const latest = r.journal.at(-1);
  pdf.section('Record integrity', 110);
  pdf.facts([
    ['Report version', String(r.version)],
    ['Journal entry', latest ? `${latest.kind}, ${t.when(latest.at)}` : 'None'],
    ['Entry hash (SHA-256)', latest?.hash ?? 'None', 'hash'],
  ]);
  pdf.note(
    'The entry hash seals the report’s current state in the library’s tamper-evident journal: each entry’s hash ' +
      'covers the one before it. Attachments are named by the SHA-256 of their bytes, so a copy can be checked ' +
      'against the hashes above.',
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
