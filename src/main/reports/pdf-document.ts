import PDFDocument from 'pdfkit';
import { resourcePath } from '../resources';

/**
 * A printed library document on US Letter with 54 pt margins: page furniture (running
 * header, confidentiality footer, page X of Y) and the few blocks reports are made of.
 *
 * Text is set in DejaVu Sans, embedded (subset) from resources/fonts, so names in
 * Latin scripts with any accents (Hmong RPA, Vietnamese, Polish...), Greek, Cyrillic,
 * Armenian, Georgian and Arabic letters print as typed. Limits, stated plainly: PDFKit
 * shapes text through fontkit (Arabic letters join, a right-to-left run reads right to
 * left) but has no Unicode bidi algorithm, so the spaces between right-to-left words and
 * the order of mixed-direction runs can come out wrong; scripts DejaVu has no glyphs
 * for (CJK, Devanagari, Pahawh Hmong, most emoji) print as empty boxes.
 * The stored record keeps the exact text either way; the PDF is its printable view.
 */

const PAGE = { width: 612, height: 792, margin: 54 };
/** Space kept under the page's top margin for the running header, and above the bottom one for the footer. */
const HEADER_BAND = 22;
const FOOTER_BAND = 30;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const LABEL_WIDTH = 132;
/** Inner padding of a facts row. */
const PAD = 4;

export const INK = '#1b1e23';
export const MUTED = '#5a606b';
const RULE = '#c3c8d0';
const BAND = '#eef0f3';

export type FactRow = [label: string, value: string, kind?: 'hash'];

export interface DocumentInfo {
  title: string;
  subject: string;
  author: string;
  /** The generation time: also the PDF's CreationDate, so the same record at the same moment gives the same bytes. */
  createdAt: Date;
}

export interface PageFurniture {
  /** Top of pages 2 onward: which document the loose page belongs to. */
  runningHeader: string;
  /** Bottom left of every page, bold. */
  notice: string;
  /** Under the notice. */
  generated: string;
}

export class ReportDocument {
  readonly doc: PDFKit.PDFDocument;
  private readonly regular = resourcePath('fonts', 'DejaVuSans.ttf');
  private readonly bold = resourcePath('fonts', 'DejaVuSans-Bold.ttf');

  constructor(info: DocumentInfo) {
    this.doc = new PDFDocument({
      size: 'LETTER',
      margins: {
        top: PAGE.margin + HEADER_BAND,
        bottom: PAGE.margin + FOOTER_BAND,
        left: PAGE.margin,
        right: PAGE.margin,
      },
      // Pages stay in memory so the footer can say "of Y" once Y is known.
      bufferPages: true,
      // The embedded font from the start: the standard Helvetica would otherwise be written into every file.
      font: this.regular,
      lang: 'en-US',
      displayTitle: true,
      info: {
        Title: info.title,
        Subject: info.subject,
        Author: info.author,
        Creator: 'Vigil',
        Producer: 'Vigil (PDFKit)',
        CreationDate: info.createdAt,
        ModDate: info.createdAt,
      },
    });
    // The first page has the document's own header, so it starts at the plain margin.
    this.doc.y = PAGE.margin;
  }

  get left(): number {
    return PAGE.margin;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  style(kind: 'body' | 'label' | 'small' | 'heading' | 'strong', color = INK): this {
    const [font, size] = {
      body: [this.regular, 10],
      label: [this.bold, 8.5],
      small: [this.regular, 8.5],
      heading: [this.bold, 11.5],
      strong: [this.bold, 10],
    }[kind] as [string, number];
    this.doc.font(font).fontSize(size).fillColor(color);
    return this;
  }

  /** A section title with a rule under it, kept with `keepWith` points of what follows. */
  section(title: string, keepWith = 40): void {
    this.ensure(keepWith + 30);
    this.doc.moveDown(0.9);
    this.style('heading').doc.text(title.toUpperCase(), this.left, this.doc.y, {
      width: CONTENT_WIDTH,
      characterSpacing: 0.6,
    });
    const y = this.doc.y + 2;
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + CONTENT_WIDTH, y)
      .lineWidth(0.8)
      .strokeColor(INK)
      .stroke();
    this.doc.y = y + 6;
  }

  /** A sub-heading inside a section (a person, an amendment, a snapshot). */
  subheading(text: string, aside = ''): void {
    this.ensure(48);
    this.doc.moveDown(0.4);
    this.style('strong').doc.text(text, this.left, this.doc.y, { width: CONTENT_WIDTH, continued: aside !== '' });
    if (aside) this.style('body', MUTED).doc.text(`   ${aside}`);
    this.doc.moveDown(0.2);
  }

