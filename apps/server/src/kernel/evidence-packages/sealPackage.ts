import type { AppDeps } from '../../platform/deps.ts';
import type { PackageContent } from './evidence-package.ts';
import { buildCustody } from './package-custody.ts';
import { manifestText, type ManifestFile, type Stored } from './package-manifest.ts';
import { buildCoverLetters, putBytes } from './package-parts.ts';
import { renderVerifyHtml } from './verify/verify-page.ts';

export interface SealedPackage {
  /** Every file the manifest lists: the rule set's, then the cover letters. */
  files: ManifestFile[];
  custody: Stored;
  manifest: Stored;
  /** Ed25519 (base64) over the exact bytes of the stored manifest. */
  signature: string;
  verifyHtml: Stored;
}

/**
 * Seals a package whose files are in the store: custody.json from the ledger (against a signed
 * checkpoint), the kk/ru cover letters, the manifest signed with the instance key, and the
 * recipient's offline checker, all stored; the ZIP then only streams (openPackageZip). The caller
 * records the result in its own table and ledger, in one transaction.
 */
export async function sealPackage(deps: AppDeps, content: PackageContent, builtAt: Date): Promise<SealedPackage> {
  const custody = await putBytes(deps, await buildCustody(deps, content.header.organisation.id, content.custodyOf, builtAt));
  const files = [...content.files, ...(await buildCoverLetters(deps, content, custody, builtAt))];
  const text = manifestText(content.header, deps.instanceKey, custody, files);
  const signature = deps.instanceKey.sign(text); // Ed25519 over the UTF-8 bytes of exactly this text
  const manifest = await putBytes(deps, text);
  // The recipient's offline checker travels in the package; stored like every other part.
  const verifyHtml = await putBytes(deps, renderVerifyHtml());
  return { files, custody, manifest, signature, verifyHtml };
}
