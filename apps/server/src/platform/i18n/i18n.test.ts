import { describe, expect, it } from 'vitest';
import { createTranslator, localeFromAcceptLanguage } from './i18n.ts';

describe('language of server messages', () => {
  it('picks kk/ru/en from Accept-Language by quality, Kazakh by default', () => {
    expect(localeFromAcceptLanguage(undefined)).toBe('kk');
    expect(localeFromAcceptLanguage('de-DE,de;q=0.9')).toBe('kk');
    expect(localeFromAcceptLanguage('de;q=0.9, ru-KZ;q=0.8, en;q=0.5')).toBe('ru');
    expect(localeFromAcceptLanguage('en;q=0.4, kk;q=0.6')).toBe('kk');
    expect(localeFromAcceptLanguage('ru;q=0, en')).toBe('en');
  });

  it('uses the right Russian and Kazakh plural forms', async () => {
    const { forLocale } = await createTranslator();
    const ru = forLocale('ru');
    expect([1, 3, 5, 21].map((count) => ru('common:entries', { count }))).toEqual(['1 запись', '3 записи', '5 записей', '21 запись']);
    expect(forLocale('kk')('common:entries', { count: 5 })).toBe('5 жазба');
  });
});
