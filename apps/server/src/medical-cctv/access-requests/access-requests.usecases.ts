import { randomUUID } from 'node:crypto';
import { ENTITLED_RELATIONSHIPS, isValidIin, type ApplicantRelationship } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDateTime } from '../../platform/format.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { notifyRoles } from '../../kernel/notifications/notify.ts';
import { isCalendarDate, recordCctvEvent } from '../cctv-ledger.ts';
import { placesByIds } from '../premises/premises.repository.ts';
import {
  countRequestsOfYear,
  filesOfRequest,
  findRequest,
  insertRequest,
  insertRequestFile,
  nextFileSeq,
  updateRequest,
  type AccessRequestRow,
} from './access-requests.repository.ts';

export interface NewAccessRequest {
  receivedOn: string;
  applicantName: string;
  applicantIin: string;
  applicantContact?: string;
  relationship: ApplicantRelationship;
  patientName: string;
  patientIin: string;
  dateOfDeath: string;
  periodFrom: Date;
  periodTo: Date;
  placeIds: string[];
}

const DAY = 86_400_000;

/**
 * R335-3: an application is received and numbered; the requested period is put on hold at once
 * (the instruction to the clinic's video system is recorded) so nothing is overwritten while it
 * is open. Every application is registered, also one that point 3 will not let the clinic grant.
 */
export async function receiveAccessRequest(deps: AppDeps, actor: Actor, organisationId: string, input: NewAccessRequest) {
  for (const [field, value] of [
    ['receivedOn', input.receivedOn],
    ['dateOfDeath', input.dateOfDeath],
  ] as const)
    if (!isCalendarDate(value)) throw new AppError('cctv.date_invalid', { field, value });
  for (const [field, value] of [
    ['applicantIin', input.applicantIin],
    ['patientIin', input.patientIin],
  ] as const)
    if (!isValidIin(value)) throw new AppError('cctv.iin_invalid', { field, value });
  const today = dateInZone(deps.now());
  if (input.receivedOn > today) throw new AppError('cctv.date_in_future', { field: 'receivedOn', value: input.receivedOn });
  if (input.periodTo.getTime() <= input.periodFrom.getTime()) throw new AppError('cctv.request_period_invalid');
  if (input.periodTo.getTime() - input.periodFrom.getTime() > 31 * DAY) throw new AppError('cctv.request_period_too_long', { days: 31 });
  if (!input.placeIds.length) throw new AppError('cctv.request_places_required');
  return deps.db.transaction(async (tx) => {
    const places = await placesByIds(tx, organisationId, [...new Set(input.placeIds)]);
    if (places.length !== new Set(input.placeIds).size) throw new AppError('cctv.place_not_found', { field: 'placeIds' });
    const year = input.receivedOn.slice(0, 4);
    const number = `${year}-${(await countRequestsOfYear(tx, organisationId, year)) + 1}`;
    const holdInstruction =
      `Keep every recording from ${input.periodFrom.toISOString()} to ${input.periodTo.toISOString()} ` +
      `of: ${places.map((p) => p.name).join('; ')} — application ${number} (point 3 of the Rules).`;
    const row = {
      id: randomUUID(),
      organisationId,
      number,
      ...input,
      applicantName: input.applicantName.trim(),
      applicantContact: (input.applicantContact ?? '').trim(),
      patientName: input.patientName.trim(),
      placeIds: places.map((p) => p.id),
      state: 'received' as const,
      holdInstruction,
      createdAt: deps.now(),
    };
    await insertRequest(tx, row);
    await recordCctvEvent(tx, deps, {
      organisationId,
      actor,
      action: 'cctv.request_received',
      subjectType: 'cctv_access_request',
      subjectId: row.id,
      payload: { ...row, createdAt: undefined },
    });
    // The notice is worded in each reader's language from these parts (the stored instruction is the record).
    await notifyRoles(
      tx,
      organisationId,
      ['head', 'cctv_officer'],
      'cctv.request_received',
      {
        number,
        from: formatDateTime(input.periodFrom),
        to: formatDateTime(input.periodTo),
        places: places.map((p) => p.name).join('; '),
        holdInstruction,
      },
      deps.now(),
    );
    return row;
  });
}

async function lockRequest(tx: Parameters<typeof findRequest>[0], organisationId: string, id: string) {
  const r = await findRequest(tx, organisationId, id, true);
  if (!r) throw new AppError('cctv.request_not_found');
  return r;
}

const refuseState = (r: AccessRequestRow): never => {
  throw new AppError('cctv.request_state_invalid', { number: r.number, state: r.state });
};

