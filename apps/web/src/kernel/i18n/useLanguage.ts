import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.tsx';
import { changeLanguage } from './catalogParts.ts';
import { currentLanguage, rememberLanguage, type Language } from './i18n.ts';
import type { Me } from '../auth/auth.types.ts';
import { ME_KEY } from '../auth/auth.queries.ts';

/** The interface language: remembered in this browser and, when signed in, in the user's profile. */
export function useLanguage() {
  const { i18n } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();

  const setLanguage = useCallback(
    async (lang: Language) => {
      await changeLanguage(i18n, lang);
      rememberLanguage(lang);
      const me = qc.getQueryData<Me | null>(ME_KEY);
      if (me && me.locale !== lang) {
        const updated: Me = { ...me, locale: lang };
        qc.setQueryData(ME_KEY, updated);
        try {
          await api.patch('/api/v1/me', { locale: lang });
        } catch {
          // the choice still holds in this browser; the profile catches up next time
        }
      }
    },
    [i18n, api, qc],
  );

  return { language: currentLanguage(i18n), setLanguage };
}
