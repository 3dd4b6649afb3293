import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogOptions } from '@baqylau/i18n/options';
import { kernel } from '@baqylau/i18n/parts/kernel';

export const LANGUAGES = [
  { code: 'kk', label: 'Қазақша' },
  { code: 'ru', label: 'Русский' },
  { code: 'en', label: 'English' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];
export const DEFAULT_LANGUAGE: Language = 'kk';
const STORAGE_KEY = 'baqylau.language';

export const isLanguage = (v: unknown): v is Language => LANGUAGES.some((l) => l.code === v);

export function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function rememberLanguage(lang: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = lang;
}

/**
 * One i18next instance per app, on the shared catalog (common, errors, validation, web): the kernel's
 * words in every language at once; each rule set adds its own when first needed (catalogParts.ts).
 */
export function createI18n(lng: Language = storedLanguage()): I18n {
  const instance = i18next.createInstance();
  // Copied per language, so words added later go into the instance's objects, not the imported catalog.
  const resources = Object.fromEntries(Object.entries(kernel).map(([lang, words]) => [lang, { ...words }]));
  void instance.use(initReactI18next).init({ ...catalogOptions, resources, lng, initAsync: false });
  document.documentElement.lang = lng;
  return instance;
}

export const currentLanguage = (i18n: I18n): Language => (isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE);
