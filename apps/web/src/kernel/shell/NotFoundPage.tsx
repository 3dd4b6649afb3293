import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { HOME } from './paths.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={600} gap="md">
      <Title order={1} size="h2">
        {t('notFound.title')}
      </Title>
      <Text>{t('notFound.text')}</Text>
      <Button component={Link} to={HOME} variant="default" w="fit-content">
        {t('coming.back')}
      </Button>
    </Stack>
  );
}
