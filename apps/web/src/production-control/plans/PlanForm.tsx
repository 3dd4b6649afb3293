import { Button, Group, NumberInput, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFacilities } from '../facilities/facilities.queries.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { useCreatePlan } from './plans.api.ts';

/** R315-4: open the year's plan of measures, or a facility's accident-response plan; its content comes as versions. */
export function PlanForm({ orgId, onDone }: { orgId: string; onDone: (planId?: string) => void }) {
  const { t } = useTranslation();
  const create = useCreatePlan(orgId);
  const facilities = (useFacilities(orgId).data ?? []).filter((f) => !f.decommissionedOn);
  const [kind, setKind] = useState('safety_measures');
  const [title, setTitle] = useState('');
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [facilityId, setFacilityId] = useState<string | null>(null);
  const err = create.error;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const measures = kind === 'safety_measures';
      const p = await create.mutateAsync({ kind, title, year: measures ? year : null, facilityId: measures ? null : facilityId });
      onDone(p.id);
    } catch {
      // shown in the form
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={err} fields={['planKind', 'title', 'year', 'facilityId']} />
        <SegmentedControl
          value={kind}
          onChange={setKind}
          data={[
            { value: 'safety_measures', label: t('pc.plans.kind.safety_measures') },
            { value: 'accident_response', label: t('pc.plans.kind.accident_response') },
          ]}
        />
        <TextInput
          label={t('common:pc.field.title')}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={serverError(err, 'title')}
        />
        {kind === 'safety_measures' ? (
          <NumberInput
            label={t('common:pc.field.year')}
            required
            value={year}
            onChange={(v) => setYear(Number(v))}
            error={serverError(err, 'year')}
          />
        ) : (
          <Select
            label={t('common:pc.field.facilityId')}
            required
            data={facilities.map((f) => ({ value: f.id, label: f.name }))}
            value={facilityId}
            onChange={setFacilityId}
            error={serverError(err, 'facilityId')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone()}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('pc.plans.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
