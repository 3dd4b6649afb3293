import { createHash, randomUUID } from 'node:crypto';
import type { Locale, NoticeAddressees, NoticeKind } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, isUniqueViolation } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { notifyPeople } from '../pc-notify.ts';
import {
  findNotice,
  insertAcknowledgement,
  insertAddressees,
  insertNotice,
  isAddressee,
  resolveAddressees,
  successorOf,
  updateDraft,
  type NoticeRow,
} from './notices.repository.ts';

type User = Actor & { id: string };
export interface NoticeInput {
  kind: NoticeKind;
  subject: string;
  body: string;
  language: Locale;
  addressees: NoticeAddressees;
  acknowledgeWithinDays: number;
  supersedesId?: string | null;
  analysisId?: string | null;
}

const hasAddressees = (a: NoticeAddressees) => a.allMembers || a.userIds.length + a.unitIds.length + a.facilityIds.length > 0;

/** A correction supersedes a published notice of the same organisation that nothing superseded yet. */
async function checkSupersedes(tx: DbOrTx, organisationId: string, id: string | null | undefined) {
  if (!id) return;
  const old = await findNotice(tx, organisationId, id);
  if (!old || !old.publishedAt || (await successorOf(tx, id)))
    throw new AppError('pc.notice_supersedes_invalid', { field: 'supersedesId', value: id });
}

async function insertDraft(tx: DbOrTx, deps: AppDeps, actor: User, organisationId: string, input: NoticeInput) {
  if (!hasAddressees(input.addressees)) throw new AppError('pc.notice_addressees_empty', { field: 'addressees' });
  await checkSupersedes(tx, organisationId, input.supersedesId);
  const row = {
    id: randomUUID(),
    organisationId,
    ...input,
    subject: input.subject.trim(),
    body: input.body.trim(),
    supersedesId: input.supersedesId ?? null,
    analysisId: input.analysisId ?? null,
    authorId: actor.id,
    createdAt: deps.now(),
  };
  await insertNotice(tx, row);
  await recordPcEvent(tx, deps, {
    organisationId,
    actor,
    action: 'pc.notice_drafted',
    subjectType: 'pc_notice',
    subjectId: row.id,
    payload: { kind: row.kind, subject: row.subject, supersedesId: row.supersedesId },
  });
  return row;
}

/** R315-4, R315-20: the service writes a notice (a draft until published: a document may still be attached). */
export const draftNotice = (deps: AppDeps, actor: User, organisationId: string, input: NoticeInput) =>
  deps.db.transaction((tx) => insertDraft(tx, deps, actor, organisationId, input));

async function ownDraft(tx: DbOrTx, actor: User, organisationId: string, id: string) {
  const n = await findNotice(tx, organisationId, id);
  if (!n) throw new AppError('pc.notice_not_found');
  if (n.publishedAt) throw new AppError('pc.notice_published', { publishedAt: n.publishedAt.toISOString() });
  if (n.authorId !== actor.id) throw new AppError('pc.notice_not_author');
  return n;
}

/** Only the author's own draft takes a document. */
export const assertDraftTakesDocument = (db: DbOrTx, actor: User, organisationId: string, id: string) =>
  ownDraft(db, actor, organisationId, id);

export async function attachNoticeDocument(
  deps: AppDeps,
  actor: User,
  organisationId: string,
  id: string,
  file: { sha256: string; size: number; mime: string; fileName: string },
) {
  return deps.db.transaction(async (tx) => {
    await ownDraft(tx, actor, organisationId, id);
    const set = { documentSha256: file.sha256, documentMime: file.mime, documentSize: file.size, documentName: file.fileName };
    await updateDraft(tx, id, set);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.notice_document_attached',
      subjectType: 'pc_notice',
      subjectId: id,
      payload: set,
    });
    return (await findNotice(tx, organisationId, id))!;
  });
}

async function publishDraft(tx: DbOrTx, deps: AppDeps, actor: User, n: NoticeRow) {
  await checkSupersedes(tx, n.organisationId, n.supersedesId);
  const now = deps.now();
  const { people, unknown } = await resolveAddressees(tx, n.organisationId, n.addressees, dateInZone(now));
  if (unknown.length) throw new AppError('pc.notice_addressee_unknown', { field: unknown[0]!.field, value: unknown[0]!.id });
  if (!people.length) throw new AppError('pc.notice_addressees_empty', { field: 'addressees' });
  await updateDraft(tx, n.id, { publishedAt: now });
  await insertAddressees(
    tx,
    people.map((userId) => ({ noticeId: n.id, userId, organisationId: n.organisationId })),
  );
  await recordPcEvent(tx, deps, {
    organisationId: n.organisationId,
    actor,
    action: 'pc.notice_published',
    subjectType: 'pc_notice',
    subjectId: n.id,
    payload: {
      kind: n.kind,
      subject: n.subject,
      bodySha256: createHash('sha256').update(n.body).digest('hex'),
      documentSha256: n.documentSha256,
      supersedesId: n.supersedesId,
      analysisId: n.analysisId,
      addressees: people,
    },
  });
  await notifyPeople(tx, n.organisationId, people, 'pc.notice_published', { noticeId: n.id, subject: n.subject }, now);
  return { ...n, publishedAt: now, addressees: n.addressees, people };
}

/** R315-4, R315-20: the author publishes the draft; the addressees are resolved now and frozen, each is notified. */
export async function publishNotice(deps: AppDeps, actor: User, organisationId: string, id: string) {
  try {
    return await deps.db.transaction(async (tx) => publishDraft(tx, deps, actor, await ownDraft(tx, actor, organisationId, id)));
  } catch (e) {
    // Two corrections of one notice published at once: the unique index keeps one.
    if (isUniqueViolation(e)) throw new AppError('pc.notice_supersedes_invalid', { field: 'supersedesId' });
    throw e;
  }
}

/** Written and published in one step (the point-20 notice made from an approved analysis). */
export const publishNewNotice = async (tx: DbOrTx, deps: AppDeps, actor: User, organisationId: string, input: NoticeInput) =>
  publishDraft(tx, deps, actor, { ...(await insertDraft(tx, deps, actor, organisationId, input)), publishedAt: null } as NoticeRow);

/** R315-4, R315-20: an addressee acknowledges a notice once; the time is kept and goes to the ledger. */
export async function acknowledgeNotice(deps: AppDeps, actor: User, organisationId: string, id: string) {
  return deps.db.transaction(async (tx) => {
    const n = await findNotice(tx, organisationId, id);
    if (!n || !n.publishedAt) throw new AppError('pc.notice_not_found');
    if (!(await isAddressee(tx, id, actor.id))) throw new AppError('pc.notice_not_addressee');
    const successor = await successorOf(tx, id);
    if (successor) throw new AppError('pc.notice_superseded', { supersededById: successor });
    const now = deps.now();
    const [row] = await insertAcknowledgement(tx, { noticeId: id, userId: actor.id, organisationId, acknowledgedAt: now });
    if (!row) throw new AppError('pc.notice_already_acknowledged');
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.notice_acknowledged',
      subjectType: 'pc_notice',
      subjectId: id,
      payload: { userId: actor.id, acknowledgedAt: now.toISOString() },
    });
    return row;
  });
}
