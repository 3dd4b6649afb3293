import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router-dom';
import { ApiProvider } from '../kernel/api/ApiContext.tsx';
import { createApiClient } from '../kernel/api/client.ts';
import { isSessionError } from '../kernel/api/errors.ts';
import { ProfileLanguageSync } from '../kernel/i18n/ProfileLanguageSync.tsx';
import { RuleSetsProvider } from '../kernel/shell/RuleSets.tsx';
import { createRouter } from './router.tsx';
import { RULE_SETS } from './ruleSets.ts';
import { theme } from './theme.ts';

function createQueryClient() {
  const qc: QueryClient = new QueryClient({
    // A session that ended elsewhere (sign-out everywhere, expiry): re-read /me and let the gate route.
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isSessionError(error) && query.queryKey[0] !== 'me') void qc.invalidateQueries({ queryKey: ['me'] });
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isSessionError(error)) void qc.invalidateQueries({ queryKey: ['me'] });
      },
    }),
    defaultOptions: {
      queries: { retry: (n, e) => n < 1 && !(e instanceof Error && e.name === 'ApiError'), refetchOnWindowFocus: false },
    },
  });
  return qc;
}

function Localised() {
  const { i18n } = useTranslation();
  const router = useMemo(createRouter, []);
  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <RuleSetsProvider ruleSets={RULE_SETS}>
        <ProfileLanguageSync />
        <RouterProvider router={router} />
      </RuleSetsProvider>
    </DatesProvider>
  );
}

export function App({ i18n }: { i18n: I18n }) {
  const queryClient = useMemo(createQueryClient, []);
  const api = useMemo(() => createApiClient({ language: () => i18n.language }), [i18n]);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <ApiProvider client={api}>
          <QueryClientProvider client={queryClient}>
            <Localised />
          </QueryClientProvider>
        </ApiProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
