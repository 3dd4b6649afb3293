import type {
  AccessRequestState,
  ApplicantRelationship,
  CareType,
  CctvCite,
  ConsentKind,
  ControlObject,
  PlaceKind,
  PlacementVerdict,
  RoomType,
} from '@baqylau/contracts';

/** What the server answers under /api/v1/organisations/:orgId/cctv (apps/server/src/medical-cctv). */

export interface Place {
  id: string;
  parentId: string | null;
  kind: PlaceKind;
  name: string;
  roomType: RoomType | null;
  unit: string;
  hasPlan: boolean;
  createdAt: string;
  removedAt: string | null;
}

export interface Camera {
  id: string;
  number: string;
  placeId: string;
  placement: 'internal' | 'external';
  coverage: string;
  controlObjects: ControlObject[];
  model: string;
  signInstalled: boolean;
  hasSignPhoto: boolean;
  /** yyyy-mm-dd */
  installedOn: string;
  removedOn: string | null;
  /** Where it stands on its floor's plan, as fractions of the plan's width and height. */
  planX: number | null;
  planY: number | null;
  rulesId: string;
  createdAt: string;
}

export const FINDINGS = ['placement_prohibited', 'placement_not_provided', 'consent_basis_missing', 'sign_missing'] as const;
export type Finding = (typeof FINDINGS)[number];

export interface ComplianceRow {
  camera: Camera;
  place: { id: string; path: string; kind: PlaceKind; roomType: RoomType | null; unit: string };
  consent: { ok: boolean; patientSide: boolean; workerSide: boolean } | null;
  compliant: boolean;
  verdict: PlacementVerdict;
  cites: CctvCite[];
  findings: { finding: Finding; cites: CctvCite[] }[];
}

export interface ComplianceReport {
  date: string;
  rules: { id: string; wording: string };
  careTypes: CareType[];
  total: number;
  compliant: number;
  cameras: ComplianceRow[];
}

export interface Consent {
  id: string;
  kind: ConsentKind;
  form: 'written' | 'electronic';
  personName: string;
  representedName: string;
  employmentContract: string;
  scope: string;
  placeId: string;
  documentName: string | null;
  givenOn: string;
  withdrawnOn: string | null;
  withdrawalNote: string | null;
  createdAt: string;
}

export interface RequestFile {
  id: string;
  kind: 'proof' | 'clip';
  fileName: string;
  mime: string;
  sha256: string;
  size: number;
  seq: number;
  uploadedAt: string;
}

export interface AccessRequest {
  id: string;
  number: string;
  receivedOn: string;
  applicantName: string;
  applicantIin: string;
  applicantContact: string;
  relationship: ApplicantRelationship;
  patientName: string;
  patientIin: string;
  dateOfDeath: string;
  periodFrom: string;
  periodTo: string;
  placeIds: string[];
  state: AccessRequestState;
  holdInstruction: string;
  holdConfirmedAt: string | null;
  holdConfirmedBy: string | null;
  decisionReason: string | null;
  decidedAt: string | null;
  providedAt: string | null;
  files: RequestFile[];
  /** Evidence packages built for the family (R335-3). */
  packages: DisclosurePackage[];
}

export interface DisclosurePackage {
  id: string;
  number: string;
  clips: number;
  createdAt: string;
  manifestSha256: string;
  downloadUrl: string;
}
