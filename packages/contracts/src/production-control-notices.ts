/**
 * R315-4, R315-20: notices to staff — changed regulations and industrial-safety rules (point 4),
 * violations and their causes (point 20) — and the acknowledgement of each addressee.
 */
export const NOTICE_KINDS = ['regulation_change', 'violations', 'other'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Whom a notice is addressed to: chosen members, or all people of a unit or facility, or everyone with an Order 315 role. */
export interface NoticeAddressees {
  userIds: string[];
  unitIds: string[];
  facilityIds: string[];
  allMembers: boolean;
}

/**
 * R315-20: the annual analysis. Efficiency indicators are data (a definition names one of these
 * computations); the code implements only this fixed set.
 */
export const INDICATOR_FORMULAS = [
  'measures_closed_on_time_share',
  'reopened_share',
  'inspections_done_share',
  'average_days_to_verify',
  'violations_per_inspection',
] as const;
export type IndicatorFormula = (typeof INDICATOR_FORMULAS)[number];
/** Whether the indicator is met when the value is at least, or at most, the target. */
export const INDICATOR_DIRECTIONS = ['at_least', 'at_most'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export interface IndicatorDefinition {
  code: string;
  version: number;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  formula: IndicatorFormula;
  target: number;
  direction: IndicatorDirection;
  active: boolean;
}

/** One indicator's value for an official (or the organisation): the counts it is made of, and whether the target is met. */
export interface IndicatorValue {
  code: string;
  numerator: number;
  denominator: number;
  /** null when there is nothing to count (denominator 0). */
  value: number | null;
  met: boolean | null;
}

export interface AnnualPlaceLine {
  facilityId: string;
  facility: string;
  unitId: string | null;
  unit: string | null;
  planned: number;
  inspected: { scheduled: number; extraordinary: number; comprehensive: number };
  violationsFound: number;
  dangerousFound: number;
  instructionsIssued: number;
}

export interface AnnualAnalysisFigures {
  year: number;
  asOf: string;
  definitions: IndicatorDefinition[];
  officials: { personId: string; fullName: string; indicators: IndicatorValue[] }[];
  organisation: IndicatorValue[];
  places: AnnualPlaceLine[];
}

/** The service's directions for improvement: titled text sections. */
export interface AnalysisDirection {
  title: string;
  text: string;
}
