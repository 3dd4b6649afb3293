import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { PC_POSITIONS, type PcPosition } from '@baqylau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../kernel/components/DateField.tsx';
import { useFacilities, usePeople } from '../facilities/facilities.queries.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { useAppoint } from './officials.queries.ts';

const FIELDS = ['personId', 'position', 'orderNumber', 'orderDate', 'facilityIds', 'unitIds', 'validFrom'];

/** R315-3: the first head's order appointing an official of the production-control service, with its scope. */
export function AppointForm({ orgId, onDone }: { orgId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const appoint = useAppoint(orgId);
  const people = usePeople(orgId);
  const facilities = useFacilities(orgId);
  const [v, setV] = useState({
    personId: null as string | null,
    position: 'official' as PcPosition,
    orderNumber: '',
    orderDate: null as string | null,
    facilityIds: [] as string[],
    unitIds: [] as string[],
    validFrom: null as string | null,
  });
  const [tried, setTried] = useState(false);
  const err = appoint.error;
  const req = (ok: boolean) => (tried && !ok ? t('form.required') : undefined);
  const candidates = (people.data ?? []).filter((p) => p.roles.some((r) => r === 'pc_official' || r === 'pc_service_head'));
  const inService = (facilities.data ?? []).filter((f) => !f.decommissionedOn);
  const units = inService
    .filter((f) => v.facilityIds.includes(f.id))
    .flatMap((f) => f.units.map((u) => ({ value: u.id, label: `${f.name} — ${u.name}` })));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!v.personId || !v.orderNumber.trim() || !v.orderDate || !v.validFrom || !v.facilityIds.length) return;
    try {
      await appoint.mutateAsync({
        ...v,
        personId: v.personId,
        orderDate: v.orderDate,
        validFrom: v.validFrom,
        orderNumber: v.orderNumber.trim(),
      });
      onDone();
    } catch {
      // shown in the form
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="pc-appoint-form">
      <Stack gap="md">
        <FormAlert error={err} fields={FIELDS} />
        <Select
          label={t('common:pc.field.personId')}
          description={t('pc.appointment.personHint')}
          required
          searchable
          data={candidates.map((p) => ({ value: p.id, label: p.fullName }))}
          value={v.personId}
          onChange={(x) => setV({ ...v, personId: x })}
          error={req(!!v.personId) ?? serverError(err, 'personId')}
        />
        <Select
          label={t('pc.appointment.position')}
          required
          allowDeselect={false}
          data={PC_POSITIONS.map((p) => ({ value: p, label: t(`common:pc.position.${p}`) }))}
          value={v.position}
          onChange={(x) => x && setV({ ...v, position: x as PcPosition })}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label={t('pc.appointment.orderNumber')}
            required
            maxLength={100}
            value={v.orderNumber}
            onChange={(e) => setV({ ...v, orderNumber: e.currentTarget.value })}
            error={req(!!v.orderNumber.trim()) ?? serverError(err, 'orderNumber')}
          />
          <DateField
            label={t('common:pc.field.orderDate')}
            required
            value={v.orderDate}
            onChange={(d) => setV({ ...v, orderDate: d })}
            error={req(!!v.orderDate) ?? serverError(err, 'orderDate')}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('common:pc.field.facilityIds')}
          required
          data={inService.map((f) => ({ value: f.id, label: f.name }))}
          value={v.facilityIds}
          onChange={(x) => setV({ ...v, facilityIds: x, unitIds: v.unitIds.filter((u) => units.some((o) => o.value === u)) })}
          error={req(v.facilityIds.length > 0) ?? serverError(err, 'facilityIds')}
        />
        <MultiSelect
          label={t('common:pc.field.unitIds')}
          description={t('pc.appointment.unitsHint')}
          data={units}
          value={v.unitIds}
          onChange={(x) => setV({ ...v, unitIds: x })}
          error={serverError(err, 'unitIds')}
        />
        <DateField
          label={t('common:pc.field.validFrom')}
          required
          value={v.validFrom}
          onChange={(d) => setV({ ...v, validFrom: d })}
          error={req(!!v.validFrom) ?? serverError(err, 'validFrom')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={appoint.isPending}>
            {t('pc.appointment.appoint')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
