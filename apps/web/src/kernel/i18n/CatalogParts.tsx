import { useEffect, useReducer, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { isPartLoaded, loadPart, type CatalogLoader } from './catalogParts.ts';
import { currentLanguage } from './i18n.ts';

/** Renders its children once the rule sets' words they need are loaded in the current language. */
export function CatalogParts({ parts, children }: { parts: readonly CatalogLoader[]; children: ReactNode }) {
  const { i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const [, loaded] = useReducer((n: number) => n + 1, 0);
  const [error, setError] = useState<unknown>(null);
  const ready = parts.every((p) => isPartLoaded(i18n, p, lang));

  useEffect(() => {
    if (ready) return;
    let current = true;
    setError(null);
    Promise.all(parts.map((p) => loadPart(i18n, p, lang))).then(
      () => current && loaded(),
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [ready, parts, i18n, lang]);

  if (ready) return <>{children}</>;
  return error ? <ErrorAlert error={error} /> : <PageLoader />;
}
