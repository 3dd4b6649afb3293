import { randomUUID } from 'node:crypto';
import type { ConsentKind } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { notifyRoles } from '../../kernel/notifications/notify.ts';
import { activeCamerasAt } from '../cameras/cameras.repository.ts';
import { isCalendarDate, recordCctvEvent } from '../cctv-ledger.ts';
import { findPlace } from '../premises/premises.repository.ts';
import { consentBasis } from './consent-basis.ts';
import { consentsInForce, findConsent, insertConsent, setWithdrawn } from './consents.repository.ts';

export interface NewConsent {
  kind: ConsentKind;
  form: 'written' | 'electronic';
  personName: string;
  representedName?: string;
  employmentContract?: string;
  scope: string;
  placeId: string;
  givenOn: string;
  /** Written consent: the scan, already in the store. */
  document?: { sha256: string; fileName: string; mime: string; size: number };
}

/** R335-8-1: a consent in free form is recorded for a blood-draw room, with its scan when written. */
export async function recordConsent(deps: AppDeps, actor: Actor & { id: string }, organisationId: string, input: NewConsent) {
  if (!isCalendarDate(input.givenOn)) throw new AppError('cctv.date_invalid', { field: 'givenOn', value: input.givenOn });
  if (input.givenOn > dateInZone(deps.now())) throw new AppError('cctv.date_in_future', { field: 'givenOn', value: input.givenOn });
  if (input.form === 'written' && !input.document) throw new AppError('cctv.consent_document_required');
  if (input.kind === 'legal_representative' && !input.representedName?.trim()) throw new AppError('cctv.consent_represented_required');
  if (input.kind === 'medical_worker' && !input.employmentContract?.trim()) throw new AppError('cctv.consent_contract_required');
  return deps.db.transaction(async (tx) => {
    const place = await findPlace(tx, organisationId, input.placeId);
    if (!place) throw new AppError('cctv.place_not_found', { field: 'placeId' });
    if (place.roomType !== 'blood_draw') throw new AppError('cctv.consent_not_blood_draw', { place: place.name });
    const row = {
      id: randomUUID(),
      organisationId,
      kind: input.kind,
      form: input.form,
      personName: input.personName.trim(),
      representedName: (input.representedName ?? '').trim(),
      employmentContract: (input.employmentContract ?? '').trim(),
      scope: input.scope.trim(),
      placeId: place.id,
      documentSha256: input.document?.sha256 ?? null,
      documentName: input.document?.fileName ?? null,
      documentMime: input.document?.mime ?? null,
      documentSize: input.document?.size ?? null,
      givenOn: input.givenOn,
      recordedBy: actor.id,
      createdAt: deps.now(),
    };
    await insertConsent(tx, row);
    await recordCctvEvent(tx, deps, {
      organisationId,
      actor,
      action: 'cctv.consent_recorded',
      subjectType: 'cctv_consent',
      subjectId: row.id,
      payload: { ...row, createdAt: undefined },
    });
    return row;
  });
}

/**
 * A consent is withdrawn. When it was the last of its side for the room, the room's cameras lose
 * their basis at once: the compliance verdict turns non-compliant and the head and the person in
 * charge of CCTV are notified.
 */
export async function withdrawConsent(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: { withdrawnOn: string; note: string },
) {
  if (!isCalendarDate(input.withdrawnOn)) throw new AppError('cctv.date_invalid', { field: 'withdrawnOn', value: input.withdrawnOn });
  return deps.db.transaction(async (tx) => {
    const consent = await findConsent(tx, organisationId, id, true);
    if (!consent) throw new AppError('cctv.consent_not_found');
    if (consent.withdrawnOn) throw new AppError('cctv.consent_already_withdrawn', { withdrawnOn: consent.withdrawnOn });
    if (input.withdrawnOn < consent.givenOn) throw new AppError('cctv.withdrawn_before_given', { givenOn: consent.givenOn });
    await setWithdrawn(tx, consent.id, input.withdrawnOn, input.note.trim());
    await recordCctvEvent(tx, deps, {
      organisationId,
      actor,
      action: 'cctv.consent_withdrawn',
      subjectType: 'cctv_consent',
      subjectId: consent.id,
      payload: input,
    });
    const basis = consentBasis(await consentsInForce(tx, organisationId, consent.placeId, input.withdrawnOn));
    const cameras = await activeCamerasAt(tx, organisationId, consent.placeId);
    if (!basis.ok && cameras.length) {
      const place = await findPlace(tx, organisationId, consent.placeId);
      await notifyRoles(
        tx,
        organisationId,
        ['head', 'cctv_officer'],
        'cctv.consent_basis_lost',
        { place: place?.name ?? '', cameras: cameras.map((c) => c.number) },
        deps.now(),
      );
    }
    return { ...consent, withdrawnOn: input.withdrawnOn, basisLost: !basis.ok && cameras.length > 0 };
  });
}
