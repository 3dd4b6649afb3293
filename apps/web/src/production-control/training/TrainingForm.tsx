import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { TRAINING_KINDS, type TrainingRecordView } from '@baqylau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFacilities, usePeople } from '../facilities/facilities.queries.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { useTrainingSteps } from './training.queries.ts';

const FIELDS = [
  'personId',
  'fullName',
  'position',
  'facilityId',
  'unitId',
  'kind',
  'programme',
  'completedOn',
  'validUntil',
  'documentNumber',
  'supersedes',
];

/** A training, retraining or knowledge check; given `corrects`, a new record superseding that one (records are never edited). */
export function TrainingForm({ orgId, corrects, onDone }: { orgId: string; corrects?: TrainingRecordView; onDone: () => void }) {
  const { t } = useTranslation();
  const { record } = useTrainingSteps(orgId);
  const facilities = useFacilities(orgId);
  const people = usePeople(orgId);
  const [f, setF] = useState({
    personId: corrects?.personId ?? '',
    fullName: corrects?.fullName ?? '',
    position: corrects?.position ?? '',
    facilityId: corrects?.facilityId ?? '',
    unitId: corrects?.unitId ?? '',
    kind: corrects?.kind ?? 'training',
    programme: corrects?.programme ?? '',
    completedOn: corrects?.completedOn ?? '',
    validUntil: corrects?.validUntil ?? '',
    documentNumber: corrects?.documentNumber ?? '',
  });
  const set = (k: keyof typeof f) => (v: string | null) => setF((s) => ({ ...s, [k]: v ?? '' }));
  const err = record.error;
  const facility = (facilities.data ?? []).find((x) => x.id === f.facilityId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await record.mutateAsync({ ...f, personId: f.personId || null, unitId: f.unitId || null, supersedes: corrects?.id ?? null });
      onDone();
    } catch {
      // shown in the form
    }
  };
  const text = (k: keyof typeof f, type = 'text') => (
    <TextInput
      type={type}
      label={t(`common:pc.regField.${k}`)}
      required
      value={f[k]}
      onChange={(e) => set(k)(e.currentTarget.value)}
      error={serverError(err, k)}
    />
  );
  return (
    <form onSubmit={submit} noValidate data-testid="training-form">
      <Stack gap="sm">
        <FormAlert error={err} fields={FIELDS} />
        <SimpleGrid cols={2}>
          {text('fullName')}
          {text('position')}
          <Select
            label={t('common:pc.regField.personId')}
            description={t('pc.training.accountHint')}
            clearable
            searchable
            data={(people.data ?? []).map((p) => ({ value: p.id, label: p.fullName }))}
            value={f.personId || null}
            onChange={(v) =>
              setF((s) => ({
                ...s,
                personId: v ?? '',
                fullName: s.fullName || (people.data ?? []).find((p) => p.id === v)?.fullName || '',
              }))
            }
            error={serverError(err, 'personId')}
          />
          <Select
            label={t('common:pc.regField.kind')}
            required
            data={TRAINING_KINDS.map((k) => ({ value: k, label: t(`pc.training.kind.${k}`) }))}
            value={f.kind}
            onChange={set('kind')}
            error={serverError(err, 'kind')}
          />
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
        </SimpleGrid>
        {text('programme')}
        <SimpleGrid cols={3}>
          {text('completedOn', 'date')}
          {text('validUntil', 'date')}
          {text('documentNumber')}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {corrects ? t('pc.training.correct') : t('pc.training.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
