import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { useAddMemberOrganisation } from '../competition.queries.ts';

/** Point 10: a member organisation (a region, Astana, Almaty or Shymkent) joins the list. */
export function AddMemberOrganisationForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const add = useAddMemberOrganisation(orgId);
  const [form, setForm] = useState({ nameKk: '', nameRu: '' });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await add.mutateAsync({ nameKk: form.nameKk.trim(), nameRu: form.nameRu.trim() });
      setForm({ nameKk: '', nameRu: '' });
    } catch {
      // shown below
    }
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs" p="xs">
        <ErrorAlert error={add.error} />
        <Group align="flex-end" grow wrap="wrap">
          <TextInput
            label={t('competition.members.nameKk')}
            value={form.nameKk}
            onChange={(e) => setForm({ ...form, nameKk: e.currentTarget.value })}
          />
          <TextInput
            label={t('competition.members.nameRu')}
            value={form.nameRu}
            onChange={(e) => setForm({ ...form, nameRu: e.currentTarget.value })}
          />
        </Group>
        <Group justify="flex-end">
          <Button
            type="submit"
            variant="light"
            loading={add.isPending}
            disabled={form.nameKk.trim().length < 3 || form.nameRu.trim().length < 3}
          >
            {t('competition.members.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
