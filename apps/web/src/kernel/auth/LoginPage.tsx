import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../api/errors.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ME_KEY, useLogin } from './auth.queries.ts';
import { AuthLayout } from './AuthLayout.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const login = useLogin();
  const [form, setForm] = useState({ login: '', password: '' });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await login.mutateAsync(form);
    } catch {
      return; // shown below
    }
    // The gate sends the session to its next step (second factor, enrolment, or the app).
    await qc.invalidateQueries({ queryKey: ME_KEY });
  };

  return (
    <AuthLayout title={t('auth.login.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorAlert error={login.error} shownFields={['login', 'password']} />
          <TextInput
            label={t('auth.login.login')}
            name="login"
            autoComplete="username"
            required
            autoFocus
            value={form.login}
            onChange={(e) => setForm({ ...form, login: e.currentTarget.value })}
            error={fieldError(login.error, 'login')}
          />
          <PasswordInput
            label={t('auth.login.password')}
            name="password"
            autoComplete="current-password"
            required
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
            error={fieldError(login.error, 'password')}
          />
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('auth.login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
