import { Title } from '@mantine/core';
import { REGULATION_REQUIRED_TEXTS, type RegulationFigures } from '@baqylau/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { DocumentPage, Figures, SimpleTable, type DocumentSection } from '../documents/DocumentPage.tsx';
import { useLiveDocument } from '../documents/documents.api.ts';

const k = (key: string) => `common:pc.regulation.${key}`;
const a = (key: string) => `common:pc.annual.${key}`;
const d = (v: string | null) => (v ? formatCalendarDate(v) : '—');
const Sub = ({ children }: { children: ReactNode }) => (
  <Title order={3} size="h6">
    {children}
  </Title>
);

/** Point 6's sections in its order: the data as at today and the service's texts. */
function useSections(f: RegulationFigures | undefined): DocumentSection[] {
  const { t } = useTranslation();
  if (!f) return [];
  const fac = f.facilities;
  const text = (key: string) => ({
    key,
    label: t(`common:pc.docText.${key}`),
    required: (REGULATION_REQUIRED_TEXTS as string[]).includes(key),
  });
  const sections: [string, ReactNode, string[]][] = [
    [
      'powers',
      <SimpleTable
        heads={[t(a('col.person')), t(a('col.position')), t(a('col.order')), t(a('col.scope'))]}
        rows={f.officials.map((o) => [
          o.fullName,
          t(`common:pc.position.${o.position}`),
          o.order,
          [...o.facilities, ...o.units].join('; '),
        ])}
      />,
      ['powers'],
    ],
    [
      'facilities',
      <>
        <Figures
          lines={[
            [t(k('facilitiesCount')), fac.length],
            [t(k('unitsCount')), f.units],
          ]}
        />
        <SimpleTable
          heads={[t(a('col.facility')), t(k('col.registration')), t(k('col.units'))]}
          rows={fac.map((h) => [h.name, h.registrationNumber, h.units.join('; ')])}
        />
      </>,
      ['facilities'],
    ],
    [
      'description',
      <>
        <SimpleTable
          heads={[t(a('col.facility')), t(k('col.address')), t(k('col.hazards'))]}
          rows={fac.map((h) => [h.name, h.address, h.hazardFeatures.map((z) => t(`common:pc.hazard.${z}`)).join('; ')])}
        />
        <Sub>{t(k('desc.buildings'))}</Sub>
        <SimpleTable
          heads={[t(a('col.facility')), t(k('col.buildings')), t(k('col.examined')), t(a('col.overdue'))]}
          rows={fac.map((h) => [h.name, h.buildings, h.buildingsExamined, h.buildingsOverdue])}
        />
        <Sub>{t(k('desc.devices'))}</Sub>
        <SimpleTable
          heads={[t(a('col.facility')), t(a('col.devices')), t(k('col.certified')), t(a('col.overdue'))]}
          rows={fac.map((h) => [h.name, h.devices, h.devicesCertified, h.devicesOverdue])}
        />
        <Sub>{t(k('desc.accidents'))}</Sub>
        <SimpleTable
          heads={[t(a('col.facility')), t(a('acc.kind.accident')), t(a('acc.kind.incident')), t(a('acc.kind.injury'))]}
          rows={fac.map((h) => [h.name, h.accidents.accident, h.accidents.incident, h.accidents.injury])}
        />
        <Sub>{t(k('desc.training'))}</Sub>
        <SimpleTable
          heads={[t(a('col.facility')), t(k('col.trainedValid')), t(k('col.trainedExpired'))]}
          rows={fac.map((h) => [h.name, h.trainedValid, h.trainedExpired])}
        />
      </>,
      ['description'],
    ],
    [
      'plan',
      <>
        <Figures
          lines={[
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
          ]}
        />
        <SimpleTable
          heads={['№', t(a('col.measure')), t(a('col.responsible')), t(a('col.dueOn'))]}
          rows={f.plan.measures.map((m) => [m.ordinal, m.measure, m.responsible, d(m.dueOn)])}
        />
      </>,
      ['plan'],
    ],
    [
      'control',
      <>
        <Sub>{t(k('ctl.periodicity'))}</Sub>
        <Figures
          lines={[
            [
              t(a('mgmt.schedule'), { year: f.schedule.year }),
              f.schedule.revision
                ? t(k('scheduleState'), { revision: f.schedule.revision, approvedOn: d(f.schedule.approvedOn) })
                : t(a('plan.none')),
            ],
          ]}
        />
        <SimpleTable
          heads={[t(a('col.facility')), t(k('col.unit')), t(k('col.scheduled')), t(k('col.comprehensive'))]}
          rows={f.schedule.lines.map((l) => [l.facility, l.unit ?? t(k('wholeFacility')), l.scheduled, l.comprehensive])}
        />
      </>,
      ['periodicity', 'reporting', 'criteria', 'decisions', 'control'],
    ],
    [
      'structure',
      <>
        <Figures
          lines={[
            [t(k('serviceHeads')), f.structure.serviceHeads.join(', ') || '—'],
            [t(k('officials')), f.structure.officials.join(', ') || '—'],
          ]}
        />
        <SimpleTable heads={[t(k('col.unit')), t(k('col.unitHead'))]} rows={f.structure.unitHeads.map((u) => [u.unit, u.head])} />
      </>,
      ['structure'],
    ],
  ];
  return sections.map(([key, body, texts], i) => ({ key, heading: `${i + 1}) ${t(k(`section.${key}`))}`, body, texts: texts.map(text) }));
}

/** R315-6: the production-control regulation, generated from the data, approved by the first head. */
export function RegulationPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const orgId = org!.id;
  const doc = { slug: 'regulation' as const };
  const live = useLiveDocument<RegulationFigures>(orgId, doc);
  const sections = useSections(live.data?.figures);
  return (
    <>
      <PageHeader title={t('pc.docs.regulation.title')} description={t('pc.docs.regulation.description')} />
      <ErrorAlert error={live.error} />
      <DocumentPage orgId={orgId} doc={doc} live={live.data} sections={sections} />
    </>
  );
}
