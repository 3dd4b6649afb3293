import { Button, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ME_KEY, useSecondFactor } from './auth.queries.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { CodeField } from './CodeField.tsx';
import { SignOutLink } from './SignOutLink.tsx';

export function SecondFactorPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const verify = useSecondFactor();
  const [code, setCode] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await verify.mutateAsync(code);
    } catch {
      setCode('');
      return;
    }
    await qc.invalidateQueries({ queryKey: ME_KEY });
  };

  return (
    <AuthLayout title={t('auth.totp.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('auth.totp.text')}</Text>
          <ErrorAlert error={verify.error} shownFields={['code']} />
          <CodeField value={code} onChange={setCode} />
          <Button type="submit" loading={verify.isPending} disabled={code.length !== 6} fullWidth>
            {t('auth.totp.submit')}
          </Button>
          <Group justify="center">
            <SignOutLink />
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
