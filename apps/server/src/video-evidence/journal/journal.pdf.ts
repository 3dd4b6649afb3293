import { createPdf, pdfBuffer, type Pdf } from '../../platform/pdf/pdf.ts';
import type { JournalPrintModel, PrintRow } from './journal.print-model.ts';

const COLUMNS: { key: keyof Omit<PrintRow, 'struck'>; label: string; width: number }[] = [
  { key: 'number', label: 'pdf.journal.col.number', width: 40 },
  { key: 'inventory', label: 'pdf.journal.col.inventory', width: 90 },
  { key: 'user', label: 'pdf.journal.col.user', width: 150 },
  { key: 'issue', label: 'pdf.journal.col.issue', width: 150 },
  { key: 'return', label: 'pdf.journal.col.return', width: 150 },
  { key: 'note', label: 'pdf.journal.col.note', width: 182 },
];
const PAD = 3;
const FONT_SIZE = 8;
const MARGIN = 40;

/**
 * Appendix 1 of Order 444 as a PDF: cover, the six-column table with struck
 * entries struck through, sheet numbers, and the certification line with N on
 * the last page. Pages are laid out explicitly (pdfkit would otherwise break
 * rows across pages on its own).
 */
export async function renderJournalPdf(m: JournalPrintModel): Promise<Buffer> {
  const doc = createPdf({ title: m.title, layout: 'landscape' });
  let sheet = 0;
  const newPage = () => {
    doc.addPage();
    sheet++;
    // The sheet number sits in the bottom margin; lift the margin so pdfkit does not start a new page for it.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('condensed')
      .fontSize(8)
      .fillColor('#000')
      .text(m.t('common:pdf.journal.sheet', { n: sheet }), MARGIN, doc.page.height - MARGIN + 12, {
        width: doc.page.width - 2 * MARGIN,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottomMargin;
  };

  newPage();
  drawCover(doc, m);

  newPage();
  let y = drawHeader(doc, m);
  const bottom = doc.page.height - MARGIN;
  for (const row of m.rows) {
    const h = rowHeight(doc, row);
    if (y + h > bottom) {
      newPage();
      y = drawHeader(doc, m);
    }
    drawRow(doc, row, y, h);
    y += h;
  }

  doc.font('regular').fontSize(10);
  const certHeight = 60;
  if (y + certHeight > bottom) {
    newPage();
    y = MARGIN;
  }
  const count = m.sheetCount ?? sheet;
  doc.text(m.t('common:pdf.journal.certification', { count }), MARGIN, y + 20, { width: doc.page.width - 2 * MARGIN });
  return pdfBuffer(doc);
}

function drawCover(doc: Pdf, m: JournalPrintModel) {
  const width = doc.page.width - 2 * MARGIN;
  doc.font('bold').fontSize(20).text(m.title, MARGIN, 150, { width, align: 'center' });
  doc.moveDown(1.5).font('regular').fontSize(14).text(m.subdivision, { width, align: 'center', underline: true });
  doc.moveDown(0.3).fontSize(8).text(m.t('common:pdf.journal.subdivisionCaption'), { width, align: 'center' });
  doc.moveDown(2).fontSize(12).text(m.started, { width, align: 'center' });
  doc.moveDown(0.5).text(m.ended, { width, align: 'center' });
  doc.moveDown(2).fontSize(10).text(m.registered, { width, align: 'center' });
}

function drawHeader(doc: Pdf, m: JournalPrintModel): number {
  doc.font('condensedBold').fontSize(FONT_SIZE);
  const labels = COLUMNS.map((c) => m.t(`common:${c.label}`));
  const h = Math.max(...COLUMNS.map((c, i) => doc.heightOfString(labels[i]!, { width: c.width - 2 * PAD }))) + 2 * PAD;
  let x = MARGIN;
  COLUMNS.forEach((c, i) => {
    doc.rect(x, MARGIN, c.width, h).stroke();
    doc.text(labels[i]!, x + PAD, MARGIN + PAD, { width: c.width - 2 * PAD, align: 'center' });
    x += c.width;
  });
  return MARGIN + h;
}

function rowHeight(doc: Pdf, row: PrintRow): number {
  doc.font('condensed').fontSize(FONT_SIZE);
  return Math.max(...COLUMNS.map((c) => (row[c.key] ? doc.heightOfString(row[c.key], { width: c.width - 2 * PAD }) : 0))) + 2 * PAD;
}

function drawRow(doc: Pdf, row: PrintRow, y: number, h: number) {
  doc.font('condensed').fontSize(FONT_SIZE).fillColor('#000');
  let x = MARGIN;
  for (const c of COLUMNS) {
    doc.rect(x, y, c.width, h).stroke();
    const text = row[c.key];
    if (text) {
      doc.text(text, x + PAD, y + PAD, { width: c.width - 2 * PAD });
      // R444-9: a struck entry stays legible, crossed out line by line (the note keeps the reason).
      if (row.struck && c.key !== 'note') {
        const lines = Math.round(doc.heightOfString(text, { width: c.width - 2 * PAD }) / doc.currentLineHeight(true));
        const lh = doc.currentLineHeight(true);
        for (let i = 0; i < lines; i++) {
          const ly = y + PAD + lh * (i + 0.55);
          doc
            .moveTo(x + PAD, ly)
            .lineTo(x + c.width - PAD, ly)
            .stroke();
        }
      }
    }
    x += c.width;
  }
}
