import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import type { Unit } from '../shared/pc.types.ts';
import { usePeople, useSaveUnit } from './facilities.queries.ts';

const FIELDS = ['name', 'headId'];

/** A structural unit and its head (a person holding the unit-head role here). */
export function UnitForm({ orgId, facilityId, unit, onDone }: { orgId: string; facilityId: string; unit?: Unit; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveUnit(orgId);
  const people = usePeople(orgId);
  const [name, setName] = useState(unit?.name ?? '');
  const [headId, setHeadId] = useState<string | null>(unit?.headId ?? null);
  const [tried, setTried] = useState(false);
  const err = save.error;
  const heads = (people.data ?? []).filter((p) => p.roles.includes('unit_head')).map((p) => ({ value: p.id, label: p.fullName }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!name.trim()) return;
    try {
      await save.mutateAsync({ id: unit?.id, facilityId, name: name.trim(), headId });
      onDone();
    } catch {
      // shown in the form
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="pc-unit-form">
      <Stack gap="md">
        <FormAlert error={err} fields={FIELDS} />
        <TextInput
          label={t('common:pc.field.name')}
          required
          data-autofocus
          maxLength={300}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={(tried && !name.trim() ? t('form.required') : undefined) ?? serverError(err, 'name')}
        />
        <Select
          label={t('common:pc.field.headId')}
          description={t('pc.unit.headHint')}
          clearable
          searchable
          data={heads}
          value={headId}
          onChange={setHeadId}
          error={serverError(err, 'headId')}
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
