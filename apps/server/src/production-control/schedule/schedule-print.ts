import type { TFunction } from 'i18next';
import type { AppDeps } from '../../platform/deps.ts';
import { formatDate } from '../../platform/format.ts';
import { formColumns } from '../forms/forms.usecases.ts';
import { renderFormTable } from '../forms/renderFormTable.ts';
import type { DescribedItem } from './describeItems.ts';
import type { ScheduleRow } from './schedule.repository.ts';

/** R315-7: the schedule printed on the organisation's Appendix 1 columns, in Kazakh or Russian. */
export async function printSchedule(
  deps: AppDeps,
  t: TFunction,
  lang: 'kk' | 'ru',
  s: ScheduleRow,
  items: DescribedItem[],
  org: { name: string; approverName: string | null },
) {
  const { columns } = await formColumns(deps.db, s.organisationId, 'schedule');
  const rows = items.map((i, n) => ({
    number: String(n + 1),
    facility: i.facilityName,
    registrationNumber: i.registrationNumber,
    address: i.address,
    unit: i.unitName ?? '—',
    kind: t(`common:pc.inspectionKind.${i.kind}`),
    plannedOn: formatDate(i.plannedOn),
    checklist: i.checklistTitle,
    responsible: i.responsibleName,
    executionMark: i.done ? '✓' : '',
  }));
  const status =
    s.status === 'draft'
      ? t('common:pc.pdf.schedule.draft', { revision: s.revision })
      : t('common:pc.pdf.schedule.approved', {
          name: org.approverName ?? '',
          date: s.approvedAt ? formatDate(s.approvedAt) : '',
          revision: s.revision,
        });
  return renderFormTable(columns, rows, lang, {
    title: t('common:pc.pdf.schedule.title', { year: s.year }),
    lines: [org.name, t('common:pc.pdf.basis')],
    footer: [status],
  });
}
