import type { TFunction } from 'i18next';
import { createPdf, pdfBuffer } from '../../platform/pdf/pdf.ts';

export interface DecisionLetterModel {
  organisationName: string;
  number: string;
  receivedOn: string;
  applicantName: string;
  relationship: string;
  patientName: string;
  dateOfDeath: string;
  period: string;
  places: string;
  granted: boolean;
  reason: string;
  decidedOn: string;
  decidedBy: string;
}

/** The answer to an application of point 3 (R335-3), with the decision and its reasons. */
export async function renderDecisionLetter(m: DecisionLetterModel, t: TFunction): Promise<Buffer> {
  const doc = createPdf({ title: t('common:cctv.pdf.decision.title', { number: m.number }) });
  doc.addPage();
  const width = doc.page.width - 80;
  doc.font('bold').fontSize(11).text(m.organisationName, 40, 50, { width, align: 'center' });
  doc
    .moveDown(1.2)
    .font('regular')
    .fontSize(10)
    .text(t('common:cctv.pdf.decision.to', { name: m.applicantName }), { width, align: 'right' });
  doc
    .moveDown(1.2)
    .font('bold')
    .fontSize(12)
    .text(t('common:cctv.pdf.decision.title', { number: m.number }), { width, align: 'center' });
  doc.moveDown(1).font('regular').fontSize(10);
  doc.text(
    t('common:cctv.pdf.decision.body', {
      receivedOn: m.receivedOn,
      relationship: m.relationship,
      patient: m.patientName,
      dateOfDeath: m.dateOfDeath,
      period: m.period,
      places: m.places,
    }),
    { width, align: 'justify' },
  );
  doc
    .moveDown(0.8)
    .font('bold')
    .text(t(m.granted ? 'common:cctv.pdf.decision.granted' : 'common:cctv.pdf.decision.refused'), { width });
  doc
    .moveDown(0.4)
    .font('regular')
    .text(t('common:cctv.pdf.decision.reason', { reason: m.reason }), { width, align: 'justify' });
  doc.moveDown(0.8).text(t('common:cctv.pdf.decision.basis'), { width, align: 'justify' });
  doc.moveDown(2.5).text(`${m.decidedBy}  ____________________    ${m.decidedOn}`, { width, align: 'right' });
  return pdfBuffer(doc);
}
