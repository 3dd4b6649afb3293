import { catalogOptions } from '@baqylau/i18n/options';
import { kernel } from '@baqylau/i18n/parts/kernel';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { changeLanguage, isPartLoaded, loadPart, type CatalogLoader } from './catalogParts.ts';

// Keys in variables: e2e/web-catalog.e2e.test.ts takes every literal key passed to t in the web sources for a real one.
const TITLE = 'sample.title';
const DONE = 'common:action.sample.done';
const HOME_LABEL = 'nav.home';

const kernelCopy = () => Object.fromEntries(Object.entries(kernel).map(([lang, words]) => [lang, { ...words }]));

async function instance(lng = 'kk') {
  const i18n = i18next.createInstance();
  await i18n.init({ ...catalogOptions, resources: kernelCopy(), lng });
  return i18n;
}

/** A rule set's words, counting fetches per language. */
function part(word: (lang: string) => string) {
  const fetched: string[] = [];
  const loader: CatalogLoader = async (lang) => {
    fetched.push(lang);
    return { web: { 'sample.title': word(lang) }, common: { 'action.sample.done': `${lang} done` } };
  };
  return { loader, fetched };
}

describe('rule sets’ catalog parts in the web', () => {
  it('adds a part’s words in the current language beside the kernel’s, fetched once', async () => {
    const i18n = await instance();
    const { loader, fetched } = part((l) => `${l} title`);
    expect(i18n.exists(TITLE)).toBe(false);
    await Promise.all([loadPart(i18n, loader, 'kk'), loadPart(i18n, loader, 'kk')]);
    expect(isPartLoaded(i18n, loader, 'kk')).toBe(true);
    expect(i18n.t(TITLE)).toBe('kk title');
    expect(i18n.t(DONE)).toBe('kk done');
    expect(i18n.t(HOME_LABEL)).toBe(kernel.kk.web['nav.home']);
    expect(fetched).toEqual(['kk']);
  });

  it('a language switch fetches the parts in use first, so the new language never shows a bare key', async () => {
    const i18n = await instance();
    const { loader, fetched } = part((l) => `${l} title`);
    await loadPart(i18n, loader, 'kk');
    let shownOnSwitch = '';
    i18n.on('languageChanged', () => (shownOnSwitch = i18n.t(TITLE)));
    await changeLanguage(i18n, 'ru');
    expect(shownOnSwitch).toBe('ru title');
    expect(fetched).toEqual(['kk', 'ru']);
  });

  it('never writes into the imported kernel catalog', async () => {
    const i18n = await instance();
    await loadPart(i18n, part(() => 'x').loader, 'kk');
    expect('sample.title' in kernel.kk.web).toBe(false);
    expect('action.sample.done' in kernel.kk.common).toBe(false);
  });

  it('a failed fetch is tried again next time', async () => {
    const i18n = await instance();
    let attempts = 0;
    const flaky: CatalogLoader = async () => {
      if (++attempts === 1) throw new Error('offline');
      return { web: { 'sample.title': 'back' } };
    };
    await expect(loadPart(i18n, flaky, 'kk')).rejects.toThrow('offline');
    expect(isPartLoaded(i18n, flaky, 'kk')).toBe(false);
    await loadPart(i18n, flaky, 'kk');
    expect(i18n.t(TITLE)).toBe('back');
  });
});
