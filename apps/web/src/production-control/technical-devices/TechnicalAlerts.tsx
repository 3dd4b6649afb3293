import { Alert, Anchor, Stack, Text } from '@mantine/core';
import type { TechnicalAlert } from '@baqylau/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import { PC_HOME } from '../navigation.ts';
import { useTechnicalRegister } from './technical-devices.api.ts';

/** R315-6: objects found unfit and examinations overdue — on the register, and on the head's dashboard. */
export function TechnicalAlerts({ alerts, linkToRegister = false }: { alerts: TechnicalAlert[]; linkToRegister?: boolean }) {
  const { t } = useTranslation();
  if (!alerts.length) return null;
  return (
    <Alert color="red" variant="filled" title={t('pc.technical.alertsTitle')} data-testid="pc-technical-alerts">
      <Stack gap={4}>
        {alerts.map((a) => (
          <Text key={`${a.objectId}/${a.examinationKind}`} size="sm">
            {a.state === 'unfit'
              ? t('pc.technical.alertUnfit', { name: a.name, number: a.registrationNumber, facility: a.facility })
              : t('pc.technical.alertOverdue', {
                  name: a.name,
                  number: a.registrationNumber,
                  facility: a.facility,
                  kind: t(`common:pc.examKind.${a.examinationKind}`),
                  date: formatCalendarDate(a.nextDueOn),
                })}
          </Text>
        ))}
        {linkToRegister && (
          <Anchor component={Link} to={`${PC_HOME}/technical-objects`} c="white" size="sm" fw={700}>
            {t('pc.nav.technicalObjects')} →
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}

/** The dashboard's copy: the register's alerts, for those who read the register. */
export function DashboardTechnicalAlerts({ orgId }: { orgId: string }) {
  const register = useTechnicalRegister(orgId);
  return <TechnicalAlerts alerts={register.data?.alerts ?? []} linkToRegister />;
}
