import type { TFunction } from 'i18next';
import { pdfBuffer, type Pdf } from '../../platform/pdf/pdf.ts';

export const MARGIN = 40;
export interface Column {
  title: string;
  width: number;
}

/** Page body bottom: pdfkit adds a page by itself past the margin, so rows are laid out to stop above it. */
const bottom = (doc: Pdf) => doc.page.height - MARGIN - 14;

function header(doc: Pdf, cols: Column[], y: number) {
  doc.font('condensedBold').fontSize(8);
  const h = Math.max(...cols.map((c) => doc.heightOfString(c.title, { width: c.width - 6 }))) + 8;
  let x = MARGIN;
  for (const c of cols) {
    doc.rect(x, y, c.width, h).stroke();
    doc.text(c.title, x + 3, y + 4, { width: c.width - 6, lineBreak: true });
    x += c.width;
  }
  return y + h;
}

/**
 * A bordered table that breaks across pages explicitly: the header repeats on every page, a row is
 * never split (a row taller than a page is cut to the page, which a measure's text never reaches).
 * Returns the y below the last row.
 */
export function drawTable(doc: Pdf, cols: Column[], rows: string[][], startY: number) {
  let y = header(doc, cols, startY);
  for (const cells of rows) {
    doc.font('condensed').fontSize(8);
    const h = Math.max(...cells.map((t, i) => doc.heightOfString(t, { width: cols[i]!.width - 6 }))) + 8;
    if (y + h > bottom(doc)) {
      doc.addPage();
      y = header(doc, cols, MARGIN);
      doc.font('condensed').fontSize(8);
    }
    let x = MARGIN;
    cells.forEach((t, i) => {
      const w = cols[i]!.width;
      doc.rect(x, y, w, h).stroke();
      doc.text(t, x + 3, y + 4, { width: w - 6, height: h - 4, ellipsis: true });
      x += w;
    });
    y += h;
  }
  return y;
}

/** "Page n of N" at the foot of every page (the document must buffer its pages). */
export function numberPages(doc: Pdf, label: (n: number, total: number) => string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(7)
      .text(label(i + 1, range.count), MARGIN, doc.page.height - MARGIN + 10, {
        width: doc.page.width - 2 * MARGIN,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = saved;
  }
  doc.switchToPage(range.start + range.count - 1);
}

/** Whether `need` points still fit on the page below y; otherwise a new page and its top. */
export function ensureRoom(doc: Pdf, y: number, need: number) {
  if (y + need <= bottom(doc)) return y;
  doc.addPage();
  return MARGIN;
}

/** The heading every Order 315 document carries: organisation, title with number, date, then lines of "label: value". */
export function heading(
  doc: Pdf,
  t: TFunction,
  organisation: string,
  title: string,
  subtitle: string,
  date: string,
  lines: [string, string][],
) {
  const width = doc.page.width - 2 * MARGIN;
  doc.font('bold').fontSize(10).text(organisation, MARGIN, MARGIN, { width, align: 'center' });
  doc.moveDown(0.8).fontSize(13).text(title, { width, align: 'center' });
  if (subtitle) doc.moveDown(0.2).font('regular').fontSize(10).text(subtitle, { width, align: 'center' });
  doc.moveDown(0.6).font('regular').fontSize(9).text(t('common:pc.doc.date', { date }), { width, align: 'right' });
  doc.moveDown(0.4);
  for (const [label, value] of lines)
    doc
      .font('bold')
      .text(`${label}: `, { continued: true, width })
      .font('regular')
      .text(value || '—');
  return doc.y + 8;
}

export function signatures(doc: Pdf, y: number, rows: [string, string][]) {
  y = ensureRoom(doc, y + 10, rows.length * 28);
  doc.font('regular').fontSize(9);
  for (const [role, name] of rows) {
    doc.text(`${role}  ____________________  ${name}`, MARGIN, y, { width: doc.page.width - 2 * MARGIN });
    y += 28;
  }
  return y;
}

export const finish = (doc: Pdf, t: TFunction) => {
  numberPages(doc, (n, total) => t('common:pc.doc.page', { n, total }));
  return pdfBuffer(doc);
};
