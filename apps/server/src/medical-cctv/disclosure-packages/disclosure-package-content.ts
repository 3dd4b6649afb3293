import type { TFunction } from 'i18next';
import { formatDate, formatDateTime } from '../../platform/format.ts';
import { safeFileName } from '../../platform/safe-file-name.ts';
import type { PackageContent } from '../../kernel/evidence-packages/evidence-package.ts';
import { filePosition, type LedgerBinding, type ManifestFile } from '../../kernel/evidence-packages/package-manifest.ts';
import type { AccessRequestRow, RequestFileRow } from '../access-requests/access-requests.repository.ts';

/** What point 3 discloses, the same words as the disclosure entry of the ledger. */
export const DISCLOSURE_PURPOSE = 'point 3: a deceased patient’s recordings to the family';
/** The ledger subject of an application, and the entry that recorded each clip on it. */
export const REQUEST_SUBJECT = 'cctv_access_request';
export const CLIP_ADDED = 'cctv.request_clip_added';

export interface DisclosureSources {
  packageId: string;
  number: string;
  createdAt: Date;
  request: AccessRequestRow;
  clips: { file: RequestFileRow; binding: LedgerBinding }[];
  org: { id: string; nameKk: string; nameRu: string; bin: string; timeZone: string };
  author: { id: string; name: string; role: 'head' | 'cctv_officer' };
  /** The requested places, each by its full name (building › floor › room). */
  places: { id: string; name: string }[];
}

const clipEntry = ({ file, binding }: DisclosureSources['clips'][number], i: number): ManifestFile => ({
  path: `clips/${filePosition(i + 1)}-${safeFileName(file.fileName, 'clip.mp4')}`,
  kind: 'clip',
  sha256: file.sha256,
  size: file.size,
  fileId: file.id,
  fileName: file.fileName,
  mime: file.mime,
  addedAt: file.uploadedAt.toISOString(),
  ledgerEntry: binding,
});

/**
 * R335-3: what DSM-335 puts in the package handed to a deceased patient's family — the clips,
 * each bound to the ledger entry that recorded it, the application (number, recipient and
 * relationship, patient, period, places, decision) and the custody of the application.
 */
export function disclosurePackageContent(s: DisclosureSources): PackageContent {
  const r = s.request;
  const tz = s.org.timeZone;
  const files = s.clips.map(clipEntry);
  const period = `${formatDateTime(r.periodFrom, tz)} – ${formatDateTime(r.periodTo, tz)}`;
  const role = s.author.role === 'head' ? 'role.head.medical_organisation' : 'role.cctv_officer';
  return {
    header: {
      packageId: s.packageId,
      number: s.number,
      createdAt: s.createdAt,
      createdBy: { id: s.author.id, name: s.author.name, role: s.author.role },
      organisation: { id: s.org.id, name: s.org.nameKk, bin: s.org.bin },
      recipient: { kind: 'family', name: r.applicantName, iin: r.applicantIin, relationship: r.relationship },
      purpose: DISCLOSURE_PURPOSE,
      details: {
        application: {
          id: r.id,
          number: r.number,
          receivedOn: r.receivedOn,
          patient: { name: r.patientName, dateOfDeath: r.dateOfDeath },
          period: { from: r.periodFrom.toISOString(), to: r.periodTo.toISOString() },
          places: s.places,
          decision: { decidedAt: r.decidedAt?.toISOString() ?? null, reason: r.decisionReason },
        },
      },
    },
    timeZone: tz,
    files,
    custodyOf: [{ subjectType: REQUEST_SUBJECT, subjectId: r.id }],
    coverLetter: (lang, t: TFunction) => ({
      organisationName: lang === 'ru' ? s.org.nameRu : s.org.nameKk,
      title: t('common:cctv.pdf.package.title', { number: s.number }),
      facts: [
        t('common:cctv.pdf.package.to', { name: r.applicantName, relationship: t(`common:cctv.relationship.${r.relationship}`) }),
        t('common:cctv.pdf.package.application', { number: r.number, receivedOn: formatDate(r.receivedOn) }),
        t('common:cctv.pdf.package.patient', { patient: r.patientName, dateOfDeath: formatDate(r.dateOfDeath) }),
        t('common:cctv.pdf.package.period', { period }),
        t('common:cctv.pdf.package.places', { places: s.places.map((p) => p.name).join('; ') }),
        t('common:cctv.pdf.package.decision', { date: r.decidedAt ? formatDate(r.decidedAt, tz) : '—' }),
      ],
      intro: t('common:cctv.pdf.package.intro'),
      describe: (f) =>
        t('common:cctv.pdf.package.clip', { fileName: f.fileName, addedAt: formatDateTime(new Date(String(f.addedAt)), tz) }),
      verifyHint: t('common:cctv.pdf.package.verifyHint'),
      author: { name: s.author.name, role: t(`common:${role}`) },
    }),
  };
}
