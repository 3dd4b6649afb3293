import { Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import type { Facility, Unit } from '../shared/pc.types.ts';
import { DecommissionForm } from '../shared/DecommissionForm.tsx';
import { FacilityForm } from './FacilityForm.tsx';
import { UnitForm } from './UnitForm.tsx';
import { useDecommission, useFacilities, usePeople } from './facilities.queries.ts';

type Dialog =
  | { kind: 'facility'; facility?: Facility }
  | { kind: 'decommission'; facility: Facility }
  | { kind: 'unit'; facility: Facility; unit?: Unit }
  | null;

/** R315-9: the HPF register, each facility with its structural units and their heads (cards, readable on a phone). */
export function FacilitiesPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const orgId = org!.id;
  const decommission = useDecommission(orgId);
  const facilities = useFacilities(orgId);
  const people = usePeople(orgId);
  const name = (id: string | null) => (id ? (people.data?.find((p) => p.id === id)?.fullName ?? '…') : t('pc.unit.vacant'));
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const title =
    dialog?.kind === 'facility'
      ? dialog.facility
        ? t('pc.facility.editTitle')
        : t('pc.facility.addTitle')
      : dialog?.kind === 'unit'
        ? dialog.unit
          ? t('pc.unit.editTitle')
          : t('pc.unit.addTitle', { facility: dialog.facility.name })
        : dialog?.kind === 'decommission'
          ? t('pc.facility.decommissionTitle', { name: dialog.facility.name })
          : '';

  return (
    <>
      <PageHeader
        title={t('pc.facilities.title')}
        description={t('pc.facilities.description')}
        actions={access.organise && <Button onClick={() => setDialog({ kind: 'facility' })}>{t('pc.facility.addTitle')}</Button>}
      />
      <DataState query={facilities} empty={t('pc.facilities.empty')}>
        {(rows) => (
          <Stack gap="md">
            {rows.map((f) => (
              <Paper key={f.id} withBorder radius="md" p="md" data-testid="pc-facility">
                <Group justify="space-between" align="flex-start" wrap="wrap">
                  <Stack gap={2} style={{ minWidth: 0, flex: '1 1 260px' }}>
                    <Title order={2} size="h4">
                      {f.name}{' '}
                      {f.decommissionedOn && (
                        <Badge color="gray" variant="light">
                          {t('pc.facility.decommissionedOn', { date: formatCalendarDate(f.decommissionedOn) })}
                        </Badge>
                      )}
                    </Title>
                    <Text size="sm" c="dimmed">
                      {t('common:pc.field.registrationNumber')}: {f.registrationNumber} · {f.address}
                    </Text>
                    <Text size="sm">{f.hazardFeatures.map((h) => t(`common:pc.hazard.${h}`)).join('; ')}</Text>
                    {f.safeOperationConditions && (
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {f.safeOperationConditions}
                      </Text>
                    )}
                  </Stack>
                  {access.organise && !f.decommissionedOn && (
                    <Group gap="xs">
                      <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'facility', facility: f })}>
                        {t('pc.action.edit')}
                      </Button>
                      <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'unit', facility: f })}>
                        {t('pc.unit.add')}
                      </Button>
                      <Button size="xs" variant="subtle" color="red" onClick={() => setDialog({ kind: 'decommission', facility: f })}>
                        {t('pc.facility.decommission')}
                      </Button>
                    </Group>
                  )}
                </Group>
                <Stack gap={4} mt="sm">
                  {f.units.map((u) => (
                    <Group key={u.id} justify="space-between" gap="xs" wrap="wrap">
                      <Text size="sm">
                        <b>{u.name}</b> — {name(u.headId)}
                      </Text>
                      {access.organise && !f.decommissionedOn && (
                        <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: 'unit', facility: f, unit: u })}>
                          {t('pc.action.edit')}
                        </Button>
                      )}
                    </Group>
                  ))}
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </DataState>
      <Modal opened={!!dialog} onClose={close} title={title} size="lg">
        {dialog?.kind === 'facility' && <FacilityForm orgId={orgId} facility={dialog.facility} onDone={close} />}
        {dialog?.kind === 'unit' && <UnitForm orgId={orgId} facilityId={dialog.facility.id} unit={dialog.unit} onDone={close} />}
        {dialog?.kind === 'decommission' && (
          <DecommissionForm id={dialog.facility.id} act={decommission} hint={t('pc.facility.decommissionHint')} onDone={close} />
        )}
      </Modal>
    </>
  );
}
