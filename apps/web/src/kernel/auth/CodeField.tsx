import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A 6-digit one-time code from an authenticator app. */
export function CodeField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('auth.code.label')}
      description={t('auth.code.hint')}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="\d{6}"
      maxLength={6}
      required
      autoFocus
      value={value}
      onChange={(e) => onChange(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
      error={error}
      styles={{ input: { letterSpacing: '0.3em', fontSize: 20, fontVariantNumeric: 'tabular-nums' } }}
    />
  );
}
