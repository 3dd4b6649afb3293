import { Badge, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { useFacilities } from '../facilities/facilities.queries.ts';
import type { Appointment } from '../shared/pc.types.ts';
import { AppointForm } from './AppointForm.tsx';
import { EndAppointmentForm } from './EndAppointmentForm.tsx';
import { useAppointments } from './officials.queries.ts';

/** R315-3: appointments of officials by the first head's order — in force and the history. */
export function OfficialsPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const orgId = org!.id;
  const list = useAppointments(orgId);
  const facilities = useFacilities(orgId);
  const [appointing, setAppointing] = useState(false);
  const [ending, setEnding] = useState<Appointment | null>(null);
  const scope = (a: Appointment) => {
    const all = facilities.data ?? [];
    const fac = a.facilityIds.map((id) => all.find((f) => f.id === id)?.name ?? '…').join(', ');
    const units = all.flatMap((f) => f.units).filter((u) => a.unitIds.includes(u.id));
    return units.length ? `${fac} (${units.map((u) => u.name).join(', ')})` : fac;
  };

  return (
    <>
      <PageHeader
        title={t('pc.officials.title')}
        description={t('pc.officials.description')}
        actions={access.firstHead && <Button onClick={() => setAppointing(true)}>{t('pc.appointment.appoint')}</Button>}
      />
      <DataState query={list} empty={t('pc.officials.empty')}>
        {(rows) => (
          <Stack gap="sm">
            {rows.map((a) => (
              <Paper key={a.id} withBorder radius="md" p="md" data-testid="pc-appointment">
                <Group justify="space-between" align="flex-start" wrap="wrap">
                  <Stack gap={2} style={{ minWidth: 0, flex: '1 1 260px' }}>
                    <Text fw={700}>
                      {a.personName}{' '}
                      <Badge variant="light" color={a.inForce ? 'teal' : 'gray'}>
                        {a.inForce ? t('pc.appointment.inForce') : t('pc.appointment.notInForce')}
                      </Badge>
                    </Text>
                    <Text size="sm">{t(`common:pc.position.${a.position}`)}</Text>
                    <Text size="sm" c="dimmed">
                      {t('pc.appointment.order', { number: a.orderNumber, date: formatCalendarDate(a.orderDate) })} ·{' '}
                      {t('pc.appointment.period', {
                        from: formatCalendarDate(a.validFrom),
                        to: a.validTo ? formatCalendarDate(a.validTo) : '…',
                      })}
                    </Text>
                    <Text size="sm">{scope(a)}</Text>
                    {a.endReason && (
                      <Text size="sm" c="dimmed">
                        {t('pc.appointment.endReason')}: {a.endReason}
                      </Text>
                    )}
                  </Stack>
                  {access.firstHead && !a.validTo && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => setEnding(a)}>
                      {t('pc.appointment.end')}
                    </Button>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </DataState>
      <Modal opened={appointing} onClose={() => setAppointing(false)} title={t('pc.appointment.appointTitle')} size="lg">
        <AppointForm orgId={orgId} onDone={() => setAppointing(false)} />
      </Modal>
      <Modal opened={!!ending} onClose={() => setEnding(null)} title={t('pc.appointment.endTitle', { name: ending?.personName ?? '' })}>
        {ending && <EndAppointmentForm orgId={orgId} appointment={ending} onDone={() => setEnding(null)} />}
      </Modal>
    </>
  );
}
