import { Badge } from '@mantine/core';
import type { InstructionReportState } from '@baqylau/contracts';
import { useTranslation } from 'react-i18next';

const STATE_COLOR: Record<InstructionReportState, string> = { on_time: 'teal', overdue: 'red', closed: 'gray', cancelled: 'orange' };

/** An instruction's state as the monthly report counts it (R315-18). */
export function ReportStateBadge({ state }: { state: InstructionReportState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" tt="none" styles={{ label: { overflow: 'visible' } }}>
      {t(`common:pc.doc.monthly.state.${state}`)}
    </Badge>
  );
}

/**
 * "2026 ж. наурыз", "март 2026 г.", "March 2026" from the catalogs (browsers' own Kazakh month
 * names are missing: chromium writes "2026 M03"); `short` gives the chart axis form "нау 2026".
 */
export function useMonthLabel() {
  const { t } = useTranslation();
  return (month: string, short = false) => {
    const [year, m] = month.split('-');
    const n = Number(m);
    return short ? `${t(`pc.report.monthShort.${n}`)} ${year}` : t('pc.report.monthLabel', { year, name: t(`pc.report.monthName.${n}`) });
  };
}
