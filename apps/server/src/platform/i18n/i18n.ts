import i18next, { type i18n, type TFunction } from 'i18next';
import { i18nextOptions } from '@baqylau/i18n';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@baqylau/contracts';

export interface Translator {
  t: TFunction;
  forLocale(locale: Locale): TFunction;
}

/** One i18next instance per app (no module singleton): the catalogs are the web's own. */
export async function createTranslator(): Promise<Translator> {
  const instance: i18n = i18next.createInstance();
  await instance.init({ ...i18nextOptions, lng: DEFAULT_LOCALE, initImmediate: false } as never);
  return {
    t: instance.t,
    forLocale: (locale) => instance.getFixedT(locale),
  };
}

/** Picks kk/ru/en from an Accept-Language header by quality; Kazakh when nothing matches. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0]!, q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranked) if ((LOCALES as readonly string[]).includes(r.lang)) return r.lang as Locale;
  return DEFAULT_LOCALE;
}
