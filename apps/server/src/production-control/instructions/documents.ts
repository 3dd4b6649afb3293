import type { Locale } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDate, formatDateTime } from '../../platform/format.ts';
import { findOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import { readSmallObject } from '../../platform/storage/read-object.ts';
import { acknowledgementOf } from '../offline/offline.repository.ts';
import type { InstructionView } from './instruction-view.ts';
import {
  findAct,
  findFacility,
  findInspection,
  findInstruction,
  findOrder,
  findUnit,
  instructionOfInspection,
  namesOf,
  violationsOfInspection,
} from './instructions.repository.ts';

const refText = (r: { act: string; point: string }) => `${r.act}, ${r.point}`;

async function organisationName(deps: AppDeps, organisationId: string, lang: Locale) {
  const org = await findOrganisation(deps.db, organisationId);
  return (lang === 'kk' ? org?.nameKk : org?.nameRu) ?? '';
}

/** R315-16: the instruction as printed, in the language asked for (the renderer is loaded on first use). */
export async function renderInstructionPdf(deps: AppDeps, organisationId: string, v: InstructionView, lang: Locale) {
  const t = deps.translator.forLocale(lang);
  const { renderInstruction } = await import('./documents.pdf.ts');
  return renderInstruction(
    {
      organisation: await organisationName(deps, organisationId, lang),
      number: v.number,
      issuedOn: formatDate(v.issuedOn),
      act: v.act ? t('common:pc.doc.numberOf', { number: v.act.number, date: formatDate(v.act.issuedOn) }) : '',
      facility: v.facility.name,
      unit: v.unit?.name ?? '',
      unitHead: v.unitHead?.fullName ?? '',
      official: v.issuedBy.fullName,
      status:
        v.status === 'cancelled' && v.cancelOrder
          ? t('common:pc.doc.instruction.cancelledBy', { number: v.cancelOrder.number, date: formatDate(v.cancelOrder.orderDate) })
          : t(`common:pc.instr.status.${v.status}`),
      items: v.items.map((i) => ({
        description: i.description,
        reference: refText(i.reference),
        measure: i.measure,
        performer: i.performerOrder
          ? `${i.performer.fullName}\n${t('common:pc.doc.byOrder', { number: i.performerOrder.number })}`
          : i.performer.fullName,
        deadline: formatDate(i.deadline),
        agreement:
          i.agreement === 'settled'
            ? t('common:pc.doc.agreement.settledBy', { name: i.settledBy?.fullName ?? '', note: i.settlementNote ?? '' })
            : t(`common:pc.instr.agreement.${i.agreement}`),
      })),
    },
    t,
  );
}

/** R315-15: the act of an inspection, with every violation found and the instruction's number when one was issued. */
export async function renderActPdf(deps: AppDeps, organisationId: string, actId: string, lang: Locale) {
  const act = await findAct(deps.db, organisationId, actId);
  if (!act) throw new AppError('pc.act_not_found');
  const inspection = (await findInspection(deps.db, organisationId, act.inspectionId))!;
  const [facility, instruction, violations, names, ack] = await Promise.all([
    findFacility(deps.db, organisationId, inspection.facilityId),
    instructionOfInspection(deps.db, inspection.id),
    violationsOfInspection(deps.db, inspection.id),
    namesOf(deps.db, [inspection.officialId, act.unitHeadId]),
    acknowledgementOf(deps.db, inspection.id),
  ]);
  const unit = instruction?.unitId ?? inspection.unitId;
  const t = deps.translator.forLocale(lang);
  const { renderAct } = await import('./documents.pdf.ts');
  const pdf = await renderAct(
    {
      organisation: await organisationName(deps, organisationId, lang),
      number: act.number,
      issuedOn: formatDate(act.issuedOn),
      facility: facility?.name ?? '',
      unit: unit ? ((await findUnit(deps.db, organisationId, unit))?.name ?? '') : '',
      unitHead: act.unitHeadId ? (names.get(act.unitHeadId) ?? '') : '',
      official: names.get(inspection.officialId) ?? '',
      kind: t(`common:pc.instr.inspectionKind.${inspection.kind}`),
      period: `${formatDateTime(inspection.startedAt)} – ${inspection.completedAt ? formatDateTime(inspection.completedAt) : ''}`,
      conclusion: inspection.conclusion ?? '',
      violations: violations.map((v) => ({
        description: v.description,
        reference: refText(v.reference),
        onSpot: v.eliminatedOnSpot ? t('common:pc.doc.act.onSpot') : '',
      })),
      instruction: instruction?.number ?? '',
      fieldAcknowledgement: ack
        ? {
            signer: ack.signerName,
            position: ack.signerPosition,
            signedAt: formatDateTime(ack.signedAt),
            signature: await readSmallObject(deps.store, ack.signatureSha256),
            sha256: ack.signatureSha256,
          }
        : null,
    },
    t,
  );
  return { pdf, number: act.number };
}

/** R315-17, R315-4: a performers order or a cancellation order, as the first head signed it. */
export async function renderOrderPdf(deps: AppDeps, organisationId: string, orderId: string, lang: Locale) {
  const order = await findOrder(deps.db, organisationId, orderId);
  if (!order || (order.kind !== 'performers' && order.kind !== 'instruction_cancellation') || !order.instructionId)
    throw new AppError('pc.order_not_found');
  const instruction = (await findInstruction(deps.db, organisationId, order.instructionId))!;
  const names = await namesOf(deps.db, [order.signedBy]);
  const content = order.content as {
    reason?: string;
    items?: { position: number; measure: string; performer: string; deadline: string }[];
  };
  const t = deps.translator.forLocale(lang);
  const { renderOrder } = await import('./documents.pdf.ts');
  const pdf = await renderOrder(
    {
      organisation: await organisationName(deps, organisationId, lang),
      kind: order.kind,
      number: order.number,
      orderDate: formatDate(order.orderDate),
      instruction: instruction.number,
      instructionDate: formatDate(instruction.issuedOn),
      reason: content.reason ?? '',
      head: names.get(order.signedBy) ?? '',
      items: (content.items ?? []).map((i) => ({
        position: String(i.position),
        measure: i.measure,
        performer: i.performer,
        deadline: formatDate(i.deadline),
      })),
    },
    t,
  );
  return { pdf, number: order.number };
}
