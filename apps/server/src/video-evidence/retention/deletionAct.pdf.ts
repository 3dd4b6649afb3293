import type { TFunction } from 'i18next';
import { createPdf, pdfBuffer, type Pdf } from '../../platform/pdf/pdf.ts';

export interface DeletionActModel {
  t: TFunction;
  organisationName: string;
  number: string;
  executedAt: string; // dd.MM.yyyy HH:mm in the organisation's zone
  executedBy: string;
  contentHash: string;
  ledgerSeq: number | null;
  lines: {
    inventoryNumber: string;
    originalName: string;
    startedAt: string;
    retainUntil: string;
    activity: string;
    size: number;
    sha256: string;
  }[];
}

const MARGIN = 36;
const COLS = [
  { key: 'n', label: 'pdf.deletionAct.col.number', width: 24 },
  { key: 'inventoryNumber', label: 'pdf.deletionAct.col.inventory', width: 62 },
  { key: 'originalName', label: 'pdf.deletionAct.col.file', width: 90 },
  { key: 'startedAt', label: 'pdf.deletionAct.col.captured', width: 70 },
  { key: 'retainUntil', label: 'pdf.deletionAct.col.retainUntil', width: 58 },
  { key: 'activity', label: 'pdf.deletionAct.col.activity', width: 110 },
  { key: 'size', label: 'pdf.deletionAct.col.size', width: 56 },
  { key: 'sha256', label: 'pdf.deletionAct.col.sha256', width: 300 },
] as const;

/**
 * The deletion act (R444-6, R444-12): every deleted recording with its SHA-256,
 * so the deletion itself stays provable after the bytes are gone; signed by the
 * responsible person (the signature line, and the ledger entry confirmed with
 * the second factor).
 */
export async function renderDeletionAct(m: DeletionActModel): Promise<Buffer> {
  const doc = createPdf({ title: m.t('common:pdf.deletionAct.title', { number: m.number }), layout: 'landscape' });
  doc.addPage();
  const width = doc.page.width - 2 * MARGIN;
  doc
    .font('bold')
    .fontSize(13)
    .text(m.t('common:pdf.deletionAct.title', { number: m.number }), MARGIN, MARGIN, { width, align: 'center' });
  doc.moveDown(0.3).font('regular').fontSize(10).text(m.organisationName, { width, align: 'center' });
  doc.moveDown(0.8).fontSize(9);
  doc.text(m.t('common:pdf.deletionAct.basis'), { width });
  doc.text(m.t('common:pdf.deletionAct.executedAt', { when: m.executedAt }), { width });
  doc.text(
    m.t('common:pdf.deletionAct.total', { count: m.lines.length, mib: (m.lines.reduce((s, l) => s + l.size, 0) / 2 ** 20).toFixed(1) }),
    {
      width,
    },
  );
  doc.moveDown(0.6);
  let y = drawHeader(doc, m.t, doc.y);
  m.lines.forEach((l, i) => {
    const cells: Record<string, string> = { ...l, n: String(i + 1), size: l.size.toLocaleString('ru-RU') };
    const h =
      Math.max(
        ...COLS.map((c) =>
          doc
            .font('condensed')
            .fontSize(7)
            .heightOfString(cells[c.key]!, { width: c.width - 4 }),
        ),
      ) + 6;
    if (y + h > doc.page.height - MARGIN - 20) {
      doc.addPage();
      y = drawHeader(doc, m.t, MARGIN);
    }
    let x = MARGIN;
    for (const c of COLS) {
      doc.rect(x, y, c.width, h).stroke('#444');
      doc.fillColor('#000').text(cells[c.key]!, x + 2, y + 3, { width: c.width - 4 });
      x += c.width;
    }
    y += h;
  });
  if (y + 110 > doc.page.height - MARGIN) {
    doc.addPage();
    y = MARGIN;
  }
  doc
    .font('regular')
    .fontSize(9)
    .text(m.t('common:pdf.deletionAct.contentHash', { hash: m.contentHash }), MARGIN, y + 14, { width });
  if (m.ledgerSeq !== null) doc.text(m.t('common:pdf.deletionAct.ledger', { seq: m.ledgerSeq }), { width });
  doc
    .moveDown(1.5)
    .fontSize(10)
    .text(m.t('common:pdf.deletionAct.signedBy', { name: m.executedBy }), { width });
  doc.moveDown(0.3).fontSize(8).fillColor('#444').text(m.t('common:pdf.deletionAct.signatureNote'), { width });
  return pdfBuffer(doc);
}

function drawHeader(doc: Pdf, t: TFunction, y: number) {
  const h = 30;
  let x = MARGIN;
  doc.font('condensedBold').fontSize(7).fillColor('#000');
  for (const c of COLS) {
    doc.rect(x, y, c.width, h).stroke('#444');
    doc.text(t(`common:${c.label}`), x + 2, y + 3, { width: c.width - 4 });
    x += c.width;
  }
  return y + h;
}
