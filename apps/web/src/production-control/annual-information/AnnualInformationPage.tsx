import { Select } from '@mantine/core';
import { ANNUAL_REQUIRED_TEXTS, type AnnualInformationFigures, type PlanState } from '@baqylau/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { DocumentPage, Figures, SimpleTable, type DocumentSection } from '../documents/DocumentPage.tsx';
import { useLiveDocument } from '../documents/documents.api.ts';

const k = (key: string) => `common:pc.annual.${key}`;
const d = (v: string | null) => (v ? formatCalendarDate(v) : '—');

/** The seven sections of point 26, in its order: the year's figures and the service's texts. */
function useSections(f: AnnualInformationFigures | undefined): DocumentSection[] {
  const { t } = useTranslation();
  if (!f) return [];
  const plan = (p: PlanState | null) =>
    p
      ? t(k('plan.state'), { title: p.title, version: p.version, approved: p.approvedOn ? d(p.approvedOn) : t(k('notApproved')) })
      : t(k('plan.none'));
  const v = f.violations;
  const body: Record<string, ReactNode> = {
    plan: (
      <>
        <Figures
          lines={[
            [t(k('plan.current'), { year: f.year + 1 }), plan(f.plan.current)],
            [t(k('plan.past'), { year: f.year }), plan(f.plan.past)],
            [
              t(k('plan.done')),
              `${f.plan.past?.done ?? 0} / ${f.plan.past?.measures ?? 0} (${t(k('plan.doneOnTime'))}: ${f.plan.past?.doneOnTime ?? 0})`,
            ],
          ]}
        />
        <SimpleTable
          heads={['№', t(k('col.measure')), t(k('col.responsible')), t(k('col.dueOn')), t(k('col.doneOn'))]}
          rows={f.plan.measures.map((m) => [m.ordinal, m.measure, m.responsible, d(m.dueOn), m.doneOn ? d(m.doneOn) : t(k('notDone'))])}
        />
      </>
    ),
    management: (
      <>
        <Figures
          lines={[
            [t(k('mgmt.facilities')), f.management.facilities],
            [t(k('mgmt.units')), f.management.units],
            [
              t(k('mgmt.schedule'), { year: f.year }),
              f.management.schedule
                ? t(k('mgmt.scheduleState'), { ...f.management.schedule, approvedOn: d(f.management.schedule.approvedOn) })
                : t(k('plan.none')),
            ],
          ]}
        />
        <SimpleTable
          heads={[t(k('col.person')), t(k('col.position')), t(k('col.order')), t(k('col.scope'))]}
          rows={f.management.officials.map((o) => [
            o.fullName,
            t(`common:pc.position.${o.position}`),
            o.order,
            [...o.facilities, ...o.units].join('; '),
          ])}
        />
      </>
    ),
    violations: (
      <>
        <Figures
          lines={[
            [
              t(k('viol.inspections')),
              t(k('viol.byKind'), {
                ...v.inspections,
                total: v.inspections.scheduled + v.inspections.extraordinary + v.inspections.comprehensive,
              }),
            ],
            [t(k('viol.found')), `${v.found} (${t(k('viol.dangerous'))}: ${v.dangerous})`],
            [t(k('viol.eliminated')), `${v.eliminated} (${t(k('viol.onSpot'))}: ${v.eliminatedOnSpot})`],
            [t(k('viol.open')), v.open],
            [t(k('viol.instructions')), t(k('viol.instructionStates'), v.instructions)],
            [t(k('viol.proposals')), t(k('viol.proposalStates'), v.proposals)],
          ]}
        />
        <SimpleTable
          heads={[t(k('col.facility')), t(k('col.inspections')), t(k('col.found')), t(k('col.eliminated')), t(k('col.open'))]}
          rows={v.byFacility.map((r) => [r.facility, r.inspections, r.found, r.eliminated, r.open])}
        />
      </>
    ),
    readiness: (
      <>
        <Figures
          lines={[
            [t(k('ready.without')), f.readiness.withoutValidPlan],
            [t(k('ready.extraordinary')), f.readiness.extraordinaryInspections],
          ]}
        />
        <SimpleTable
          heads={[t(k('col.facility')), t(k('col.plan')), t(k('col.approvedOn')), t(k('col.validUntil')), t(k('col.state'))]}
          rows={f.readiness.plans.map((p) => [
            p.facility,
            p.title ?? '—',
            d(p.approvedOn),
            d(p.validUntil),
            t(k(`ready.state.${p.state}`)),
          ])}
        />
      </>
    ),
    devices: (
      <SimpleTable
        heads={[
          t(k('col.facility')),
          t(k('col.devices')),
          t(k('col.buildings')),
          t(k('col.structures')),
          t(k('col.examined')),
          t(k('col.unfit')),
          t(k('col.overdue')),
        ]}
        rows={[...f.devices.lines, { facility: t(k('total')), ...f.devices.totals }].map((l) => [
          l.facility,
          l.devices,
          l.buildings,
          l.structures,
          l.examined,
          l.unfit,
          l.overdue,
        ])}
      />
    ),
    accidents: (
      <>
        <Figures
          lines={[
            [t(k('acc.counts')), t(k('acc.byKind'), f.accidents.counts)],
            [t(k('acc.injured')), f.accidents.injured],
            [t(k('acc.fatalities')), f.accidents.fatalities],
            [t(k('acc.investigated')), f.accidents.investigated],
          ]}
        />
        <SimpleTable
          heads={[t(k('col.number')), t(k('col.kind')), t(k('col.date')), t(k('col.facility')), t(k('col.people')), t(k('col.causes'))]}
          rows={f.accidents.list.map((a) => [
            a.number,
            t(k(`acc.kind.${a.kind}`)),
            d(a.occurredOn),
            a.facility,
            `${a.injured} / ${a.fatalities}`,
            a.causes ?? t(k(`acc.status.${a.status}`)),
          ])}
        />
      </>
    ),
    training: (
      <>
        <Figures
          lines={[
            [t(k('train.records')), t(k('train.byKind'), f.training.records)],
            [t(k('train.people')), f.training.people],
            [t(k('train.expired')), f.training.expired.length],
          ]}
        />
        <SimpleTable
          heads={[t(k('col.person')), t(k('col.position')), t(k('col.validUntil'))]}
          rows={f.training.expired.map((e) => [e.fullName, e.position, d(e.validUntil)])}
        />
      </>
    ),
  };
  return Object.entries(body).map(([key, node], i) => ({
    key,
    heading: `${i + 1}. ${t(k(`section.${key}`))}`,
    body: node,
    texts: [{ key, label: t('pc.docs.text'), required: (ANNUAL_REQUIRED_TEXTS as string[]).includes(key) }],
  }));
}

/** R315-26: the annual information on the organisation of production control, per year. */
export function AnnualInformationPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const orgId = org!.id;
  const current = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => String(current - i));
  const [year, setYear] = useState(years[1]!);
  const doc = { slug: 'annual-information' as const, period: year };
  const live = useLiveDocument<AnnualInformationFigures>(orgId, doc);
  const sections = useSections(live.data?.figures);
  return (
    <>
      <PageHeader
        title={t('pc.docs.annual.title')}
        description={t('pc.docs.annual.description')}
        actions={
          <Select
            aria-label={t('pc.docs.year')}
            data={years}
            value={year}
            onChange={(v) => v && setYear(v)}
            allowDeselect={false}
            data-testid="annual-year"
          />
        }
      />
      <ErrorAlert error={live.error} />
      <DocumentPage
        orgId={orgId}
        doc={doc}
        live={live.data}
        sections={sections}
        notPresentable={year === String(current) ? t('pc.docs.annual.notOver') : undefined}
      />
    </>
  );
}
