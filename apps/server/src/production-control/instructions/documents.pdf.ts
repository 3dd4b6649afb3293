import type { TFunction } from 'i18next';
import { createPdf } from '../../platform/pdf/pdf.ts';
import { MARGIN, drawTable, ensureRoom, finish, heading, signatures, type Column } from './pdf-table.ts';

export interface ActModel {
  organisation: string;
  number: string;
  issuedOn: string;
  facility: string;
  unit: string;
  unitHead: string;
  official: string;
  kind: string;
  period: string;
  conclusion: string;
  violations: { description: string; reference: string; onSpot: string }[];
  instruction: string;
  /** The unit head's acknowledgement signed on the official's device in the field (offline inspections). */
  fieldAcknowledgement: { signer: string; position: string; signedAt: string; signature: Buffer; sha256: string } | null;
}

/** R315-15: the act of a production-control inspection handed to the unit head. */
export async function renderAct(m: ActModel, t: TFunction) {
  const doc = createPdf({ title: t('common:pc.doc.act.title', { number: m.number }), bufferPages: true });
  doc.addPage();
  let y = heading(doc, t, m.organisation, t('common:pc.doc.act.title', { number: m.number }), t('common:pc.doc.act.subtitle'), m.issuedOn, [
    [t('common:pc.doc.facility'), m.facility],
    [t('common:pc.doc.unit'), m.unit],
    [t('common:pc.doc.kind'), m.kind],
    [t('common:pc.doc.period'), m.period],
    [t('common:pc.doc.official'), m.official],
    [t('common:pc.doc.unitHead'), m.unitHead],
  ]);
  const cols: Column[] = [
    { title: '№', width: 28 },
    { title: t('common:pc.doc.col.violation'), width: 220 },
    { title: t('common:pc.doc.col.reference'), width: 195 },
    { title: t('common:pc.doc.col.onSpot'), width: doc.page.width - 2 * MARGIN - 443 },
  ];
  doc
    .font('bold')
    .fontSize(10)
    .text(t('common:pc.doc.act.found', { n: m.violations.length }), MARGIN, y);
  y = doc.y + 4;
  if (m.violations.length)
    y = drawTable(
      doc,
      cols,
      m.violations.map((v, i) => [String(i + 1), v.description, v.reference, v.onSpot]),
      y,
    );
  y = ensureRoom(doc, y + 8, 60);
  doc
    .font('regular')
    .fontSize(9)
    .text(`${t('common:pc.doc.act.conclusion')}: ${m.conclusion || '—'}`, MARGIN, y, { width: doc.page.width - 2 * MARGIN });
  doc
    .moveDown(0.4)
    .text(m.instruction ? t('common:pc.doc.act.instruction', { number: m.instruction }) : t('common:pc.doc.act.noInstruction'));
  const ack = m.fieldAcknowledgement;
  if (ack) {
    // The drawn signature is printed as signed: the act shows what the unit head acknowledged, and when.
    y = ensureRoom(doc, doc.y + 8, 80);
    doc.text(t('common:pc.doc.act.fieldAcknowledged', ack), MARGIN, y, { width: doc.page.width - 2 * MARGIN });
    const top = doc.y + 4;
    try {
      doc.image(ack.signature, MARGIN, top, { fit: [160, 48] });
      doc.y = top + 52;
    } catch {
      // A stored file the PDF library cannot draw: the act names it by its hash instead of failing.
      doc.text(t('common:pc.doc.act.signatureNotDrawn', { sha256: ack.sha256 }), MARGIN, top, { width: doc.page.width - 2 * MARGIN });
    }
  }
  signatures(doc, doc.y + 10, [
    [t('common:pc.doc.official'), m.official],
    [t('common:pc.doc.act.received'), m.unitHead],
  ]);
  return finish(doc, t);
}

export interface InstructionModel {
  organisation: string;
  number: string;
  issuedOn: string;
  act: string;
  facility: string;
  unit: string;
  unitHead: string;
  official: string;
  status: string;
  items: { description: string; reference: string; measure: string; performer: string; deadline: string; agreement: string }[];
}

