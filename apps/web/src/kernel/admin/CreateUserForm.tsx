import { Button, Group, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { GRANTABLE_ROLES } from '@baqylau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldError } from '../api/errors.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { organisationName } from '../shell/access.ts';
import { useCreateUser, useOrganisations } from './admin.queries.ts';

const FIELDS = ['login', 'fullName', 'password', 'organisationId', 'role'];

/** Password rules come from the server (length, common passwords, not the login): its message is shown by the field. */
function passwordError(err: unknown) {
  return fieldError(err, 'password') ?? (err instanceof ApiError && err.code.startsWith('password.') ? err.message : undefined);
}

export function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const create = useCreateUser();
  const orgs = useOrganisations();
  const [form, setForm] = useState({ login: '', fullName: '', password: '', organisationId: '', role: '' });
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const err = create.error;
  const loginError = fieldError(err, 'login') ?? (err instanceof ApiError && err.code === 'user.login_taken' ? err.message : undefined);
  const pwError = passwordError(err);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { organisationId, role, ...rest } = form;
    try {
      await create.mutateAsync({ ...rest, ...(organisationId && role ? { organisationId, role } : {}) });
      onDone();
    } catch {
      // shown in the form
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {!loginError && !pwError && <ErrorAlert error={err} shownFields={FIELDS} />}
        <TextInput
          label={t('admin.user.login')}
          description={t('admin.user.loginHint')}
          required
          autoComplete="off"
          value={form.login}
          onChange={(e) => set({ login: e.currentTarget.value })}
          error={loginError}
        />
        <TextInput
          label={t('admin.user.fullName')}
          required
          value={form.fullName}
          onChange={(e) => set({ fullName: e.currentTarget.value })}
          error={fieldError(err, 'fullName')}
        />
        <PasswordInput
          label={t('admin.user.password')}
          required
          autoComplete="new-password"
          value={form.password}
          onChange={(e) => set({ password: e.currentTarget.value })}
          error={pwError}
        />
        <Select
          label={t('admin.user.organisation')}
          description={t('admin.user.organisationHint')}
          clearable
          searchable
          data={(orgs.data ?? []).map((o) => ({ value: o.id, label: organisationName(o, i18n.language) }))}
          value={form.organisationId || null}
          onChange={(v) => set({ organisationId: v ?? '', role: v ? form.role || 'inspector' : '' })}
          error={fieldError(err, 'organisationId')}
        />
        <Select
          label={t('admin.user.role')}
          disabled={!form.organisationId}
          data={GRANTABLE_ROLES.map((r) => ({ value: r, label: t(`common:role.${r}`) }))}
          value={form.role || null}
          onChange={(v) => set({ role: v ?? '' })}
          error={fieldError(err, 'role')}
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
