import PDFDocument from 'pdfkit';
import type { Resource } from '../../shared/contract/resources';
import { RESOURCE_KIND_WORDS } from '../../shared/shift-words';
import { resourcePath } from '../resources';

/** Half a US Letter sheet, upright: 5.5 × 8.5 inches, to fold or cut and hand over. */
const PAGE = { width: 396, height: 612, margin: 30 };
const WIDTH = PAGE.width - 2 * PAGE.margin;
const INK = '#111111';
const MUTED = '#4a4f57';
const RULE = '#9aa0a8';

export interface CardContext {
  library: string;
  /** Where the desk is ("Main Library"), or the library's name for a central desk. */
  place: string;
  /** "Mon 30 Nov 2026". */
  printedOn: string;
  createdAt: Date;
}

interface Block {
  font: 'regular' | 'bold';
  size: number;
  color: string;
  text: string;
  gapAfter: number;
}

/** A short number people dial as it is (211, 988) reads "Call or text"; any other, "Call". */
const callWords = (phone: string) => (/^\d{3,6}$/.test(phone) ? `Call or text ${phone}` : `Call ${phone}`);

function blocks(r: Resource, scale: number): Block[] {
  const s = (n: number) => Math.round(n * scale * 10) / 10;
  const out: Block[] = [
    { font: 'bold', size: s(10.5), color: MUTED, text: RESOURCE_KIND_WORDS[r.kind].toUpperCase(), gapAfter: 1 },
    { font: 'bold', size: s(16), color: INK, text: r.name, gapAfter: 2 },
  ];
  if (r.phone) out.push({ font: 'bold', size: s(19), color: INK, text: callWords(r.phone), gapAfter: 3 });
  if (r.address) out.push({ font: 'regular', size: s(13), color: INK, text: r.address, gapAfter: 1 });
  if (r.hours) out.push({ font: 'regular', size: s(13), color: INK, text: r.hours, gapAfter: 1 });
  if (r.languages.length) {
    out.push({ font: 'regular', size: s(13), color: INK, text: `Help in: ${r.languages.join(', ')}`, gapAfter: 1 });
  }
  if (r.notes) out.push({ font: 'regular', size: s(12), color: MUTED, text: r.notes, gapAfter: 1 });
  return out;
}

/**
 * The referral card: the chosen services in large, plain type on half a page, for a
 * patron to keep. It carries nothing about the patron, by design: not a name, not a
 * reason, not a record number; only where the card came from and when.
 */
export function renderReferralCard(resources: readonly Resource[], ctx: CardContext): Promise<Buffer> {
  const regular = resourcePath('fonts', 'DejaVuSans.ttf');
  const bold = resourcePath('fonts', 'DejaVuSans-Bold.ttf');
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    font: regular,
    lang: 'en-US',
    displayTitle: true,
    info: {
      Title: 'Help you can reach',
      Subject: `${ctx.library}: community services`,
      Author: ctx.library,
      Creator: 'Vigil',
      Producer: 'Vigil (PDFKit)',
      CreationDate: ctx.createdAt,
      ModDate: ctx.createdAt,
    },
  });
  const font = (f: Block['font']) => (f === 'bold' ? bold : regular);
  const heightOf = (b: Block) => doc.font(font(b.font)).fontSize(b.size).heightOfString(b.text, { width: WIDTH });
  const footer: Block[] = [
    { font: 'bold', size: 14, color: INK, text: 'In danger right now? Call 911.', gapAfter: 3 },
    {
      font: 'regular',
      size: 10,
      color: MUTED,
      text: `Printed ${ctx.printedOn} at ${ctx.place}. Hours and numbers can change: call first.`,
      gapAfter: 0,
    },
  ];
  const head: Block[] = [
    { font: 'bold', size: 22, color: INK, text: 'Help you can reach', gapAfter: 2 },
    { font: 'regular', size: 11, color: MUTED, text: `From ${ctx.library}`, gapAfter: 10 },
  ];
  const available = PAGE.height - 2 * PAGE.margin;
  const total = (scale: number) =>
    [...head, ...footer].reduce((h, b) => h + heightOf(b) + b.gapAfter, 0) +
    resources.reduce((h, r) => h + blocks(r, scale).reduce((n, b) => n + heightOf(b) + b.gapAfter, 0) + 16, 0);
  // The largest type that keeps every service on the one half page.
  let scale = 1;
  while (scale > 0.6 && total(scale) > available) scale -= 0.05;

  const draw = (b: Block) => {
    doc.font(font(b.font)).fontSize(b.size).fillColor(b.color).text(b.text, PAGE.margin, doc.y, { width: WIDTH });
    doc.y += b.gapAfter;
  };
  doc.y = PAGE.margin;
  head.forEach(draw);
  for (const r of resources) {
    const y = doc.y;
    doc
      .moveTo(PAGE.margin, y)
      .lineTo(PAGE.margin + WIDTH, y)
      .lineWidth(0.8)
      .strokeColor(RULE)
      .stroke();
    doc.y = y + 8;
    blocks(r, scale).forEach(draw);
    doc.y += 8;
  }
  const footerHeight = footer.reduce((h, b) => h + heightOf(b) + b.gapAfter, 0);
  doc.y = Math.max(doc.y, PAGE.height - PAGE.margin - footerHeight);
  // Drawn to the margin's edge: lifted so PDFKit does not start a second page for the last line.
  doc.page.margins.bottom = 0;
  footer.forEach(draw);

  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
