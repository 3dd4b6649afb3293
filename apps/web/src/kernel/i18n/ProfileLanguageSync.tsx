import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.tsx';
import { useMe } from '../auth/auth.queries.ts';
import { changeLanguage } from './catalogParts.ts';
import { currentLanguage, rememberLanguage } from './i18n.ts';

/**
 * When a user's session appears (sign-in or reload), the language saved in the profile wins;
 * a profile without one takes the language chosen on the sign-in page.
 */
export function ProfileLanguageSync() {
  const { data: me } = useMe();
  const { i18n } = useTranslation();
  const api = useApi();
  const seen = useRef<string | null>(null);

  useEffect(() => {
    if (!me) {
      seen.current = null;
      return;
    }
    if (seen.current === me.id) return;
    seen.current = me.id;
    if (me.locale && me.locale !== currentLanguage(i18n)) {
      void changeLanguage(i18n, me.locale);
      rememberLanguage(me.locale);
    } else if (!me.locale) {
      api.patch('/api/v1/me', { locale: currentLanguage(i18n) }).catch(() => undefined);
    }
  }, [me, i18n, api]);

  return null;
}
