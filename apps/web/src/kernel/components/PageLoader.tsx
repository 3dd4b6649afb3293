import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** While a page's code or words are on their way. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      <Loader aria-label={t('loading')} />
    </Center>
  );
}
