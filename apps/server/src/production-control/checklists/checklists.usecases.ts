import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { checkQuestions, type QuestionInput } from './checkQuestions.ts';
import {
  findChecklist,
  findVersion,
  insertChecklist,
  insertVersion,
  listVersions,
  updateChecklist,
  updateVersion,
  type ChecklistRow,
  type ChecklistVersionRow,
} from './checklists.repository.ts';

export type ChecklistPurpose = ChecklistRow['purpose'];
const subject = { subjectType: 'pc_checklist' } as const;

/** A new checklist (or comprehensive programme) starts as draft version 1. */
export async function createChecklist(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  input: { title: string; purpose: ChecklistPurpose; questions: readonly QuestionInput[] },
  source: 'editor' | 'json' | 'xlsx' = 'editor',
) {
  const questions = checkQuestions(input.questions);
  const now = deps.now();
  const checklist: ChecklistRow = { id: randomUUID(), organisationId, title: input.title.trim(), purpose: input.purpose, createdAt: now };
  const version: ChecklistVersionRow = {
    id: randomUUID(),
    organisationId,
    checklistId: checklist.id,
    version: 1,
    status: 'draft',
    questions,
    publishedBy: null,
    publishedAt: null,
    createdAt: now,
  };
  await deps.db.transaction(async (tx) => {
    await insertChecklist(tx, checklist);
    await insertVersion(tx, version);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: source === 'editor' ? 'pc.checklist_created' : 'pc.checklist_imported',
      ...subject,
      subjectId: checklist.id,
      payload: { title: checklist.title, purpose: checklist.purpose, source, questions },
    });
  });
  return { checklist, version };
}

/** Edits a draft version's questions (and the checklist's title); a published version is refused (it never changes). */
export async function saveDraft(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  checklistId: string,
  versionNo: number,
  input: { title?: string; questions: readonly QuestionInput[] },
) {
  const questions = checkQuestions(input.questions);
  return deps.db.transaction(async (tx) => {
    const checklist = await findChecklist(tx, organisationId, checklistId, true);
    if (!checklist) throw new AppError('pc.checklist_not_found');
    const v = await findVersion(tx, organisationId, checklistId, versionNo);
    if (!v) throw new AppError('pc.checklist_version_not_found');
    if (v.status !== 'draft') {
      const latest = (await listVersions(tx, organisationId, checklistId))[0]!;
      throw new AppError('pc.checklist_version_published', { version: v.version, next: latest.version + 1 });
    }
    await updateVersion(tx, v.id, { questions });
    const title = input.title?.trim();
    if (title && title !== checklist.title) await updateChecklist(tx, checklist.id, { title });
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.checklist_draft_saved',
      ...subject,
      subjectId: checklistId,
      payload: { version: v.version, title: title ?? checklist.title, questions },
    });
    return { checklist: { ...checklist, title: title || checklist.title }, version: { ...v, questions } };
  });
}

/** Editing a published checklist: a new draft (version + 1) copying the latest version's questions. */
export async function startRevision(deps: AppDeps, actor: Actor, organisationId: string, checklistId: string) {
  return deps.db.transaction(async (tx) => {
    const checklist = await findChecklist(tx, organisationId, checklistId, true);
    if (!checklist) throw new AppError('pc.checklist_not_found');
    const latest = (await listVersions(tx, organisationId, checklistId))[0]!;
    if (latest.status === 'draft') throw new AppError('pc.checklist_draft_exists', { version: latest.version });
    const draft: ChecklistVersionRow = {
      ...latest,
      id: randomUUID(),
      version: latest.version + 1,
      status: 'draft',
      publishedBy: null,
      publishedAt: null,
      createdAt: deps.now(),
    };
    await insertVersion(tx, draft);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.checklist_revision_started',
      ...subject,
      subjectId: checklistId,
      payload: { version: draft.version, from: latest.version },
    });
    return { checklist, version: draft };
  });
}

/**
 * Publishes a draft: from now on the version never changes (the trigger refuses it too). A comprehensive
 * programme's publication is its approval, which only the first head gives (R315-11).
 */
export async function publishVersion(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  checklistId: string,
  versionNo: number,
  isFirstHead: boolean,
) {
  return deps.db.transaction(async (tx) => {
    const checklist = await findChecklist(tx, organisationId, checklistId, true);
    if (!checklist) throw new AppError('pc.checklist_not_found');
    if (checklist.purpose === 'comprehensive_programme' && !isFirstHead) throw new AppError('pc.programme_needs_first_head');
    const v = await findVersion(tx, organisationId, checklistId, versionNo);
    if (!v) throw new AppError('pc.checklist_version_not_found');
    if (v.status !== 'draft') throw new AppError('pc.checklist_version_published', { version: v.version, next: v.version + 1 });
    if (!v.questions.length) throw new AppError('pc.checklist_question_invalid', { row: 0, field: 'questions', rule: 'none' });
    const set = { status: 'published' as const, publishedBy: actor.id, publishedAt: deps.now() };
    await updateVersion(tx, v.id, set);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: checklist.purpose === 'comprehensive_programme' ? 'pc.programme_approved' : 'pc.checklist_published',
      ...subject,
      subjectId: checklistId,
      payload: { version: v.version, versionId: v.id, questions: v.questions },
    });
    return { checklist, version: { ...v, ...set } };
  });
}
