import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { ORGANISATION_TYPES } from '@baqylau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldError } from '../api/errors.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useCreateOrganisation, type NewOrganisation } from './admin.queries.ts';

const FIELDS = ['type', 'nameKk', 'nameRu', 'bin'];

export function CreateOrganisationForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateOrganisation();
  const [form, setForm] = useState<NewOrganisation>({ type: 'territorial_subdivision', nameKk: '', nameRu: '', bin: '' });
  const set = (patch: Partial<NewOrganisation>) => setForm({ ...form, ...patch });
  const err = create.error;
  const binError = fieldError(err, 'bin') ?? (err instanceof ApiError && err.code === 'organisation.bin_invalid' ? err.message : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await create.mutateAsync(form);
      onDone();
    } catch {
      // shown in the form
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {!binError && <ErrorAlert error={err} shownFields={FIELDS} />}
        <Select
          label={t('admin.org.type')}
          required
          data={ORGANISATION_TYPES.map((v) => ({ value: v, label: t(`common:orgType.${v}`) }))}
          value={form.type}
          onChange={(v) => v && set({ type: v })}
          allowDeselect={false}
          error={fieldError(err, 'type')}
        />
        <TextInput
          label={t('admin.org.nameKk')}
          required
          value={form.nameKk}
          onChange={(e) => set({ nameKk: e.currentTarget.value })}
          error={fieldError(err, 'nameKk')}
          lang="kk"
        />
        <TextInput
          label={t('admin.org.nameRu')}
          required
          value={form.nameRu}
          onChange={(e) => set({ nameRu: e.currentTarget.value })}
          error={fieldError(err, 'nameRu')}
          lang="ru"
        />
        <TextInput
          label={t('admin.org.bin')}
          description={t('admin.org.binHint')}
          required
          inputMode="numeric"
          maxLength={12}
          value={form.bin}
          onChange={(e) => set({ bin: e.currentTarget.value.replace(/\D/g, '') })}
          error={binError}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('action.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
