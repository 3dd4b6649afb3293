import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { TECHNICAL_OBJECT_KIND_CODES } from '@baqylau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../kernel/components/DateField.tsx';
import { useFacilities } from '../facilities/facilities.queries.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { useRegisterObject, type ObjectInput } from './technical-devices.api.ts';

const FIELDS = ['objectKind', 'name', 'registrationNumber', 'facilityId', 'unitId', 'manufacturer', 'serialNumber', 'commissionedOn'];

/** R315-6: a technical device, building or structure enters the register of its facility. */
export function ObjectForm({ orgId, onDone }: { orgId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useRegisterObject(orgId);
  const facilities = (useFacilities(orgId).data ?? []).filter((f) => !f.decommissionedOn);
  const [v, setV] = useState<ObjectInput>({
    kind: 'device',
    name: '',
    registrationNumber: '',
    facilityId: '',
    unitId: null,
    manufacturer: '',
    serialNumber: '',
    commissionedOn: null,
  });
  const set = (patch: Partial<ObjectInput>) => setV((old) => ({ ...old, ...patch }));
  const err = save.error;
  const units = facilities.find((f) => f.id === v.facilityId)?.units ?? [];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await save.mutateAsync(v);
      onDone();
    } catch {
      // shown in the form
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={err} fields={FIELDS} />
        <Select
          label={t('common:pc.field.objectKind')}
          required
          data={TECHNICAL_OBJECT_KIND_CODES.map((k) => ({ value: k, label: t(`common:pc.objectKind.${k}`) }))}
          value={v.kind}
          onChange={(k) => set({ kind: k ?? 'device' })}
          error={serverError(err, 'objectKind')}
        />
        <TextInput
          label={t('common:pc.field.name')}
          required
          value={v.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={serverError(err, 'name')}
        />
        <TextInput
          label={t('pc.technical.registrationNumber')}
          required
          value={v.registrationNumber}
          onChange={(e) => set({ registrationNumber: e.currentTarget.value })}
          error={serverError(err, 'registrationNumber')}
        />
        <Select
          label={t('common:pc.field.facilityId')}
          required
          data={facilities.map((f) => ({ value: f.id, label: f.name }))}
          value={v.facilityId || null}
          onChange={(id) => set({ facilityId: id ?? '', unitId: null })}
          error={serverError(err, 'facilityId')}
        />
        <Select
          label={t('common:pc.field.unitId')}
          clearable
          data={units.map((u) => ({ value: u.id, label: u.name }))}
          value={v.unitId}
          onChange={(id) => set({ unitId: id })}
          error={serverError(err, 'unitId')}
        />
        <Group grow>
          <TextInput
            label={t('common:pc.field.manufacturer')}
            value={v.manufacturer}
            onChange={(e) => set({ manufacturer: e.currentTarget.value })}
          />
          <TextInput
            label={t('common:pc.field.serialNumber')}
            value={v.serialNumber}
            onChange={(e) => set({ serialNumber: e.currentTarget.value })}
          />
        </Group>
        <DateField
          label={t('common:pc.field.commissionedOn')}
          value={v.commissionedOn}
          onChange={(d) => set({ commissionedOn: d })}
          error={serverError(err, 'commissionedOn')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!v.facilityId}>
            {t('pc.technical.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
