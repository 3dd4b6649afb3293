import { citeShort } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { dateInZone } from '../../platform/time.ts';
import { consentBasis } from '../consents/consent-basis.ts';
import { consentsInForce } from '../consents/consents.repository.ts';
import { judgePlacement } from '../placement/judgePlacement.ts';
import { rulesInForce } from '../placement/placement-rules.ts';
import { careTypesOf } from '../premises/premises.usecases.ts';
import type { PlaceRow } from '../premises/premises.repository.ts';

/**
 * Whether a camera may be at this place today, by the rules in force (R335-4, R335-7 … R335-12):
 * refused with the point it breaks; the blood-draw room only with the consents of point 8-1.
 * Registering, moving and re-typing a room all pass here.
 */
export async function assertCameraMayBeAt(tx: DbOrTx, deps: AppDeps, organisationId: string, place: PlaceRow) {
  if (place.removedAt) throw new AppError('cctv.place_closed', { name: place.name });
  if (place.kind !== 'room' && place.kind !== 'perimeter')
    throw new AppError('cctv.camera_place_invalid', { name: place.name, kind: place.kind });
  const today = dateInZone(deps.now());
  const rules = rulesInForce(today);
  const care = await careTypesOf({ ...deps, db: tx }, organisationId);
  const j = judgePlacement(rules, care, place.kind === 'perimeter' ? { kind: 'perimeter' } : { kind: 'room', roomType: place.roomType! });
  const cite = j.cites.map(citeShort).join(', ');
  if (j.verdict === 'prohibited') throw new AppError('cctv.placement_prohibited', { place: place.name, cite, cites: j.cites });
  if (j.verdict === 'not_provided') throw new AppError('cctv.placement_not_provided', { place: place.name, cite, cites: j.cites });
  if (j.verdict === 'consent_required' && !consentBasis(await consentsInForce(tx, organisationId, place.id, today)).ok)
    throw new AppError('cctv.consent_basis_missing', { place: place.name, cite, cites: j.cites });
  return { judgement: j, placement: place.kind === 'perimeter' ? ('external' as const) : ('internal' as const) };
}
