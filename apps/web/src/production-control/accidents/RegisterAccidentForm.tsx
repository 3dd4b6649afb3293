import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { ACCIDENT_KINDS } from '@baqylau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { zonedDateTime } from '../../kernel/format/datetime.ts';
import { useFacilities } from '../facilities/facilities.queries.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { useAccidentSteps } from './accidents.queries.ts';

const FIELDS = ['kind', 'facilityId', 'unitId', 'occurredAt', 'place', 'description', 'consequences', 'injured', 'fatalities'];

/** Registering what happened (R315-4): the server numbers it and tells the first head. */
export function RegisterAccidentForm({ orgId, onDone, onCancel }: { orgId: string; onDone: (id: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { register } = useAccidentSteps(orgId);
  const facilities = useFacilities(orgId);
  const [f, setF] = useState({
    kind: 'accident',
    facilityId: '',
    unitId: '',
    date: '',
    time: '',
    place: '',
    description: '',
    consequences: '',
  });
  const [injured, setInjured] = useState<number>(0);
  const [fatalities, setFatalities] = useState<number>(0);
  const set = (k: keyof typeof f) => (v: string | null) => setF((s) => ({ ...s, [k]: v ?? '' }));
  const err = register.error;
  const facility = (facilities.data ?? []).find((x) => x.id === f.facilityId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const a = await register.mutateAsync({
        kind: f.kind,
        facilityId: f.facilityId,
        unitId: f.unitId || null,
        occurredAt: f.date ? zonedDateTime(f.date, f.time || '00:00') : '',
        place: f.place,
        description: f.description,
        consequences: f.consequences,
        injured,
        fatalities,
      });
      onDone(a.id);
    } catch {
      // shown in the form
    }
  };
  return (
    <form onSubmit={submit} noValidate data-testid="accident-form">
      <Stack gap="sm">
        <FormAlert error={err} fields={FIELDS} />
        <Select
          label={t('common:pc.regField.kind')}
          required
          data={ACCIDENT_KINDS.map((k) => ({ value: k, label: t(`pc.accidents.kind.${k}`) }))}
          value={f.kind}
          onChange={set('kind')}
          error={serverError(err, 'kind')}
        />
        <SimpleGrid cols={2}>
          <Select
            label={t('common:pc.regField.facilityId')}
            required
            data={(facilities.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            value={f.facilityId || null}
            onChange={(v) => setF((s) => ({ ...s, facilityId: v ?? '', unitId: '' }))}
            error={serverError(err, 'facilityId')}
          />
          <Select
            label={t('common:pc.regField.unitId')}
            clearable
            data={(facility?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={f.unitId || null}
            onChange={set('unitId')}
            error={serverError(err, 'unitId')}
          />
          <TextInput
            type="date"
            label={t('common:pc.regField.occurredAt')}
            required
            value={f.date}
            onChange={(e) => set('date')(e.currentTarget.value)}
            error={serverError(err, 'occurredAt')}
          />
          <TextInput type="time" label={t('pc.accidents.time')} value={f.time} onChange={(e) => set('time')(e.currentTarget.value)} />
        </SimpleGrid>
        <TextInput
          label={t('common:pc.regField.place')}
          required
          maxLength={500}
          value={f.place}
          onChange={(e) => set('place')(e.currentTarget.value)}
          error={serverError(err, 'place')}
        />
        <Textarea
          label={t('common:pc.regField.description')}
          required
          autosize
          minRows={3}
          maxLength={4000}
          value={f.description}
          onChange={(e) => set('description')(e.currentTarget.value)}
          error={serverError(err, 'description')}
        />
        <Textarea
          label={t('common:pc.regField.consequences')}
          autosize
          minRows={2}
          maxLength={4000}
          value={f.consequences}
          onChange={(e) => set('consequences')(e.currentTarget.value)}
          error={serverError(err, 'consequences')}
        />
        <SimpleGrid cols={2}>
          <NumberInput
            label={t('common:pc.regField.injured')}
            min={0}
            allowDecimal={false}
            value={injured}
            onChange={(v) => setInjured(Number(v) || 0)}
            error={serverError(err, 'injured')}
          />
          <NumberInput
            label={t('common:pc.regField.fatalities')}
            min={0}
            allowDecimal={false}
            value={fatalities}
            onChange={(v) => setFatalities(Number(v) || 0)}
            error={serverError(err, 'fatalities')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={register.isPending}>
            {t('pc.accidents.register')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
