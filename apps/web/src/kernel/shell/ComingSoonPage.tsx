import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../components/PageHeader.tsx';
import { HOME } from './paths.ts';

/** A module of the platform that is announced in the navigation but not built yet. */
export function ComingSoonPage({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <Stack maw={760}>
      <PageHeader title={t(label)} description={t(`${label}.about`)} />
      <Alert color="blue" variant="light" title={t('coming.title')}>
        <Text size="sm">{t('coming.text')}</Text>
      </Alert>
      <Button component={Link} to={HOME} variant="default" w="fit-content">
        {t('coming.back')}
      </Button>
    </Stack>
  );
}
