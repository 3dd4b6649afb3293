import { Button, Group, MultiSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { HAZARD_FEATURES, type HazardFeature } from '@baqylau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../kernel/components/DateField.tsx';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import type { Facility } from '../shared/pc.types.ts';
import { useSaveFacility } from './facilities.queries.ts';

const FIELDS = ['name', 'registrationNumber', 'address', 'hazardFeatures', 'safeOperationConditions', 'commissionedOn'];

/** R315-9: register an HPF or correct its data. */
export function FacilityForm({ orgId, facility, onDone }: { orgId: string; facility?: Facility; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveFacility(orgId);
  const [v, setV] = useState({
    name: facility?.name ?? '',
    registrationNumber: facility?.registrationNumber ?? '',
    address: facility?.address ?? '',
    hazardFeatures: facility?.hazardFeatures ?? ([] as HazardFeature[]),
    safeOperationConditions: facility?.safeOperationConditions ?? '',
    commissionedOn: facility?.commissionedOn ?? null,
  });
  const [tried, setTried] = useState(false);
  const err = save.error;
  const required = (s: string) => (tried && !s.trim() ? t('form.required') : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!v.name.trim() || !v.registrationNumber.trim() || !v.address.trim() || !v.hazardFeatures.length) return;
    try {
      await save.mutateAsync({ ...v, id: facility?.id });
      onDone();
    } catch {
      // shown in the form
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="pc-facility-form">
      <Stack gap="md">
        <FormAlert error={err} fields={FIELDS} />
        <TextInput
          label={t('common:pc.field.name')}
          required
          data-autofocus
          maxLength={300}
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
          error={required(v.name) ?? serverError(err, 'name')}
        />
        <TextInput
          label={t('common:pc.field.registrationNumber')}
          required
          maxLength={100}
          value={v.registrationNumber}
          onChange={(e) => setV({ ...v, registrationNumber: e.currentTarget.value })}
          error={required(v.registrationNumber) ?? serverError(err, 'registrationNumber')}
        />
        <TextInput
          label={t('common:pc.field.address')}
          required
          maxLength={500}
          value={v.address}
          onChange={(e) => setV({ ...v, address: e.currentTarget.value })}
          error={required(v.address) ?? serverError(err, 'address')}
        />
        <MultiSelect
          label={t('common:pc.field.hazardFeatures')}
          required
          data={HAZARD_FEATURES.map((h) => ({ value: h, label: t(`common:pc.hazard.${h}`) }))}
          value={v.hazardFeatures}
          onChange={(x) => setV({ ...v, hazardFeatures: x as HazardFeature[] })}
          error={(tried && !v.hazardFeatures.length ? t('form.required') : undefined) ?? serverError(err, 'hazardFeatures')}
        />
        <Textarea
          label={t('common:pc.field.safeOperationConditions')}
          description={t('pc.facility.conditionsHint')}
          autosize
          minRows={3}
          maxLength={10000}
          value={v.safeOperationConditions}
          onChange={(e) => setV({ ...v, safeOperationConditions: e.currentTarget.value })}
          error={serverError(err, 'safeOperationConditions')}
        />
        <DateField
          label={t('common:pc.field.commissionedOn')}
          clearable
          value={v.commissionedOn}
          onChange={(d) => setV({ ...v, commissionedOn: d })}
          error={serverError(err, 'commissionedOn')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('pc.action.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
