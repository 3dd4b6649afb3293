import type { AppDeps } from '../../platform/deps.ts';
import { dateInZone } from '../../platform/time.ts';
import { listCameras } from '../cameras/cameras.repository.ts';
import { consentBasis } from '../consents/consent-basis.ts';
import { consentsInForce } from '../consents/consents.repository.ts';
import { rulesInForce } from '../placement/placement-rules.ts';
import { placePath } from '../premises/place-tree.ts';
import { findProfile, listPlaces } from '../premises/premises.repository.ts';
import { judgeCompliance } from './judgeCompliance.ts';

/** Every camera in service with its verdict, cited points and findings: the one-click compliance report. */
export async function buildComplianceReport(deps: AppDeps, organisationId: string) {
  const today = dateInZone(deps.now());
  const rules = rulesInForce(today);
  const careTypes = (await findProfile(deps.db, organisationId))?.careTypes ?? [];
  const places = await listPlaces(deps.db, organisationId);
  const byId = new Map(places.map((p) => [p.id, p]));
  const cameras = (await listCameras(deps.db, organisationId)).filter((c) => !c.removedOn);
  const bases = new Map<string, ReturnType<typeof consentBasis>>();
  for (const id of new Set(cameras.map((c) => c.placeId))) {
    if (byId.get(id)?.roomType === 'blood_draw') bases.set(id, consentBasis(await consentsInForce(deps.db, organisationId, id, today)));
  }
  const rows = cameras.map((c) => {
    const place = byId.get(c.placeId)!;
    return {
      camera: c,
      place: { id: place.id, path: placePath(byId, place.id), kind: place.kind, roomType: place.roomType, unit: place.unit },
      consent: bases.get(c.placeId) ?? null,
      ...judgeCompliance(rules, careTypes, c, place, bases.get(c.placeId)),
    };
  });
  return {
    date: today,
    rules: { id: rules.id, wording: rules.wording },
    careTypes,
    total: rows.length,
    compliant: rows.filter((r) => r.compliant).length,
    cameras: rows,
  };
}

export type ComplianceReport = Awaited<ReturnType<typeof buildComplianceReport>>;
