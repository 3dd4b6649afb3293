import type { TFunction } from 'i18next';
import { REGULATION_SECTIONS, type PcDocumentContent, type RegulationFigures } from '@baqylau/contracts';
import { formatDate } from '../../platform/format.ts';
import { renderDocument, type Block, type DocumentMeta } from '../documents/documents.pdf.ts';

const k = (key: string) => `common:pc.regulation.${key}`;
const a = (key: string) => `common:pc.annual.${key}`;

/**
 * R315-6: the production-control regulation — every sub-point of point 6 in its order and words,
 * generated from the data, with the service's own texts where the data cannot say it.
 */
export function renderRegulation(content: PcDocumentContent, m: DocumentMeta, t: TFunction) {
  const f = content.figures as RegulationFigures;
  const x = content.texts;
  const d = (v: string | null) => (v ? formatDate(v) : '—');
  const fac = f.facilities;
  const blocks: Record<(typeof REGULATION_SECTIONS)[number], Block[]> = {
    powers: [
      {
        table: {
          cols: [
            [t(a('col.person')), 130],
            [t(a('col.position')), 110],
            [t(a('col.order')), 90],
            [t(a('col.scope')), 0],
          ],
          rows: f.officials.map((o) => [
            o.fullName,
            t(`common:pc.position.${o.position}`),
            o.order,
            [...o.facilities, ...o.units].join('; '),
          ]),
        },
      },
      { text: x.powers ?? '' },
    ],
    facilities: [
      {
        lines: [
          [t(k('facilitiesCount')), fac.length],
          [t(k('unitsCount')), f.units],
        ],
      },
      {
        table: {
          cols: [
            [t(a('col.facility')), 150],
            [t(k('col.registration')), 90],
            [t(k('col.units')), 0],
          ],
          rows: fac.map((h) => [h.name, h.registrationNumber, h.units.join('; ')]),
        },
      },
      { text: x.facilities ?? '' },
    ],
    description: [
      {
        table: {
          cols: [
            [t(a('col.facility')), 140],
            [t(k('col.address')), 150],
            [t(k('col.hazards')), 0],
          ],
          rows: fac.map((h) => [h.name, h.address, h.hazardFeatures.map((z) => t(`common:pc.hazard.${z}`)).join('; ')]),
        },
      },
      { sub: t(k('desc.buildings')) },
      {
        table: {
          cols: [
            [t(a('col.facility')), 200],
            [t(k('col.buildings')), 100],
            [t(k('col.examined')), 100],
            [t(a('col.overdue')), 0],
          ],
          rows: fac.map((h) => [h.name, h.buildings, h.buildingsExamined, h.buildingsOverdue]),
        },
      },
      { sub: t(k('desc.devices')) },
      {
        table: {
          cols: [
            [t(a('col.facility')), 200],
            [t(a('col.devices')), 100],
            [t(k('col.certified')), 100],
            [t(a('col.overdue')), 0],
          ],
          rows: fac.map((h) => [h.name, h.devices, h.devicesCertified, h.devicesOverdue]),
        },
      },
      { sub: t(k('desc.accidents')) },
      {
        table: {
          cols: [
            [t(a('col.facility')), 200],
            [t(a('acc.kind.accident')), 100],
            [t(a('acc.kind.incident')), 100],
            [t(a('acc.kind.injury')), 0],
          ],
          rows: fac.map((h) => [h.name, h.accidents.accident, h.accidents.incident, h.accidents.injury]),
        },
      },
      { sub: t(k('desc.training')) },
      {
        table: {
          cols: [
            [t(a('col.facility')), 200],
            [t(k('col.trainedValid')), 150],
            [t(k('col.trainedExpired')), 0],
          ],
          rows: fac.map((h) => [h.name, h.trainedValid, h.trainedExpired]),
        },
      },
      { text: x.description ?? '' },
    ],
    plan: [
      {
        lines: [
          [
            t(k('planOf'), { year: f.schedule.year }),
            f.plan.state
              ? t(a('plan.state'), {
                  title: f.plan.state.title,
                  version: f.plan.state.version,
                  approved: f.plan.state.approvedOn ? d(f.plan.state.approvedOn) : t(a('notApproved')),
                })
              : t(a('plan.none')),
          ],
        ],
      },
      {
        table: {
          cols: [
            ['№', 28],
            [t(a('col.measure')), 220],
            [t(a('col.responsible')), 130],
            [t(a('col.dueOn')), 0],
          ],
          rows: f.plan.measures.map((p) => [p.ordinal, p.measure, p.responsible, d(p.dueOn)]),
        },
      },
      { text: x.plan ?? '' },
    ],
    control: [
      { sub: t(k('ctl.periodicity')) },
      {
        lines: [
          [
            t(a('mgmt.schedule'), { year: f.schedule.year }),
            f.schedule.revision
              ? t(k('scheduleState'), { revision: f.schedule.revision, approvedOn: d(f.schedule.approvedOn) })
              : t(a('plan.none')),
          ],
        ],
      },
      {
        table: {
          cols: [
            [t(a('col.facility')), 180],
            [t(k('col.unit')), 150],
            [t(k('col.scheduled')), 90],
            [t(k('col.comprehensive')), 0],
          ],
          rows: f.schedule.lines.map((l) => [l.facility, l.unit ?? t(k('wholeFacility')), l.scheduled, l.comprehensive]),
        },
      },
      { text: x.periodicity ?? '' },
      { sub: t(k('ctl.reporting')) },
      { text: x.reporting?.trim() ? x.reporting : t(k('reportingDefault')) },
      { sub: t(k('ctl.criteria')) },
      { text: x.criteria ?? '' },
      { sub: t(k('ctl.decisions')) },
      { text: x.decisions ?? '' },
      { text: x.control ?? '' },
    ],
    structure: [
      {
        lines: [
          [t(k('serviceHeads')), f.structure.serviceHeads.join(', ') || '—'],
          [t(k('officials')), f.structure.officials.join(', ') || '—'],
        ],
      },
      {
        table: {
          cols: [
            [t(k('col.unit')), 280],
            [t(k('col.unitHead')), 0],
          ],
          rows: f.structure.unitHeads.map((u) => [u.unit, u.head]),
        },
      },
      { text: x.structure ?? '' },
    ],
  };
  return renderDocument(t, m, {
    title: t(k('title')),
    subtitle: t(k('subtitle'), { date: d(f.asOf) }),
    prepared: t(a('preparedBy')),
    sections: REGULATION_SECTIONS.map((s, i) => ({ heading: `${i + 1}) ${t(k(`section.${s}`))}`, blocks: blocks[s] })),
  });
}
