import type { TFunction } from 'i18next';
import { citeText } from '@baqylau/contracts';
import { createPdf, pdfBuffer, type Pdf } from '../../platform/pdf/pdf.ts';
import type { ComplianceReport } from './complianceReport.ts';

const MARGIN = 36;
const COLS = [
  { key: 'number', width: 50 },
  { key: 'place', width: 220 },
  { key: 'placement', width: 60 },
  { key: 'verdict', width: 150 },
  { key: 'findings', width: 290 },
] as const;

function header(doc: Pdf, t: TFunction, y: number) {
  let x = MARGIN;
  doc.font('bold').fontSize(8);
  for (const c of COLS) {
    doc.text(t(`common:cctv.pdf.compliance.col.${c.key}`), x + 2, y + 3, { width: c.width - 4 });
    x += c.width;
  }
  doc
    .moveTo(MARGIN, y + 16)
    .lineTo(x, y + 16)
    .stroke();
  return y + 20;
}

/** The compliance report (R335-4 … R335-12): every camera in service, its verdict and the points it rests on. */
export async function renderComplianceReport(
  r: ComplianceReport,
  t: TFunction,
  lang: string,
  organisationName: string,
  date: string,
): Promise<Buffer> {
  const doc = createPdf({ title: t('common:cctv.pdf.compliance.title'), layout: 'landscape' });
  doc.addPage();
  const width = doc.page.width - 2 * MARGIN;
  doc.font('bold').fontSize(13).text(t('common:cctv.pdf.compliance.title'), MARGIN, MARGIN, { width, align: 'center' });
  doc.moveDown(0.3).font('regular').fontSize(10).text(organisationName, { width, align: 'center' });
  doc.moveDown(0.6).fontSize(9);
  doc.text(t('common:cctv.pdf.compliance.basis', { rules: r.rules.wording, date }), { width });
  doc.text(t('common:cctv.pdf.compliance.care', { care: r.careTypes.map((c) => t(`common:cctv.care.${c}`)).join(', ') || '—' }), { width });
  doc.text(t('common:cctv.pdf.compliance.total', { total: r.total, compliant: r.compliant, nonCompliant: r.total - r.compliant }), {
    width,
  });
  let y = header(doc, t, doc.y + 8);
  doc.font('regular').fontSize(8);
  for (const row of r.cameras) {
    const cells = {
      number: row.camera.number,
      place: `${row.place.path}${row.place.roomType ? ` (${t(`common:cctv.room.${row.place.roomType}`)})` : ''}`,
      placement: t(`common:cctv.placement.${row.camera.placement}`),
      verdict: `${t(`common:cctv.verdict.${row.verdict}`)} — ${row.cites.map((c) => citeText(c, lang)).join('; ')}`,
      findings: row.compliant
        ? t('common:cctv.pdf.compliance.compliant')
        : row.findings
            .map((f) => `${t(`common:cctv.finding.${f.finding}`)} (${f.cites.map((c) => citeText(c, lang)).join('; ')})`)
            .join('\n'),
    };
    const h = Math.max(...COLS.map((c) => doc.heightOfString(cells[c.key], { width: c.width - 4 }))) + 6;
    if (y + h > doc.page.height - MARGIN) {
      doc.addPage();
      y = header(doc, t, MARGIN);
      doc.font('regular').fontSize(8);
    }
    let x = MARGIN;
    for (const c of COLS) {
      doc.fillColor(c.key === 'findings' && !row.compliant ? '#a00000' : '#000').text(cells[c.key], x + 2, y + 3, { width: c.width - 4 });
      x += c.width;
    }
    doc.fillColor('#000');
    y += h;
    doc
      .save()
      .strokeColor('#ccc')
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + width, y)
      .stroke()
      .restore();
  }
  return pdfBuffer(doc);
}
