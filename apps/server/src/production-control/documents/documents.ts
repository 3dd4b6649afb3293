import { createHash, randomUUID } from 'node:crypto';
import { DOCUMENT_TEXT_MAX, type PcDocumentContent, type PcDocumentKind } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { lockOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { notifyHeads } from '../pc-notify.ts';
import { findDraft, findVersion, insertApproval, insertVersion, latestVersion, upsertDraft } from './documents.repository.ts';

type Person = Actor & { id: string };

/** What one generated document is: its editable texts, the period it is for and how its figures are counted. */
export interface DocumentSpec {
  kind: PcDocumentKind;
  /** Every editable text, in the document's order; `required` ones must be written before presenting. */
  textKeys: readonly string[];
  requiredTexts: readonly string[];
  /** The period's key from the request ('' when the document has none); throws naming the field when it is invalid. */
  period(deps: AppDeps, raw: string | undefined): string;
  /** Refuses to present a period that is not over yet (nothing for a standing document). */
  checkPresentable?(deps: AppDeps, period: string): void;
  figures(deps: AppDeps, db: DbOrTx, organisationId: string, period: string): Promise<PcDocumentContent['figures']>;
}

const sha256 = (content: PcDocumentContent) => createHash('sha256').update(JSON.stringify(content)).digest('hex');

/** The draft's texts, every key present (empty when never written). */
async function draftTexts(db: DbOrTx, spec: DocumentSpec, organisationId: string, period: string) {
  const draft = await findDraft(db, organisationId, spec.kind, period);
  const texts = Object.fromEntries(spec.textKeys.map((k) => [k, draft?.texts[k] ?? '']));
  return { texts, draft };
}

/** The document as it would be presented now: live figures and the draft's texts. */
export async function currentDocument(deps: AppDeps, db: DbOrTx, spec: DocumentSpec, organisationId: string, period: string) {
  const [figures, { texts, draft }] = await Promise.all([
    spec.figures(deps, db, organisationId, period),
    draftTexts(db, spec, organisationId, period),
  ]);
  return {
    content: { figures, texts } satisfies PcDocumentContent,
    draft: draft ? { updatedBy: draft.updatedBy, updatedAt: draft.updatedAt } : null,
  };
}

/** Saves the draft's editable texts (the keys given; the others stay). Every key is one of the document's, every text within the limit. */
export async function saveDocumentTexts(
  deps: AppDeps,
  actor: Person,
  spec: DocumentSpec,
  organisationId: string,
  period: string,
  texts: Record<string, string>,
) {
  for (const [key, value] of Object.entries(texts)) {
    if (!spec.textKeys.includes(key)) throw new AppError('pc.document_text_unknown', { field: `texts.${key}`, kind: spec.kind });
    if (value.length > DOCUMENT_TEXT_MAX)
      throw new AppError('pc.document_text_too_long', { field: `texts.${key}`, max: DOCUMENT_TEXT_MAX, length: value.length });
  }
  return deps.db.transaction(async (tx) => {
    const current = await draftTexts(tx, spec, organisationId, period);
    const merged = { ...current.texts, ...texts };
    const now = deps.now();
    await upsertDraft(tx, { organisationId, kind: spec.kind, period, texts: merged, updatedBy: actor.id, updatedAt: now });
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.document_texts_saved',
      subjectType: `pc_${spec.kind}`,
      subjectId: organisationId,
      payload: { kind: spec.kind, period, keys: Object.keys(texts) },
    });
    return merged;
  });
}

/**
 * The service presents the document to the first head: figures and texts are frozen as a new
 * write-once version (SHA-256 of the content); presenting the same content again is refused.
 */
export async function presentDocument(deps: AppDeps, actor: Person, spec: DocumentSpec, organisationId: string, period: string) {
  spec.checkPresentable?.(deps, period);
  return deps.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId); // versions are numbered one after another, even when sent twice at once
    const { content } = await currentDocument(deps, tx, spec, organisationId, period);
    const missing = spec.requiredTexts.find((k) => !content.texts[k]?.trim());
    if (missing) throw new AppError('pc.document_text_required', { field: `texts.${missing}`, kind: spec.kind, section: missing });
    const contentSha256 = sha256(content);
    const latest = await latestVersion(tx, organisationId, spec.kind, period);
    if (latest?.contentSha256 === contentSha256) throw new AppError('pc.document_unchanged', { kind: spec.kind, version: latest.version });
    const now = deps.now();
    const row = {
      id: randomUUID(),
      organisationId,
      kind: spec.kind,
      period,
      version: (latest?.version ?? 0) + 1,
      content,
      contentSha256,
      presentedBy: actor.id,
      presentedAt: now,
    };
    await insertVersion(tx, row);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: `pc.${spec.kind}_presented`,
      subjectType: `pc_${spec.kind}`,
      subjectId: row.id,
      payload: { period, version: row.version, contentSha256 },
    });
    await notifyHeads(tx, organisationId, `pc.${spec.kind}_presented`, { versionId: row.id, period, version: row.version }, now);
    return { ...row, approval: null };
  });
}

/** The first head approves the latest presented version, once (R315-6, R315-26). */
export async function approveDocument(deps: AppDeps, actor: Person, spec: DocumentSpec, organisationId: string, versionId: string) {
  return deps.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const v = await findVersion(tx, organisationId, spec.kind, versionId);
    if (!v) throw new AppError('pc.document_not_found', { kind: spec.kind });
    if (v.approval) throw new AppError('pc.document_already_approved', { kind: spec.kind, version: v.version });
    const latest = await latestVersion(tx, organisationId, spec.kind, v.period);
    if (latest && latest.version !== v.version)
      throw new AppError('pc.document_superseded', { kind: spec.kind, version: v.version, latest: latest.version });
    const now = deps.now();
    await insertApproval(tx, { versionId, organisationId, approvedBy: actor.id, approvedAt: now });
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: `pc.${spec.kind}_approved`,
      subjectType: `pc_${spec.kind}`,
      subjectId: versionId,
      payload: { period: v.period, version: v.version, contentSha256: v.contentSha256 },
    });
    return { ...v, approval: { approvedBy: actor.id, approvedAt: now } };
  });
}
