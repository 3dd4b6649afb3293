import type { CompetitionGroup, EducationOrganisationType } from '@baqylau/contracts';
import { APPENDIX_1_2025, type PointsTable } from './points-table.ts';

/** A deadline of the regulation: a day of the year after the reporting year, in the union's zone. */
export interface Deadline {
  /** The point that sets it. */
  point: string;
  month: number;
  day: number;
  /**
   * "20 наурызға дейін" read as "up to and including 20 March": the last moment is the end of that
   * day. A documented reading of the text (README here), shown with every deadline.
   */
  includesDay: boolean;
}

/** One version of the regulation: what a competition year pins when it opens. */
export interface CompetitionRules {
  /** Stable id, stored on every competition year. */
  id: string;
  /** The wording it encodes. */
  wording: string;
  effectiveFrom: string;
  /** Point 9: the group of each type of education organisation. */
  groups: Record<EducationOrganisationType, CompetitionGroup>;
  /** Point 11: candidates per group a member organisation may send to stage II. */
  perGroupPerMemberOrganisation: number;
  /** Point 22: places per group. */
  places: number;
  /** Points 16 and 21. */
  deadlines: { submission: Deadline; results: Deadline };
  /** Point 8: the inspector of an organisation with a fatal work accident in the reporting year is not admitted. */
  fatalAccidentPoint: string;
  /** Appendix 1. */
  pointsTable: PointsTable;
}

const V2025: CompetitionRules = {
  id: 'union-ohs-2025-12-25',
  wording: 'Regulation approved by protocol № 21 (item 10) of 23.12.2022, as amended by protocol № 8 (item 8) of 25.12.2025',
  effectiveFrom: '2025-12-25',
  groups: {
    preschool: 1,
    general_secondary: 1,
    additional_education: 1,
    technical_vocational: 2,
    post_secondary: 2,
    science: 2,
    higher_education: 2,
  },
  perGroupPerMemberOrganisation: 1,
  places: 3,
  deadlines: {
    submission: { point: '16', month: 3, day: 20, includesDay: true },
    results: { point: '21', month: 4, day: 20, includesDay: true },
  },
  fatalAccidentPoint: '8',
  pointsTable: APPENDIX_1_2025,
};

/** Every version, oldest first. */
export const RULE_VERSIONS: readonly CompetitionRules[] = [V2025];

/** The version in force on a date (yyyy-MM-dd): what a year opened that day pins. */
export function rulesInForce(date: string, versions: readonly CompetitionRules[] = RULE_VERSIONS): CompetitionRules {
  return [...versions].reverse().find((r) => r.effectiveFrom <= date) ?? versions[0]!;
}

export const rulesById = (id: string, versions: readonly CompetitionRules[] = RULE_VERSIONS) => versions.find((r) => r.id === id);