/** The video system's operator confirms the period is kept (who, as they signed it). */
export async function confirmHold(deps: AppDeps, actor: Actor, organisationId: string, id: string, input: { confirmedBy: string }) {
  return deps.db.transaction(async (tx) => {
    const r = await lockRequest(tx, organisationId, id);
    if (r.state !== 'received') refuseState(r);
    const set = { state: 'hold_confirmed' as const, holdConfirmedAt: deps.now(), holdConfirmedBy: input.confirmedBy.trim() };
    await updateRequest(tx, r.id, set);
    await recordCctvEvent(tx, deps, {
      organisationId,
      actor,
      action: 'cctv.request_hold_confirmed',
      subjectType: 'cctv_access_request',
      subjectId: r.id,
      payload: { confirmedBy: set.holdConfirmedBy },
    });
    return { ...r, ...set };
  });
}

/**
 * The head decides, with reasons. Point 3 lets only the children and the surviving spouse have the
 * recordings: another applicant's request can only be refused. A decision needs the hold confirmed.
 */
export async function decideAccessRequest(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  id: string,
  input: { grant: boolean; reason: string },
) {
  const reason = input.reason.trim();
  if (reason.length < 3) throw new AppError('cctv.request_reason_required');
  return deps.db.transaction(async (tx) => {
    const r = await lockRequest(tx, organisationId, id);
    if (r.state !== 'hold_confirmed') refuseState(r);
    if (input.grant && !ENTITLED_RELATIONSHIPS.includes(r.relationship))
      throw new AppError('cctv.request_not_entitled', { number: r.number });
    const set = {
      state: input.grant ? ('granted' as const) : ('refused' as const),
      decisionReason: reason,
      decidedAt: deps.now(),
      decidedBy: actor.id,
    };
    await updateRequest(tx, r.id, set);
    await recordCctvEvent(tx, deps, {
      organisationId,
      actor,
      action: input.grant ? 'cctv.request_granted' : 'cctv.request_refused',
      subjectType: 'cctv_access_request',
      subjectId: r.id,
      payload: { reason },
    });
    return { ...r, ...set };
  });
}

/** The clips are handed to the applicant: logged as a disclosure (recipient, date, purpose) in the ledger. */
export async function discloseRecordings(deps: AppDeps, actor: Actor, organisationId: string, id: string, input: { handedOverOn: string }) {
  if (!isCalendarDate(input.handedOverOn)) throw new AppError('cctv.date_invalid', { field: 'handedOverOn', value: input.handedOverOn });
  return deps.db.transaction(async (tx) => {
    const r = await lockRequest(tx, organisationId, id);
    if (r.state !== 'granted') refuseState(r);
    const clips = (await filesOfRequest(tx, r.id)).filter((f) => f.kind === 'clip');
    if (!clips.length) throw new AppError('cctv.request_no_clips', { number: r.number });
    const set = { state: 'provided' as const, providedAt: deps.now() };
    await updateRequest(tx, r.id, set);
    await recordCctvEvent(tx, deps, {
      organisationId,
      actor,
      action: 'cctv.recordings_disclosed',
      subjectType: 'cctv_access_request',
      subjectId: r.id,
      payload: {
        recipient: { name: r.applicantName, iin: r.applicantIin, relationship: r.relationship },
        handedOverOn: input.handedOverOn,
        purpose: 'point 3: a deceased patient’s recordings to the family',
        clips: clips.map((c) => ({ fileName: c.fileName, sha256: c.sha256, size: c.size })),
      },
    });
    return { ...r, ...set };
  });
}

/** Proof documents while the application is open; clips only once access is granted (before they are handed over). */
export async function assertRequestTakesFile(deps: AppDeps, organisationId: string, id: string, kind: 'proof' | 'clip') {
  const r = await findRequest(deps.db, organisationId, id);
  if (!r) throw new AppError('cctv.request_not_found');
  const ok = kind === 'proof' ? r.state === 'received' || r.state === 'hold_confirmed' : r.state === 'granted';
  if (!ok) refuseState(r);
  return r;
}

export async function addRequestFile(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  id: string,
  kind: 'proof' | 'clip',
  file: { sha256: string; size: number; mime: string; fileName: string },
) {
  return deps.db.transaction(async (tx) => {
    const r = await lockRequest(tx, organisationId, id);
    const ok = kind === 'proof' ? r.state === 'received' || r.state === 'hold_confirmed' : r.state === 'granted';
    if (!ok) refuseState(r);
    const row = {
      id: randomUUID(),
      requestId: r.id,
      kind,
      ...file,
      seq: await nextFileSeq(tx, r.id),
      uploadedBy: actor.id,
      uploadedAt: deps.now(),
    };
    await insertRequestFile(tx, row);
    await recordCctvEvent(tx, deps, {
      organisationId,
      actor,
      action: kind === 'clip' ? 'cctv.request_clip_added' : 'cctv.request_proof_added',
      subjectType: 'cctv_access_request',
      subjectId: r.id,
      payload: { ...row, uploadedAt: undefined },
    });
    return row;
  });
}
