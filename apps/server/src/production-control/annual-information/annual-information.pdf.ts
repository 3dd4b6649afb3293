import type { TFunction } from 'i18next';
import { ANNUAL_SECTIONS, type AnnualInformationFigures, type PcDocumentContent } from '@baqylau/contracts';
import { formatDate } from '../../platform/format.ts';
import { renderDocument, type Block, type DocumentMeta } from '../documents/documents.pdf.ts';

const k = (key: string) => `common:pc.annual.${key}`;

/**
 * R315-26: the annual information on the organisation of production control — the seven sections of
 * point 26 in its order and words, each the year's figures, tables and the service's own text.
 */
export function renderAnnualInformation(content: PcDocumentContent, m: DocumentMeta, t: TFunction) {
  const f = content.figures as AnnualInformationFigures;
  const d = (v: string | null) => (v ? formatDate(v) : '—');
  const plan = (p: AnnualInformationFigures['plan']['past']) =>
    p
      ? t(k('plan.state'), { title: p.title, version: p.version, approved: p.approvedOn ? d(p.approvedOn) : t(k('notApproved')) })
      : t(k('plan.none'));
  const blocks: Record<(typeof ANNUAL_SECTIONS)[number], Block[]> = {
    plan: [
      {
        lines: [
          [t(k('plan.current'), { year: f.year + 1 }), plan(f.plan.current)],
          [t(k('plan.past'), { year: f.year }), plan(f.plan.past)],
          [t(k('plan.measures')), f.plan.past?.measures ?? 0],
          [t(k('plan.done')), f.plan.past?.done ?? 0],
          [t(k('plan.doneOnTime')), f.plan.past?.doneOnTime ?? 0],
        ],
      },
      {
        table: {
          cols: [
            ['№', 28],
            [t(k('col.measure')), 200],
            [t(k('col.responsible')), 110],
            [t(k('col.dueOn')), 60],
            [t(k('col.doneOn')), 0],
          ],
          rows: f.plan.measures.map((x) => [x.ordinal, x.measure, x.responsible, d(x.dueOn), x.doneOn ? d(x.doneOn) : t(k('notDone'))]),
        },
      },
    ],
    management: [
      {
        lines: [
          [t(k('mgmt.facilities')), f.management.facilities],
          [t(k('mgmt.units')), f.management.units],
          [t(k('mgmt.officials')), f.management.officials.length],
          [
            t(k('mgmt.schedule'), { year: f.year }),
            f.management.schedule
              ? t(k('mgmt.scheduleState'), { ...f.management.schedule, approvedOn: d(f.management.schedule.approvedOn) })
              : t(k('plan.none')),
          ],
        ],
      },
      {
        table: {
          cols: [
            [t(k('col.person')), 130],
            [t(k('col.position')), 110],
            [t(k('col.order')), 90],
            [t(k('col.scope')), 0],
          ],
          rows: f.management.officials.map((o) => [
            o.fullName,
            t(`common:pc.position.${o.position}`),
            o.order,
            [...o.facilities, ...o.units].join('; '),
          ]),
        },
      },
    ],
    violations: [
      {
        lines: [
          [
            t(k('viol.inspections')),
            t(k('viol.byKind'), {
              ...f.violations.inspections,
              total: f.violations.inspections.scheduled + f.violations.inspections.extraordinary + f.violations.inspections.comprehensive,
            }),
          ],
          [t(k('viol.found')), f.violations.found],
          [t(k('viol.dangerous')), f.violations.dangerous],
          [t(k('viol.eliminated')), f.violations.eliminated],
          [t(k('viol.onSpot')), f.violations.eliminatedOnSpot],
          [t(k('viol.open')), f.violations.open],
          [t(k('viol.instructions')), t(k('viol.instructionStates'), f.violations.instructions)],
          [t(k('viol.proposals')), t(k('viol.proposalStates'), f.violations.proposals)],
        ],
      },
      {
        table: {
          cols: [
            [t(k('col.facility')), 200],
            [t(k('col.inspections')), 75],
            [t(k('col.found')), 75],
            [t(k('col.eliminated')), 75],
            [t(k('col.open')), 0],
          ],
          rows: f.violations.byFacility.map((r) => [r.facility, r.inspections, r.found, r.eliminated, r.open]),
        },
      },
    ],
    readiness: [
      {
        lines: [
          [t(k('ready.without')), f.readiness.withoutValidPlan],
          [t(k('ready.extraordinary')), f.readiness.extraordinaryInspections],
        ],
      },
      {
        table: {
          cols: [
            [t(k('col.facility')), 140],
            [t(k('col.plan')), 150],
            [t(k('col.approvedOn')), 70],
            [t(k('col.validUntil')), 70],
            [t(k('col.state')), 0],
          ],
          rows: f.readiness.plans.map((p) => [
            p.facility,
            p.title ? `${p.title} (${t(k('version'), { version: p.version })})` : '—',
            d(p.approvedOn),
            d(p.validUntil),
            t(k(`ready.state.${p.state}`)),
          ]),
        },
      },
    ],
    devices: [
      {
        table: {
          cols: [
            [t(k('col.facility')), 150],
            [t(k('col.devices')), 60],
            [t(k('col.buildings')), 60],
            [t(k('col.structures')), 60],
            [t(k('col.examined')), 65],
            [t(k('col.unfit')), 55],
            [t(k('col.overdue')), 0],
          ],
          rows: [...f.devices.lines, { facility: t(k('total')), ...f.devices.totals }].map((l) => [
            l.facility,
            l.devices,
            l.buildings,
            l.structures,
            l.examined,
            l.unfit,
            l.overdue,
          ]),
        },
      },
    ],
    accidents: [
      {
        lines: [
          [t(k('acc.counts')), t(k('acc.byKind'), f.accidents.counts)],
          [t(k('acc.injured')), f.accidents.injured],
          [t(k('acc.fatalities')), f.accidents.fatalities],
          [t(k('acc.investigated')), f.accidents.investigated],
        ],
      },
      {
        table: {
          cols: [
            [t(k('col.number')), 70],
            [t(k('col.kind')), 70],
            [t(k('col.date')), 60],
            [t(k('col.facility')), 110],
            [t(k('col.people')), 55],
            [t(k('col.causes')), 0],
          ],
          rows: f.accidents.list.map((a) => [
            a.number,
            t(k(`acc.kind.${a.kind}`)),
            d(a.occurredOn),
            a.facility,
            `${a.injured} / ${a.fatalities}`,
            a.causes ?? t(k(`acc.status.${a.status}`)),
          ]),
        },
        empty: t(k('acc.none')),
      },
    ],
    training: [
      {
        lines: [
          [t(k('train.records')), t(k('train.byKind'), f.training.records)],
          [t(k('train.people')), f.training.people],
          [t(k('train.expired')), f.training.expired.length],
        ],
      },
      {
        table: {
          cols: [
            [t(k('col.person')), 170],
            [t(k('col.position')), 170],
            [t(k('col.validUntil')), 0],
          ],
          rows: f.training.expired.map((e) => [e.fullName, e.position, d(e.validUntil)]),
        },
      },
    ],
  };
  return renderDocument(t, m, {
    title: t(k('title')),
    subtitle: t(k('subtitle'), { year: f.year }),
    prepared: t(k('preparedBy')),
    sections: ANNUAL_SECTIONS.map((s, i) => ({
      heading: `${i + 1}. ${t(k(`section.${s}`))}`,
      blocks: [...blocks[s], { text: content.texts[s] ?? '' }],
    })),
  });
}
