import { Button, Modal, Paper } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataState } from '../components/DataState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useSession } from '../shell/SessionContext.tsx';
import { AppointForm } from './AppointForm.tsx';
import { useAppointments, type Appointment } from './appointments.queries.ts';
import { AppointmentsTable } from './AppointmentsTable.tsx';
import { EndAppointmentForm } from './EndAppointmentForm.tsx';

/** R444-6: the head appoints the responsible person (and a deputy) by an order, and ends appointments. */
export function AppointmentsPage() {
  const { t } = useTranslation();
  const { org, access } = useSession();
  const orgId = org!.id;
  const appointments = useAppointments(orgId);
  const [appointing, setAppointing] = useState(false);
  const [ending, setEnding] = useState<Appointment | null>(null);
  return (
    <>
      <PageHeader
        title={t('appointments.title')}
        description={t('appointments.description')}
        actions={access.appoint && <Button onClick={() => setAppointing(true)}>{t('appointments.appoint')}</Button>}
      />
      <Paper withBorder radius="md">
        <DataState query={appointments} empty={t('appointments.empty')}>
          {(rows) => <AppointmentsTable rows={rows} canEnd={access.appoint} onEnd={setEnding} />}
        </DataState>
      </Paper>
      <Modal opened={appointing} onClose={() => setAppointing(false)} title={t('appointments.appointTitle')} size="lg">
        <AppointForm orgId={orgId} onDone={() => setAppointing(false)} />
      </Modal>
      <Modal opened={ending !== null} onClose={() => setEnding(null)} title={t('appointments.endTitle')} size="md">
        {ending && <EndAppointmentForm orgId={orgId} appointment={ending} onDone={() => setEnding(null)} />}
      </Modal>
    </>
  );
}
