import { Badge } from '@mantine/core';
import type { Severity, ViolationStatus } from '@baqylau/contracts';
import { useTranslation } from 'react-i18next';
import type { NormativeReference } from '@baqylau/contracts';

const SEVERITY_COLOR: Record<Severity, string> = { minor: 'gray', major: 'orange', critical: 'red' };
const STATUS_COLOR: Record<ViolationStatus, string> = { open: 'red', measure_reported: 'yellow', verified: 'teal', rechecked: 'green' };

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <Badge color={SEVERITY_COLOR[severity]} variant="light">
      {t(`common:pc.severity.${severity}`)}
    </Badge>
  );
}

export function ViolationStatusBadge({ status }: { status: ViolationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {t(`common:pc.violationStatus.${status}`)}
    </Badge>
  );
}

/** "Act, point N" as the checklist wrote it. */
export function referenceText(r: NormativeReference, t: (k: string, o?: Record<string, unknown>) => string) {
  return t('pc.reference', { act: r.act, point: r.point });
}