  /** Running text (narratives can run for pages: PDFKit continues it on new pages by itself). */
  paragraph(text: string, opts: { color?: string; indent?: number } = {}): void {
    const indent = opts.indent ?? 0;
    this.style('body', opts.color).doc.text(text, this.left + indent, this.doc.y, {
      width: CONTENT_WIDTH - indent,
      lineGap: 2,
      paragraphGap: 3,
    });
  }

  note(text: string): void {
    this.doc.moveDown(0.25);
    this.style('small', MUTED).doc.text(text, this.left, this.doc.y, { width: CONTENT_WIDTH, lineGap: 1 });
  }

  /**
   * Label/value rows on a tinted label column: the facts of a record, one per line. A
   * 'hash' row is set smaller so a SHA-256 stays on one line, where it can be compared.
   */
  facts(rows: FactRow[], opts: { indent?: number } = {}): void {
    const x = this.left + (opts.indent ?? 0);
    const width = CONTENT_WIDTH - (opts.indent ?? 0);
    for (const row of rows) {
      const [label, value, kind] = row;
      const height = this.rowHeight(row, width);
      // A value taller than a page (a long rule text) flows on; anything shorter is never split from its label.
      this.ensure(Math.min(height, 200));
      const top = this.doc.y;
      this.doc.rect(x, top, LABEL_WIDTH, height).fill(BAND);
      this.style('label', MUTED).doc.text(label, x + PAD, top + PAD + 1, { width: LABEL_WIDTH - 2 * PAD });
      this.style(kind === 'hash' ? 'small' : 'body').doc.text(value, x + LABEL_WIDTH + PAD, top + PAD, {
        width: width - LABEL_WIDTH - 2 * PAD,
        lineGap: 1,
      });
      const bottom = Math.max(this.doc.y, top + height);
      this.doc
        .moveTo(x, bottom)
        .lineTo(x + width, bottom)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      this.doc.x = this.left;
      this.doc.y = bottom;
    }
  }

  /** How tall facts() draws these rows: to keep a short table on one page with its heading. */
  factsHeight(rows: FactRow[], opts: { indent?: number } = {}): number {
    return rows.reduce((sum, row) => sum + this.rowHeight(row, CONTENT_WIDTH - (opts.indent ?? 0)), 0);
  }

  private rowHeight([label, value, kind]: FactRow, width: number): number {
    this.style('label');
    const labelHeight = this.doc.heightOfString(label, { width: LABEL_WIDTH - 2 * PAD });
    this.style(kind === 'hash' ? 'small' : 'body');
    const valueHeight = this.doc.heightOfString(value, { width: width - LABEL_WIDTH - 2 * PAD, lineGap: 1 });
    return Math.max(labelHeight, valueHeight) + 2 * PAD;
  }

  /** The size a picture is drawn at: the content width at most, `maxHeight` at most, never blown up past 1.5×. */
  imageSize(size: { width: number; height: number }, maxHeight: number): { width: number; height: number } {
    const scale = Math.min(CONTENT_WIDTH / size.width, maxHeight / size.height, 1.5);
    return { width: size.width * scale, height: size.height * scale };
  }

  /** A PNG or JPEG at the current line, framed; the caller has made room for it (see imageSize). */
  image(bytes: Buffer, size: { width: number; height: number }): void {
    const top = this.doc.y;
    this.doc.image(bytes, this.left, top, size);
    this.doc.rect(this.left, top, size.width, size.height).lineWidth(0.5).strokeColor(RULE).stroke();
    this.doc.y = top + size.height + 4;
  }

  /** Draws the header and footer on every page and returns the file's bytes. */
  finish(furniture: PageFurniture): Promise<Buffer> {
    const { doc } = this;
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      // Text below the bottom margin would make PDFKit start a page: lift the margin while drawing the footer.
      const margins = { ...doc.page.margins };
      doc.page.margins.bottom = 0;
      doc.page.margins.top = 0;
      if (i > start) {
        this.style('small', MUTED).doc.text(furniture.runningHeader, this.left, PAGE.margin, {
          width: CONTENT_WIDTH,
          lineBreak: false,
          ellipsis: true,
        });
      }
      const footerTop = PAGE.height - PAGE.margin - FOOTER_BAND + 8;
      doc
        .moveTo(this.left, footerTop)
        .lineTo(this.left + CONTENT_WIDTH, footerTop)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      this.style('label').doc.text(furniture.notice, this.left, footerTop + 5, { width: CONTENT_WIDTH - 90 });
      this.style('label').doc.text(`Page ${i - start + 1} of ${count}`, this.left, footerTop + 5, {
        width: CONTENT_WIDTH,
        align: 'right',
      });
      this.style('small', MUTED).doc.text(furniture.generated, this.left, footerTop + 16, {
        width: CONTENT_WIDTH,
        lineBreak: false,
        ellipsis: true,
      });
      doc.page.margins = margins;
    }
    doc.end();
    return done;
  }
}
