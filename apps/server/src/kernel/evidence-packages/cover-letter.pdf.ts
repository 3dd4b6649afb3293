import type { TFunction } from 'i18next';
import { formatDate } from '../../platform/format.ts';
import { createPdf, pdfBuffer, type Pdf } from '../../platform/pdf/pdf.ts';

export interface CoverLetterFile {
  path: string;
  description: string;
  size: number;
  sha256: string;
}

export interface CoverLetterModel {
  /** The letter's language: the kernel's words (sender, date, file table, key, signature). */
  t: TFunction;
  /** The rule set's words, in the same language. */
  title: string;
  organisationName: string;
  bin: string;
  timeZone: string;
  date: Date;
  /** Lines under the date: recipient, case or application, purpose… */
  facts: string[];
  /** Why the files are sent, under which act. */
  intro: string;
  files: CoverLetterFile[];
  fingerprint: string;
  /** How to check the package, and whose published fingerprint to compare. */
  verifyHint: string;
  authorName: string;
  authorRole: string;
}

const MARGIN = 50;
const PAD = 3;
const COLUMNS = [
  { key: 'number', label: 'pdf.package.col.number', width: 24 },
  { key: 'file', label: 'pdf.package.col.file', width: 215 },
  { key: 'size', label: 'pdf.package.col.size', width: 66 },
  { key: 'sha256', label: 'pdf.package.col.sha256', width: 190 },
] as const;
type Row = Record<(typeof COLUMNS)[number]['key'], string>;

/**
 * The cover letter of an evidence package, one language per document: who sends
 * what to whom, every file with its size and SHA-256, and the signing key's
 * fingerprint to compare with the published one.
 */
export async function renderCoverLetter(m: CoverLetterModel): Promise<Buffer> {
  const t = m.t;
  const doc = createPdf({ title: m.title });
  doc.addPage({ margin: MARGIN });
  const width = doc.page.width - 2 * MARGIN;
  doc.font('bold').fontSize(11).text(m.organisationName, { width });
  doc
    .font('regular')
    .fontSize(9)
    .text(t('common:pdf.package.from', { organisation: m.organisationName, bin: m.bin }), { width });
  doc.moveDown(1.2).font('bold').fontSize(14).text(m.title, { width, align: 'center' });
  doc.moveDown(0.8).font('regular').fontSize(10);
  for (const line of [t('common:pdf.package.date', { date: formatDate(m.date, m.timeZone) }), ...m.facts]) {
    doc.text(line, { width });
  }
  doc.moveDown(0.8).text(m.intro, { width });
  doc.moveDown(0.8).font('bold').text(t('common:pdf.package.filesHeading'), { width });

  let y = drawHeader(doc, t, doc.y + 4);
  const rows: Row[] = m.files.map((f, i) => ({
    number: String(i + 1),
    file: `${f.path}\n${f.description}`,
    size: f.size.toLocaleString('ru-RU').replace(/\u00a0/g, ' '),
    sha256: `${f.sha256.slice(0, 32)}\n${f.sha256.slice(32)}`,
  }));
  for (const row of rows) {
    const h = rowHeight(doc, row);
    if (y + h > doc.page.height - MARGIN) {
      doc.addPage({ margin: MARGIN });
      y = drawHeader(doc, t, MARGIN);
    }
    drawRow(doc, row, y, h);
    y += h;
  }

  const tail = 150;
  if (y + tail > doc.page.height - MARGIN) {
    doc.addPage({ margin: MARGIN });
    y = MARGIN;
  }
  doc
    .font('bold')
    .fontSize(10)
    .text(t('common:pdf.package.keyHeading'), MARGIN, y + 16, { width });
  doc
    .font('condensed')
    .fontSize(11)
    .text((m.fingerprint.match(/.{1,4}/g) ?? []).join(' '), { width });
  doc.moveDown(0.8).font('regular').fontSize(9).text(m.verifyHint, { width });
  doc
    .moveDown(1.5)
    .fontSize(10)
    .text(t('common:pdf.package.builtBy', { name: m.authorName, role: m.authorRole }), { width });
  doc.moveDown(0.8).text(t('common:pdf.package.signature'), { width });
  return pdfBuffer(doc);
}

function drawHeader(doc: Pdf, t: TFunction, top: number): number {
  doc.font('condensedBold').fontSize(8);
  const labels = COLUMNS.map((c) => t(`common:${c.label}`));
  const h = Math.max(...COLUMNS.map((c, i) => doc.heightOfString(labels[i]!, { width: c.width - 2 * PAD }))) + 2 * PAD;
  let x = MARGIN;
  COLUMNS.forEach((c, i) => {
    doc.rect(x, top, c.width, h).stroke();
    doc.text(labels[i]!, x + PAD, top + PAD, { width: c.width - 2 * PAD, align: 'center' });
    x += c.width;
  });
  return top + h;
}

function rowHeight(doc: Pdf, row: Row): number {
  doc.font('condensed').fontSize(7.5);
  return Math.max(...COLUMNS.map((c) => doc.heightOfString(row[c.key], { width: c.width - 2 * PAD }))) + 2 * PAD;
}

function drawRow(doc: Pdf, row: Row, y: number, h: number) {
  doc.font('condensed').fontSize(7.5).fillColor('#000');
  let x = MARGIN;
  for (const c of COLUMNS) {
    doc.rect(x, y, c.width, h).stroke();
    doc.text(row[c.key], x + PAD, y + PAD, { width: c.width - 2 * PAD, lineBreak: true });
    x += c.width;
  }
}