/** R315-16: the instruction with every item's violation, normative reference, measure, performer, deadline and agreement. */
export async function renderInstruction(m: InstructionModel, t: TFunction) {
  const doc = createPdf({ title: t('common:pc.doc.instruction.title', { number: m.number }), layout: 'landscape', bufferPages: true });
  doc.addPage();
  let y = heading(
    doc,
    t,
    m.organisation,
    t('common:pc.doc.instruction.title', { number: m.number }),
    t('common:pc.doc.instruction.subtitle'),
    m.issuedOn,
    [
      [t('common:pc.doc.instruction.to'), `${m.unitHead} (${m.unit})`],
      [t('common:pc.doc.facility'), m.facility],
      [t('common:pc.doc.instruction.act'), m.act],
      [t('common:pc.doc.instruction.status'), m.status],
    ],
  );
  doc
    .font('regular')
    .fontSize(9)
    .text(t('common:pc.doc.instruction.basis'), MARGIN, y, { width: doc.page.width - 2 * MARGIN });
  y = doc.y + 6;
  const cols: Column[] = [
    { title: '№', width: 26 },
    { title: t('common:pc.doc.col.violation'), width: 190 },
    { title: t('common:pc.doc.col.reference'), width: 120 },
    { title: t('common:pc.doc.col.measure'), width: 190 },
    { title: t('common:pc.doc.col.performer'), width: 105 },
    { title: t('common:pc.doc.col.deadline'), width: 62 },
    { title: t('common:pc.doc.col.agreement'), width: doc.page.width - 2 * MARGIN - 693 },
  ];
  y = drawTable(
    doc,
    cols,
    m.items.map((i, n) => [String(n + 1), i.description, i.reference, i.measure, i.performer, i.deadline, i.agreement]),
    y,
  );
  doc.font('regular').fontSize(9);
  y = ensureRoom(doc, y + 8, 30);
  doc.text(t('common:pc.doc.instruction.report'), MARGIN, y, { width: doc.page.width - 2 * MARGIN });
  signatures(doc, doc.y + 6, [
    [t('common:pc.doc.official'), m.official],
    [t('common:pc.doc.instruction.received'), m.unitHead],
  ]);
  return finish(doc, t);
}

export interface OrderModel {
  organisation: string;
  kind: 'performers' | 'instruction_cancellation';
  number: string;
  orderDate: string;
  instruction: string;
  instructionDate: string;
  reason: string;
  head: string;
  items: { position: string; measure: string; performer: string; deadline: string }[];
}

/** R315-17 the order naming performers outside the unit; R315-4 the order cancelling an instruction. */
export async function renderOrder(m: OrderModel, t: TFunction) {
  const key = m.kind === 'performers' ? 'performers' : 'cancellation';
  const title = t(`common:pc.doc.order.${key}.title`, { number: m.number });
  const doc = createPdf({ title, bufferPages: true });
  doc.addPage();
  let y = heading(doc, t, m.organisation, title, t(`common:pc.doc.order.${key}.subtitle`, { instruction: m.instruction }), m.orderDate, []);
  const width = doc.page.width - 2 * MARGIN;
  doc
    .font('regular')
    .fontSize(10)
    .text(t(`common:pc.doc.order.${key}.body`, { instruction: m.instruction, date: m.instructionDate, reason: m.reason }), MARGIN, y, {
      width,
      align: 'justify',
    });
  y = doc.y + 8;
  if (m.kind === 'performers') {
    const cols: Column[] = [
      { title: t('common:pc.doc.col.item'), width: 50 },
      { title: t('common:pc.doc.col.measure'), width: 235 },
      { title: t('common:pc.doc.col.performer'), width: 150 },
      { title: t('common:pc.doc.col.deadline'), width: width - 435 },
    ];
    y = drawTable(
      doc,
      cols,
      m.items.map((i) => [i.position, i.measure, i.performer, i.deadline]),
      y,
    );
  }
  signatures(doc, y + 10, [[t('common:pc.doc.firstHead'), m.head]]);
  return finish(doc, t);
}
