import type {
  ChecklistQuestion,
  HazardFeature,
  InspectionKind,
  ItemOutcome,
  NormativeReference,
  OrgRole,
  PcPosition,
  Severity,
  ViolationEvent,
  ViolationStatus,
} from '@baqylau/contracts';

/** The server's shapes (production-control/*.schemas.ts), as the pages read them. */
export interface InspectionItem {
  id: string;
  position: number;
  source: 'checklist' | 'recheck';
  questionId: string | null;
  text: string;
  reference: NormativeReference;
  severity: Severity;
  recheckViolationId: string | null;
  outcome: ItemOutcome | null;
  note: string | null;
  answeredAt: string | null;
  hasViolation: boolean;
  violationId: string | null;
}

export interface Inspection {
  id: string;
  kind: InspectionKind;
  facilityId: string;
  facilityName: string;
  unitId: string | null;
  unitName: string | null;
  officialId: string;
  officialName: string;
  scheduleItemId: string | null;
  orderNumber: string | null;
  orderDate: string | null;
  basis: 'accident' | 'injury' | null;
  basisDescription: string | null;
  status: 'in_progress' | 'completed';
  briefSeenAt: string | null;
  startedAt: string;
  completedAt: string | null;
  conclusion: string | null;
  items?: InspectionItem[];
  /** The act issued after completion and its instruction (R315-15, R315-16). */
  act?: { id: string; number: string; issuedOn: string; instructionId: string | null; instructionNumber: string | null } | null;
}

export interface BriefViolation {
  id: string;
  description: string;
  reference: NormativeReference;
  severity: Severity;
  dangerous: boolean;
  eliminatedOnSpot: boolean;
  status: ViolationStatus;
  foundAt: string;
  dueOn: string | null;
  verifiedAt: string | null;
  overdue: boolean;
}

export interface Brief {
  facility: {
    id: string;
    name: string;
    registrationNumber: string;
    address: string;
    hazardFeatures: HazardFeature[];
    safeOperationConditions: string;
  };
  unit: { id: string; name: string } | null;
  previous: {
    id: string;
    kind: InspectionKind;
    official: string;
    startedAt: string;
    completedAt: string | null;
    conclusion: string | null;
    items: number;
    violations: number;
    dangerous: number;
  }[];
  openViolations: BriefViolation[];
  eliminatedSince: BriefViolation[];
  briefSeenAt?: string | null;
}

export interface Violation extends BriefViolation {
  inspectionId: string;
  facilityId: string;
  facilityName: string;
  unitId: string | null;
  unitName: string | null;
  recheckedAt: string | null;
}

export interface ViolationDetail extends Violation {
  events: { id: string; kind: ViolationEvent; at: string; actorName: string; note: string | null; inspectionId: string | null }[];
  attachments: { id: string; purpose: 'finding' | 'measure_report'; fileName: string; mime: string; size: number; uploadedAt: string }[];
}

export interface Proposal {
  id: string;
  kind: 'suspend_work' | 'remove_staff';
  inspectionId: string | null;
  violationId: string | null;
  facilityName: string;
  unitName: string | null;
  description: string;
  staffMember: string | null;
  proposedByName: string;
  proposedAt: string;
  status: 'pending' | 'accepted' | 'rejected';
  decidedAt: string | null;
  decisionNote: string | null;
  decisionOrderNumber: string | null;
  closedAt: string | null;
  closingNote: string | null;
}

export interface JournalLine {
  seq: number;
  inspectionId: string;
  kind: InspectionKind;
  facility: string;
  unit: string | null;
  official: string;
  startedAt: string;
  completedAt: string;
  items: number;
  violations: number;
  dangerous: number;
  recheckedConfirmed: number;
  reopened: number;
  conclusion: string;
  actNumber: string | null;
  instructionNumber: string | null;
}

// ---- Set-up: facilities, officials, checklists, the schedule ----
export interface Unit {
  id: string;
  facilityId: string;
  name: string;
  headId: string | null;
  closedOn: string | null;
}

export interface Facility {
  id: string;
  name: string;
  registrationNumber: string;
  address: string;
  hazardFeatures: HazardFeature[];
  safeOperationConditions: string;
  commissionedOn: string | null;
  decommissionedOn: string | null;
  units: Unit[];
}

export interface Person {
  id: string;
  fullName: string;
  roles: OrgRole[];
}

export interface Appointment {
  id: string;
  personId: string;
  personName: string;
  position: PcPosition;
  orderNumber: string;
  orderDate: string;
  facilityIds: string[];
  unitIds: string[];
  validFrom: string;
  validTo: string | null;
  endReason: string | null;
  inForce: boolean;
}

export type ChecklistPurpose = 'inspection' | 'comprehensive_programme';

export interface ChecklistSummary {
  id: string;
  title: string;
  purpose: ChecklistPurpose;
  versions: { version: number; status: 'draft' | 'published'; questionCount: number; publishedAt: string | null }[];
  publishedVersion: number | null;
}

export interface ChecklistVersion {
  checklistId: string;
  title: string;
  purpose: ChecklistPurpose;
  version: number;
  status: 'draft' | 'published';
  questions: ChecklistQuestion[];
  publishedAt: string | null;
}

export interface Schedule {
  id: string;
  year: number;
  revision: number;
  status: 'draft' | 'approved' | 'superseded';
  approvedAt: string | null;
}

export interface ScheduleItem {
  id: string;
  facilityId: string;
  facilityName: string;
  unitId: string | null;
  unitName: string | null;
  kind: 'scheduled' | 'comprehensive';
  plannedOn: string;
  checklistId: string;
  checklistTitle: string;
  responsibleOfficialId: string;
  responsibleName: string;
  done: boolean;
  overdue: boolean;
}
