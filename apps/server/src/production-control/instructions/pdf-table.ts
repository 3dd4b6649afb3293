import type { Pdf } from '../../platform/pdf/pdf.ts';

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
