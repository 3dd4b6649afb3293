import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t('forbidden.title')} role="alert">
      {t('forbidden.text')}
    </Alert>
  );
}
