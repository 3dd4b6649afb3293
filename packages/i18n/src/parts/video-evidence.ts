import kkCommon from '../../locales/video-evidence/kk/common.json';
import kkErrors from '../../locales/video-evidence/kk/errors.json';
import kkWeb from '../../locales/video-evidence/kk/web.json';
import ruCommon from '../../locales/video-evidence/ru/common.json';
import ruErrors from '../../locales/video-evidence/ru/errors.json';
import ruWeb from '../../locales/video-evidence/ru/web.json';
import enCommon from '../../locales/video-evidence/en/common.json';
import enErrors from '../../locales/video-evidence/en/errors.json';
import enWeb from '../../locales/video-evidence/en/web.json';
import type { CatalogPart } from '../options.ts';

/** Order 444 (body-worn video recorders): its pages, ledger actions, error codes, PDFs and its kinds of package file. */
export const videoEvidence = {
  kk: { common: kkCommon, errors: kkErrors, web: kkWeb },
  ru: { common: ruCommon, errors: ruErrors, web: ruWeb },
  en: { common: enCommon, errors: enErrors, web: enWeb },
} satisfies CatalogPart;
