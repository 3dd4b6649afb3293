import { Readable } from 'node:stream';
import type { AppDeps } from '../../platform/deps.ts';
import { formatDateTime } from '../../platform/format.ts';
import type { CoverLetterFile } from './package-cover-letter.pdf.ts';
import { COVER_LETTER_LANGS, CUSTODY_PATH, coverLetterPath, type ManifestFile, type Stored } from './package-manifest.ts';
import type { PackageSources } from './package-sources.ts';

/** Small parts (custody, letters, manifest) go to the write-once store like everything else the ZIP streams. */
export const putBytes = (deps: AppDeps, data: string | Buffer): Promise<Stored> =>
  deps.store.put(Readable.from([typeof data === 'string' ? Buffer.from(data, 'utf8') : data]));

/** One line per file for the letter: what it is, in the letter's language. */
function describe(s: PackageSources, f: ManifestFile, t: (k: string, o?: Record<string, unknown>) => string) {
  if (f.kind === 'original') {
    const r = s.recordings.find((x) => x.rec.id === f.recordingId)!;
    return t('common:pdf.package.original', {
      inventoryNumber: r.inventoryNumber,
      startedAt: formatDateTime(r.rec.startedAt, s.org.timeZone),
      inspector: r.entry?.inspectorName ?? t('common:pdf.package.noInspector'),
    });
  }
  if (f.kind === 'excerpt') {
    const of = f.excerptOf as { recordingId: string; fromSeconds: number; toSeconds: number };
    const r = s.recordings.find((x) => x.rec.id === of.recordingId)!;
    return t('common:pdf.package.excerpt', { from: of.fromSeconds, to: of.toSeconds, original: r.rec.originalName });
  }
  if (f.kind === 'material') return t('common:pdf.package.material', { title: f.title });
  return t('common:pdf.package.custody');
}

/** The kk and ru cover letters, stored; returns their manifest entries. */
export async function buildCoverLetters(deps: AppDeps, s: PackageSources, files: ManifestFile[], custody: Stored, builtAt: Date) {
  const listed = [...files, { path: CUSTODY_PATH, kind: 'custody', ...custody } as unknown as ManifestFile];
  const out: ManifestFile[] = [];
  for (const lang of COVER_LETTER_LANGS) {
    const t = deps.translator.forLocale(lang);
    const rows: CoverLetterFile[] = listed.map((f) => ({ path: f.path, description: describe(s, f, t), size: f.size, sha256: f.sha256 }));
    const { renderCoverLetter } = await import('./package-cover-letter.pdf.ts'); // pdfkit loads on first use
    const pdf = await renderCoverLetter({
      t,
      number: s.pkg.number,
      organisationName: lang === 'ru' ? s.org.nameRu : s.org.nameKk,
      bin: s.org.bin,
      timeZone: s.org.timeZone,
      date: builtAt,
      recipientKind: s.pkg.recipientKind,
      recipientName: s.pkg.recipientName,
      caseNumber: s.pkg.caseNumber,
      purpose: s.pkg.purpose,
      files: rows,
      fingerprint: deps.instanceKey.fingerprint,
      authorName: s.authorName,
      authorRole: t(`common:role.${s.pkg.createdByRole}`),
    });
    out.push({ path: coverLetterPath(lang), kind: 'cover_letter', ...(await putBytes(deps, pdf)) });
  }
  return out;
}
