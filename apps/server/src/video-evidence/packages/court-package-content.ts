import type { TFunction } from 'i18next';
import { formatDateTime } from '../../platform/format.ts';
import type { PackageContent } from '../../kernel/evidence-packages/evidence-package.ts';
import type { ManifestFile } from '../../kernel/evidence-packages/package-manifest.ts';
import type { PackageSources } from './package-sources.ts';

/** One line per file for the letter: what it is, in the letter's language. */
function describe(s: PackageSources, f: ManifestFile, t: TFunction) {
  if (f.kind === 'original') {
    const r = s.recordings.find((x) => x.rec.id === f.recordingId)!;
    return t('common:pdf.package.original', {
      inventoryNumber: r.inventoryNumber,
      // An unreadable original (issue 19) has no capture time: the letter says so, never a file time.
      startedAt: r.rec.startedAt ? formatDateTime(r.rec.startedAt, s.org.timeZone) : t('common:pdf.package.captureUnknown'),
      inspector: r.entry?.inspectorName ?? t('common:pdf.package.noInspector'),
    });
  }
  if (f.kind === 'excerpt') {
    const of = f.excerptOf as { recordingId: string; fromSeconds: number; toSeconds: number };
    const r = s.recordings.find((x) => x.rec.id === of.recordingId)!;
    return t('common:pdf.package.excerpt', { from: of.fromSeconds, to: of.toSeconds, original: r.rec.originalName });
  }
  return t('common:pdf.package.material', { title: f.title });
}

/**
 * R444-14: what Order 444 puts in a court or authority package — the originals with their
 * provenance, excerpts and materials (`files`, in manifest order), the custody of every recording,
 * and the cover letter's wording under point 14.
 */
export function courtPackageContent(s: PackageSources, files: ManifestFile[]): PackageContent {
  const { pkg, org } = s;
  return {
    header: {
      packageId: pkg.id,
      number: pkg.number,
      createdAt: pkg.createdAt,
      createdBy: { id: pkg.createdBy, name: s.authorName, role: pkg.createdByRole },
      organisation: { id: org.id, name: org.nameKk, bin: org.bin },
      recipient: { kind: pkg.recipientKind, name: pkg.recipientName, caseNumber: pkg.caseNumber },
      purpose: pkg.purpose,
    },
    timeZone: org.timeZone,
    files,
    custodyOf: s.recordings.map((r) => ({ subjectType: 'recording', subjectId: r.rec.id })),
    coverLetter: (lang, t) => ({
      organisationName: lang === 'ru' ? org.nameRu : org.nameKk,
      title: t('common:pdf.package.title', { number: pkg.number }),
      facts: [
        t('common:pdf.package.to', { kind: t(`common:pdf.package.recipientKind.${pkg.recipientKind}`), name: pkg.recipientName }),
        t('common:pdf.package.caseNumber', { caseNumber: pkg.caseNumber }),
        t('common:pdf.package.purpose', { purpose: pkg.purpose }),
      ],
      intro: t('common:pdf.package.intro'),
      describe: (f) => describe(s, f, t),
      verifyHint: t('common:pdf.package.verifyHint'),
      author: { name: s.authorName, role: t(`common:role.${pkg.createdByRole}`) },
    }),
  };
}
