import { Readable } from 'node:stream';
import type { AppDeps } from '../../platform/deps.ts';
import type { CoverLetterFile } from './cover-letter.pdf.ts';
import type { PackageContent } from './evidence-package.ts';
import { COVER_LETTER_LANGS, CUSTODY_PATH, coverLetterPath, type ManifestFile, type Stored } from './package-manifest.ts';

/** Small parts (custody, letters, manifest) go to the store like everything else the ZIP streams; derived (not locked). */
export const putBytes = (deps: AppDeps, data: string | Buffer): Promise<Stored> =>
  deps.store.put(Readable.from([typeof data === 'string' ? Buffer.from(data, 'utf8') : data]), { kind: 'derived' });

/** The kk and ru cover letters, stored; returns their manifest entries. */
export async function buildCoverLetters(deps: AppDeps, content: PackageContent, custody: Stored, builtAt: Date) {
  const out: ManifestFile[] = [];
  for (const lang of COVER_LETTER_LANGS) {
    const t = deps.translator.forLocale(lang);
    const text = content.coverLetter(lang, t);
    const rows: CoverLetterFile[] = [
      ...content.files.map((f) => ({ path: f.path, description: text.describe(f), size: f.size, sha256: f.sha256 })),
      { path: CUSTODY_PATH, description: t('common:pdf.package.custody'), ...custody },
    ];
    const { renderCoverLetter } = await import('./cover-letter.pdf.ts'); // pdfkit loads on first use
    const pdf = await renderCoverLetter({
      t,
      title: text.title,
      organisationName: text.organisationName,
      bin: content.header.organisation.bin,
      timeZone: content.timeZone,
      date: builtAt,
      facts: text.facts,
      intro: text.intro,
      files: rows,
      fingerprint: deps.instanceKey.fingerprint,
      verifyHint: text.verifyHint,
      authorName: text.author.name,
      authorRole: text.author.role,
    });
    out.push({ path: coverLetterPath(lang), kind: 'cover_letter', ...(await putBytes(deps, pdf)) });
  }
  return out;
}
