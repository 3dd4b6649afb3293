import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useMe } from './auth.queries.ts';
import { homeFor, type Me } from './auth.types.ts';
import { HOME } from '../shell/paths.ts';

interface FromState {
  from?: string;
}

/**
 * Each sign-in step page belongs to one session state; the shell (`/app`) belongs to a complete
 * session. Anyone elsewhere is sent where their session belongs, keeping the page they asked for.
 */
export function AuthGate({ step, children }: { step: 'login' | 'totp' | 'enrol' | 'app'; children: (me: Me | null) => ReactNode }) {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  const { t } = useTranslation();
  if (isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('loading')} />
      </Center>
    );
  }
  if (error) {
    return (
      <Center h="100vh" p="md">
        <ErrorAlert error={error} />
      </Center>
    );
  }
  const target = homeFor(me);
  const here = step === 'app' ? HOME : step === 'login' ? '/app/login' : `/app/login/${step}`;
  if (target !== here) {
    const from = (location.state as FromState | null)?.from;
    if (target === HOME) return <Navigate to={from ?? HOME} replace />;
    const keep = step === 'app' ? location.pathname + location.search : from;
    return <Navigate to={target} replace state={keep ? { from: keep } : null} />;
  }
  return <>{children(me ?? null)}</>;
}
