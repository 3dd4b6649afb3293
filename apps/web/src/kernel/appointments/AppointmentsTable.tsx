import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, todayInZone } from '../format/datetime.ts';
import type { Appointment } from './appointments.queries.ts';
import { appointmentStatus, STATUS_COLOR } from './appointmentStatus.ts';

interface Props {
  rows: Appointment[];
  canEnd: boolean;
  onEnd: (a: Appointment) => void;
}

export function AppointmentsTable({ rows, canEnd, onEnd }: Props) {
  const { t } = useTranslation();
  const today = todayInZone();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('appointments.title')} data-testid="appointments-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('appointments.person')}</Table.Th>
            <Table.Th>{t('appointments.kind')}</Table.Th>
            <Table.Th>{t('appointments.order')}</Table.Th>
            <Table.Th>{t('appointments.period')}</Table.Th>
            <Table.Th>{t('appointments.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((a) => {
            const status = appointmentStatus(a, today);
            return (
              <Table.Tr key={a.id}>
                <Table.Td fw={500}>{a.personName}</Table.Td>
                <Table.Td>{t(`common:appointmentKind.${a.kind}`)}</Table.Td>
                <Table.Td>{t('appointments.orderRef', { number: a.orderNumber, date: formatCalendarDate(a.orderDate) })}</Table.Td>
                <Table.Td>
                  {formatCalendarDate(a.validFrom)} — {a.validTo ? formatCalendarDate(a.validTo) : t('appointments.open')}
                </Table.Td>
                <Table.Td style={{ minWidth: 150 }}>
                  <Badge
                    variant="light"
                    color={STATUS_COLOR[status]}
                    tt="none"
                    size="md"
                    styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}
                  >
                    {t(`appointments.state.${status}`)}
                  </Badge>
                  {a.endReason && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('appointments.endedBecause', { reason: a.endReason })}
                    </Text>
                  )}
                  {canEnd && status !== 'ended' && (
                    <Button
                      display="block"
                      mt={6}
                      size="compact-xs"
                      variant="light"
                      color="red"
                      onClick={() => onEnd(a)}
                      aria-label={t('appointments.endFor', { name: a.personName })}
                    >
                      {t('appointments.end')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
