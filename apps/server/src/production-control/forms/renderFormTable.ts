import type { FormColumn } from '@baqylau/contracts';
import { createPdf, pdfBuffer, type Pdf } from '../../platform/pdf/pdf.ts';

const MARGIN = 30;

/**
 * A printed form (the schedule of Appendix 1, the journal of Appendix 2): a title, a few header lines,
 * and a table whose columns come from the form definition, headed in the print's language (kk or ru).
 * Rows hold text already formatted (dates dd.MM.yyyy); a missing value prints empty.
 */
export async function renderFormTable(
  columns: readonly FormColumn[],
  rows: readonly Record<string, string>[],
  lang: 'kk' | 'ru',
  head: { title: string; lines?: string[]; footer?: string[] },
): Promise<Buffer> {
  const doc = createPdf({ title: head.title, layout: 'landscape' });
  doc.addPage();
  const width = doc.page.width - 2 * MARGIN;
  const total = columns.reduce((s, c) => s + c.width, 0) || 1;
  const widths = columns.map((c) => (c.width / total) * width);
  doc.font('bold').fontSize(12).text(head.title, MARGIN, MARGIN, { width, align: 'center' });
  doc.font('regular').fontSize(9);
  for (const l of head.lines ?? []) doc.moveDown(0.2).text(l, { width, align: 'center' });
  const cellsOf = (r: Record<string, string>) => columns.map((c) => r[c.field] ?? '');
  const headings = columns.map((c) => (lang === 'kk' ? c.titleKk : c.titleRu));
  const drawRow = (cells: string[], y: number, bold: boolean) => {
    doc.font(bold ? 'condensedBold' : 'condensed').fontSize(8);
    const h = Math.max(14, ...cells.map((t, i) => doc.heightOfString(t, { width: widths[i]! - 6 }) + 6));
    let x = MARGIN;
    for (const [i, t] of cells.entries()) {
      doc.rect(x, y, widths[i]!, h).stroke();
      doc.text(t, x + 3, y + 3, { width: widths[i]! - 6 });
      x += widths[i]!;
    }
    return h;
  };
  const fits = (doc: Pdf, y: number, h: number) => y + h <= doc.page.height - MARGIN;
  let y = doc.y + 10;
  y += drawRow(headings, y, true);
  for (const r of rows) {
    const cells = cellsOf(r);
    doc.font('condensed').fontSize(8);
    const h = Math.max(14, ...cells.map((t, i) => doc.heightOfString(t, { width: widths[i]! - 6 }) + 6));
    if (!fits(doc, y, h)) {
      doc.addPage();
      y = MARGIN;
      y += drawRow(headings, y, true);
    }
    y += drawRow(cells, y, false);
  }
  doc.font('regular').fontSize(9);
  for (const l of head.footer ?? []) {
    if (!fits(doc, y, 30)) {
      doc.addPage();
      y = MARGIN;
    }
    doc.text(l, MARGIN, y + 12, { width });
    y = doc.y;
  }
  return pdfBuffer(doc);
}
