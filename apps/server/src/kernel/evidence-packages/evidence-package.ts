import type { TFunction } from 'i18next';
import type { CustodySubject } from './package-custody.ts';
import type { CoverLetterLang, ManifestFile, PackageHeader } from './package-manifest.ts';

/**
 * What a rule set hands the kernel to seal an evidence package (docs/court-package.md). The rule
 * set chooses the files, says where each comes from and which ledger subjects prove their custody,
 * and words the cover letter; the kernel writes custody.json from the ledger, the kk/ru cover
 * letters, the manifest signed with the instance key and verify.html (sealPackage), and streams
 * the ZIP (openPackageZip).
 */
export interface PackageContent {
  header: PackageHeader;
  /** The organisation's time zone: the dates on the cover letters. */
  timeZone: string;
  /**
   * Its files in manifest order, each already in the store and re-hashed from it (rehashStored),
   * with their provenance fields; `ledgerEntry` binds a file to the entry that recorded its bytes.
   */
  files: ManifestFile[];
  /** The ledger subjects whose entries (with payloads) travel in custody.json. */
  custodyOf: CustodySubject[];
  /** The cover letter's wording in one language; the kernel adds the file table and the key fingerprint. */
  coverLetter(lang: CoverLetterLang, t: TFunction): CoverLetterText;
}

/** A cover letter's words, in the letter's language. */
export interface CoverLetterText {
  /** The sender as the letter names it in its language. */
  organisationName: string;
  title: string;
  /** Lines under the date: recipient, case or application, purpose… */
  facts: string[];
  /** Why the files are sent, under which act. */
  intro: string;
  /** One line for one of the rule set's files (custody.json and the letters are described by the kernel). */
  describe(file: ManifestFile): string;
  /** How to check the package, and whose published key fingerprint to compare. */
  verifyHint: string;
  author: { name: string; role: string };
}
