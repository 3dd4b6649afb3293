import { randomUUID } from 'node:crypto';
import type { DocumentKind, IndicatorId } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { assertMayPrepare, visibleApplication, type Viewer } from '../competition-access.ts';
import { isCalendarDate, recordCompetitionEvent } from '../competition-ledger.ts';
import { assertNotPublished, yearOrThrow } from '../years/years.usecases.ts';
import { findApplication, findDocument, insertDetachment, insertDocument, type DocumentRow } from './applications.repository.ts';

export interface DocumentMeta {
  kind: DocumentKind;
  /** Evidence: the indicator it backs. */
  indicatorId?: IndicatorId;
  /** Evidence: the date of the event it proves (note to Appendix 1). */
  eventDate?: string;
  title: string;
}

/** RC-18: evidence names its indicator and the event's date; an attachment of point 16 names neither indicator. */
export function checkDocumentMeta(meta: DocumentMeta, today: string) {
  if (meta.kind === 'evidence') {
    if (!meta.indicatorId) throw new AppError('competition.evidence_indicator_required');
    if (!meta.eventDate) throw new AppError('competition.evidence_date_required');
  } else if (meta.indicatorId) throw new AppError('competition.attachment_has_no_indicator', { kind: meta.kind });
  if (meta.eventDate && !isCalendarDate(meta.eventDate))
    throw new AppError('competition.date_invalid', { field: 'eventDate', value: meta.eventDate });
  if (meta.eventDate && meta.eventDate > today)
    throw new AppError('competition.date_in_future', { field: 'eventDate', value: meta.eventDate });
}

/** The draft a document may be added to or taken off, checked before any byte is stored. */
export async function draftForDocuments(deps: AppDeps, viewer: Viewer, organisationId: string, applicationId: string, db = deps.db) {
  const app = await visibleApplication(
    db,
    organisationId,
    viewer,
    await findApplication(db, organisationId, applicationId, db !== deps.db),
  );
  await assertMayPrepare(db, organisationId, viewer, app.memberOrganisationId);
  if (app.state !== 'draft') throw new AppError('competition.application_not_draft', { state: app.state });
  assertNotPublished(await yearOrThrow(deps, organisationId, app.yearId, false, db));
  return app;
}

/** A document already in the write-once store joins a draft (RC-16 attachments, RC-18 evidence). */
export async function attachDocument(
  deps: AppDeps,
  actor: Actor & { id: string },
  viewer: Viewer,
  organisationId: string,
  applicationId: string,
  meta: DocumentMeta,
  stored: { sha256: string; size: number; mime: string; fileName: string },
) {
  checkDocumentMeta(meta, dateInZone(deps.now()));
  return deps.db.transaction(async (tx) => {
    await draftForDocuments(deps, viewer, organisationId, applicationId, tx);
    const row: DocumentRow = {
      id: randomUUID(),
      organisationId,
      applicationId,
      kind: meta.kind,
      indicatorId: meta.indicatorId ?? null,
      eventDate: meta.eventDate ?? null,
      title: meta.title.trim(),
      ...stored,
      uploadedBy: actor.id,
      uploadedAt: deps.now(),
    };
    await insertDocument(tx, row);
    await recordCompetitionEvent(tx, deps, {
      organisationId,
      actor,
      action: 'competition.document_attached',
      subjectType: 'competition_application',
      subjectId: applicationId,
      payload: { ...row, uploadedAt: undefined },
    });
    return row;
  });
}

/** A document is taken off a draft; the stored file and its row stay (write-once), marked as no longer counting. */
export async function detachDocument(
  deps: AppDeps,
  actor: Actor & { id: string },
  viewer: Viewer,
  organisationId: string,
  applicationId: string,
  documentId: string,
) {
  return deps.db.transaction(async (tx) => {
    await draftForDocuments(deps, viewer, organisationId, applicationId, tx);
    const found = await findDocument(tx, applicationId, documentId);
    if (!found || found.detachedAt) throw new AppError('competition.document_not_found');
    await insertDetachment(tx, { documentId, detachedBy: actor.id, detachedAt: deps.now() });
    await recordCompetitionEvent(tx, deps, {
      organisationId,
      actor,
      action: 'competition.document_detached',
      subjectType: 'competition_application',
      subjectId: applicationId,
      payload: { documentId, sha256: found.document.sha256 },
    });
    return { ok: true as const };
  });
}
