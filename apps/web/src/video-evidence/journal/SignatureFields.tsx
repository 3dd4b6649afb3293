import { PasswordInput, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Credentials } from './journal.types.ts';

export const NO_CREDENTIALS: Credentials = { login: '', password: '', totpCode: '' };

/**
 * The inspector signs on the counter screen with their own login and password (and code when they have a
 * second factor). Nothing here is remembered by the browser: it is someone else's password.
 */
export function SignatureFields({
  value,
  onChange,
  withCode,
  error,
  missing,
}: {
  value: Credentials;
  onChange: (v: Credentials) => void;
  withCode: boolean;
  error?: string;
  missing: boolean;
}) {
  const { t } = useTranslation();
  const need = (v: string | undefined) => (missing && !v?.trim() ? t('form.required') : undefined);
  return (
    <SimpleGrid cols={{ base: 1, xs: withCode ? 3 : 2 }}>
      <TextInput
        label={t('journal.sign.login')}
        autoComplete="off"
        name="inspector-login"
        required
        value={value.login}
        onChange={(e) => onChange({ ...value, login: e.currentTarget.value })}
        error={need(value.login)}
      />
      <PasswordInput
        label={t('journal.sign.password')}
        autoComplete="new-password"
        name="inspector-password"
        required
        value={value.password}
        onChange={(e) => onChange({ ...value, password: e.currentTarget.value })}
        error={need(value.password) ?? error}
      />
      {withCode && (
        <TextInput
          label={t('journal.sign.code')}
          autoComplete="one-time-code"
          inputMode="numeric"
          name="inspector-code"
          maxLength={6}
          required
          value={value.totpCode ?? ''}
          onChange={(e) => onChange({ ...value, totpCode: e.currentTarget.value.replace(/\D/g, '') })}
          error={need(value.totpCode)}
        />
      )}
    </SimpleGrid>
  );
}

/** What the server accepts: the code only when there is one. */
export const credentialsOf = (c: Credentials): Credentials => ({
  login: c.login.trim(),
  password: c.password,
  ...(c.totpCode ? { totpCode: c.totpCode } : {}),
});
