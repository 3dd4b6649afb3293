import { Badge, Button, Menu } from '@mantine/core';
import type { DeadlineAgreement, InstructionStatus, ViolationStatus } from '@baqylau/contracts';
import { useTranslation } from 'react-i18next';

const WHOLE = { label: { overflow: 'visible' } } as const;
const STATUS_COLOR: Record<InstructionStatus, string> = { issued: 'blue', closed: 'green', cancelled: 'gray' };
const VIOLATION_COLOR: Record<ViolationStatus, string> = { open: 'orange', measure_reported: 'blue', verified: 'green', rechecked: 'teal' };
const AGREEMENT_COLOR: Record<DeadlineAgreement, string> = { pending: 'gray', agreed: 'green', disputed: 'red', settled: 'teal' };

export function InstructionStatusBadge({ status }: { status: InstructionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge styles={WHOLE} variant="light" color={STATUS_COLOR[status]} tt="none">
      {t(`common:pc.instr.status.${status}`)}
    </Badge>
  );
}

export function ViolationStatusBadge({ status, overdue }: { status: ViolationStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge styles={WHOLE} variant={overdue ? 'filled' : 'light'} color={overdue ? 'red.8' : VIOLATION_COLOR[status]} tt="none">
      {t(`common:pc.instr.violationStatus.${status}`)}
      {overdue ? ` · ${t('pc.instr.overdue')}` : ''}
    </Badge>
  );
}

export function AgreementBadge({ agreement }: { agreement: DeadlineAgreement }) {
  const { t } = useTranslation();
  return (
    <Badge styles={WHOLE} variant="outline" color={AGREEMENT_COLOR[agreement]} tt="none">
      {t(`common:pc.instr.agreement.${agreement}`)}
    </Badge>
  );
}

/** A document in Kazakh or Russian (the state language first). */
export function PdfMenu({ label, url, testId }: { label: string; url: (lang: 'kk' | 'ru') => string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" data-testid={testId}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={url('kk')} download>
          {t('pc.instr.pdfKk')}
        </Menu.Item>
        <Menu.Item component="a" href={url('ru')} download>
          {t('pc.instr.pdfRu')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
