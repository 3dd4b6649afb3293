import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import type { TechnicalObject } from '@baqylau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { DecommissionForm } from '../shared/DecommissionForm.tsx';
import { ExaminationForm } from './ExaminationForm.tsx';
import { ImportObjectsForm } from './ImportObjectsForm.tsx';
import { ObjectForm } from './ObjectForm.tsx';
import { ObjectHistory } from './ObjectHistory.tsx';
import { TechnicalAlerts } from './TechnicalAlerts.tsx';
import { useDecommissionObject, useTechnicalRegister } from './technical-devices.api.ts';

export const STATE_COLOR: Record<string, string> = {
  valid: 'green',
  due_soon: 'yellow',
  overdue: 'red',
  unfit: 'red',
  none: 'gray',
  decommissioned: 'gray',
};

type Dialog = { kind: 'add' } | { kind: 'import' } | { kind: 'exam' | 'history' | 'decommission'; object: TechnicalObject } | null;

/**
 * R315-6, R315-26 section 5: the register of technical devices, buildings and structures. Each object shows
 * its state per kind of examination; an unfit object or an overdue device stands at the top for the head.
 */
export function TechnicalDevicesPage() {
  const { t } = useTranslation();
  const orgId = useSession().org!.id;
  const decommission = useDecommissionObject(orgId);
  const access = usePcAccess();
  const register = useTechnicalRegister(orgId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [imported, setImported] = useState<number | null>(null);
  const close = () => setDialog(null);
  const alerts = register.data?.alerts ?? [];
  const title =
    dialog?.kind === 'add'
      ? t('pc.technical.add')
      : dialog?.kind === 'import'
        ? t('pc.technical.import')
        : dialog
          ? `${dialog.object.name} (${dialog.object.registrationNumber})`
          : '';
  return (
    <>
      <PageHeader
        title={t('pc.technical.title')}
        description={t('pc.technical.description')}
        actions={
          access.organise && (
            <Group gap="xs">
              <Button variant="default" onClick={() => setDialog({ kind: 'import' })}>
                {t('pc.technical.import')}
              </Button>
              <Button onClick={() => setDialog({ kind: 'add' })}>{t('pc.technical.add')}</Button>
            </Group>
          )
        }
      />
      {imported !== null && (
        <Alert color="green" mb="md" withCloseButton onClose={() => setImported(null)}>
          {t('pc.technical.imported', { count: imported })}
        </Alert>
      )}
      <DataState query={{ ...register, data: register.data?.items }} empty={t('pc.technical.empty')}>
        {(items) => (
          <Stack gap="md">
            <TechnicalAlerts alerts={alerts} />
            {items.map((o) => (
              <Paper key={o.id} withBorder radius="md" p="md" data-testid="pc-technical-object">
                <Group justify="space-between" align="flex-start" wrap="wrap">
                  <Stack gap={2} style={{ minWidth: 0, flex: '1 1 260px' }}>
                    <Title order={2} size="h5">
                      {o.name}{' '}
                      <Badge color={STATE_COLOR[o.state]} variant="light">
                        {t(`pc.technical.state.${o.state}`)}
                      </Badge>
                    </Title>
                    <Text size="sm" c="dimmed">
                      {t(`common:pc.objectKind.${o.kind}`)} · № {o.registrationNumber} · {o.facility}
                      {o.unit ? ` · ${o.unit}` : ''}
                      {o.manufacturer ? ` · ${o.manufacturer}` : ''}
                      {o.serialNumber ? ` · ${t('common:pc.field.serialNumber')} ${o.serialNumber}` : ''}
                    </Text>
                    {o.kinds.map((k) => (
                      <Text key={k.kind} size="sm" component="div">
                        {t(`common:pc.examKind.${k.kind}`)}: {t(`pc.technical.result.${k.latest.result}`)},{' '}
                        {t('pc.technical.nextDue', { date: formatCalendarDate(k.latest.nextDueOn) })}{' '}
                        <Badge size="sm" color={STATE_COLOR[k.state]} variant="light">
                          {k.state === 'due_soon' ? t('pc.technical.daysLeft', { count: k.daysLeft }) : t(`pc.technical.state.${k.state}`)}
                        </Badge>
                      </Text>
                    ))}
                    {o.decommissionedOn && (
                      <Text size="sm" c="dimmed">
                        {t('pc.facility.decommissionedOn', { date: formatCalendarDate(o.decommissionedOn) })}
                      </Text>
                    )}
                  </Stack>
                  <Group gap="xs">
                    <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'history', object: o })}>
                      {t('pc.technical.history')}
                    </Button>
                    {access.inspect && !o.decommissionedOn && (
                      <Button size="xs" onClick={() => setDialog({ kind: 'exam', object: o })}>
                        {t('pc.technical.record')}
                      </Button>
                    )}
                    {access.organise && !o.decommissionedOn && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => setDialog({ kind: 'decommission', object: o })}>
                        {t('pc.facility.decommission')}
                      </Button>
                    )}
                  </Group>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </DataState>
      <Modal opened={!!dialog} onClose={close} title={title} size={dialog?.kind === 'history' ? 'xl' : 'lg'}>
        {dialog?.kind === 'add' && <ObjectForm orgId={orgId} onDone={close} />}
        {dialog?.kind === 'import' && (
          <ImportObjectsForm
            orgId={orgId}
            onDone={(n) => {
              if (n) setImported(n);
              close();
            }}
          />
        )}
        {dialog?.kind === 'exam' && <ExaminationForm orgId={orgId} object={dialog.object} onDone={close} />}
        {dialog?.kind === 'history' && <ObjectHistory orgId={orgId} objectId={dialog.object.id} />}
        {dialog?.kind === 'decommission' && (
          <DecommissionForm id={dialog.object.id} act={decommission} hint={t('pc.technical.decommissionHint')} onDone={close} />
        )}
      </Modal>
    </>
  );
}
