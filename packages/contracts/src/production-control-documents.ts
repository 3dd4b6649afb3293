/** Order 315 documents generated from the data: the annual information (point 26) and the regulation (point 6). */
export const PC_DOCUMENT_KINDS = ['annual_information', 'regulation'] as const;
export type PcDocumentKind = (typeof PC_DOCUMENT_KINDS)[number];

/** Point 26's seven sections, in the act's order. */
export const ANNUAL_SECTIONS = ['plan', 'management', 'violations', 'readiness', 'devices', 'accidents', 'training'] as const;
export type AnnualSection = (typeof ANNUAL_SECTIONS)[number];
/** Every section has an editable text; these two the data cannot say at all, so they are required to present. */
export const ANNUAL_REQUIRED_TEXTS: AnnualSection[] = ['management', 'violations'];

/** Point 6's sections, in the act's order (3's four kinds of information are sub-sections of `description`). */
export const REGULATION_SECTIONS = ['powers', 'facilities', 'description', 'plan', 'control', 'structure'] as const;
export type RegulationSection = (typeof REGULATION_SECTIONS)[number];
/** Point 6 sub-point 5 words, each an editable text; the criteria and the decisions' order are required to present. */
export const REGULATION_TEXTS = [...REGULATION_SECTIONS, 'periodicity', 'reporting', 'criteria', 'decisions'] as const;
export type RegulationText = (typeof REGULATION_TEXTS)[number];
export const REGULATION_REQUIRED_TEXTS: RegulationText[] = ['powers', 'criteria', 'decisions'];

export const DOCUMENT_TEXT_MAX = 8000;

export interface PlanMeasureLine {
  ordinal: number;
  measure: string;
  responsible: string;
  dueOn: string;
  doneOn: string | null;
}
export interface PlanState {
  year: number;
  title: string;
  version: number;
  approvedOn: string | null;
  measures: number;
  done: number;
  doneOnTime: number;
}
export interface OfficialLine {
  fullName: string;
  position: 'service_head' | 'official';
  order: string;
  facilities: string[];
  units: string[];
}
export interface ResponsePlanLine {
  facility: string;
  title: string | null;
  version: number | null;
  approvedOn: string | null;
  validUntil: string | null;
  state: 'valid' | 'expired' | 'not_approved' | 'none';
}
export interface DevicesLine {
  facility: string;
  devices: number;
  buildings: number;
  structures: number;
  examined: number;
  unfit: number;
  overdue: number;
}
export interface AccidentLine {
  number: string;
  kind: 'accident' | 'incident' | 'injury';
  occurredOn: string;
  facility: string;
  injured: number;
  fatalities: number;
  status: 'registered' | 'under_investigation' | 'investigated';
  causes: string | null;
}
export type ByKind<K extends string> = Record<K, number>;

/** R315-26: the year's figures, section by section. */
export interface AnnualInformationFigures {
  year: number;
  asOf: string;
  plan: { past: PlanState | null; current: PlanState | null; measures: PlanMeasureLine[] };
  management: {
    facilities: number;
    units: number;
    officials: OfficialLine[];
    schedule: { revision: number; approvedOn: string | null; planned: number; done: number } | null;
  };
  violations: {
    inspections: ByKind<'scheduled' | 'extraordinary' | 'comprehensive'>;
    found: number;
    dangerous: number;
    eliminatedOnSpot: number;
    eliminated: number;
    open: number;
    instructions: { issued: number; closed: number; cancelled: number; inForce: number };
    proposals: { suspendWork: number; removeStaff: number; accepted: number };
    byFacility: { facility: string; inspections: number; found: number; eliminated: number; open: number }[];
  };
  readiness: { plans: ResponsePlanLine[]; withoutValidPlan: number; extraordinaryInspections: number };
  devices: { lines: DevicesLine[]; totals: Omit<DevicesLine, 'facility'> };
  accidents: {
    counts: ByKind<'accident' | 'incident' | 'injury'>;
    injured: number;
    fatalities: number;
    investigated: number;
    list: AccidentLine[];
  };
  training: {
    records: ByKind<'training' | 'retraining' | 'knowledge_check'>;
    people: number;
    expired: { fullName: string; position: string; validUntil: string }[];
  };
}

export interface FacilityDescription {
  name: string;
  registrationNumber: string;
  address: string;
  hazardFeatures: string[];
  units: string[];
  buildings: number;
  buildingsExamined: number;
  buildingsOverdue: number;
  devices: number;
  devicesCertified: number;
  devicesOverdue: number;
  accidents: ByKind<'accident' | 'incident' | 'injury'>;
  trainedValid: number;
  trainedExpired: number;
}

/** R315-6: the regulation's figures as at the day it is generated. */
export interface RegulationFigures {
  asOf: string;
  officials: OfficialLine[];
  facilities: FacilityDescription[];
  units: number;
  plan: { state: PlanState | null; measures: PlanMeasureLine[] };
  schedule: {
    year: number;
    revision: number | null;
    approvedOn: string | null;
    lines: { facility: string; unit: string | null; scheduled: number; comprehensive: number }[];
  };
  structure: { serviceHeads: string[]; officials: string[]; unitHeads: { unit: string; head: string }[] };
}

export interface PcDocumentContent {
  figures: AnnualInformationFigures | RegulationFigures;
  texts: Record<string, string>;
}
