import type { ChecklistQuestion, HazardFeature, OrgRole, PcPosition } from '@baqylau/contracts';

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
