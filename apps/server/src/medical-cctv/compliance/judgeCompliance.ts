import type { CareType, CctvCite, PlacementVerdict } from '@baqylau/contracts';
import type { CameraRow } from '../cameras/cameras.repository.ts';
import type { ConsentBasis } from '../consents/consent-basis.ts';
import { judgePlacement } from '../placement/judgePlacement.ts';
import type { PlacementRules } from '../placement/placement-rules.ts';
import type { PlaceRow } from '../premises/premises.repository.ts';

export const FINDINGS = ['placement_prohibited', 'placement_not_provided', 'consent_basis_missing', 'sign_missing'] as const;
export type ComplianceFinding = (typeof FINDINGS)[number];

export interface CameraCompliance {
  cameraId: string;
  compliant: boolean;
  verdict: PlacementVerdict;
  cites: CctvCite[];
  findings: { finding: ComplianceFinding; cites: CctvCite[] }[];
}

/**
 * A camera as the rules in force see it today: its place (R335-7, R335-12), the consents of point
 * 8-1 for a blood-draw room, and the sign of point 6. A rule amendment or a withdrawn consent shows
 * here at once, without anyone editing the camera.
 */
export function judgeCompliance(
  rules: PlacementRules,
  careTypes: readonly CareType[],
  camera: Pick<CameraRow, 'id' | 'signInstalled'>,
  place: Pick<PlaceRow, 'kind' | 'roomType'>,
  basis: ConsentBasis | undefined,
): CameraCompliance {
  const j = judgePlacement(
    rules,
    careTypes,
    place.kind === 'perimeter' ? { kind: 'perimeter' } : { kind: 'room', roomType: place.roomType ?? 'other' },
  );
  const findings: CameraCompliance['findings'] = [];
  if (j.verdict === 'prohibited') findings.push({ finding: 'placement_prohibited', cites: j.cites });
  if (j.verdict === 'not_provided') findings.push({ finding: 'placement_not_provided', cites: j.cites });
  if (j.verdict === 'consent_required' && !basis?.ok) findings.push({ finding: 'consent_basis_missing', cites: j.cites });
  if (!camera.signInstalled) findings.push({ finding: 'sign_missing', cites: [{ point: '6' }] });
  return { cameraId: camera.id, compliant: findings.length === 0, verdict: j.verdict, cites: j.cites, findings };
}
