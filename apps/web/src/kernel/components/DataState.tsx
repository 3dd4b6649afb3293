import { Center, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.tsx';

/** Loading, failure and "nothing yet" for a query, so every table says the same. */
export function DataState<T>({
  query,
  empty,
  children,
}: {
  query: { isPending: boolean; error: unknown; data: T[] | undefined };
  empty: string;
  children: (rows: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.error) return <ErrorAlert error={query.error} />;
  if (query.isPending || !query.data) {
    return (
      <Center p="lg">
        <Loader size="sm" aria-label={t('loading')} />
      </Center>
    );
  }
  if (query.data.length === 0) {
    return (
      <Text c="dimmed" p="md" ta="center">
        {empty}
      </Text>
    );
  }
  return <>{children(query.data)}</>;
}
