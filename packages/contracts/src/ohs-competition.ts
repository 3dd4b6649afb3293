/**
 * The union competition "best technical inspector for labour protection": the words shared by
 * server and web. The points table, groups and deadlines are versioned data on the server
 * (ohs-competition/regulation/).
 */

/** Appendix 1: main indicators 1–14 (1.1 and 1.2 are rows of item 1) and additional indicators 1–5. */
export const INDICATOR_IDS = [
  'm1',
  'm1_1',
  'm1_2',
  'm2',
  'm3',
  'm4',
  'm5',
  'm6',
  'm7',
  'm8',
  'm9',
  'm10',
  'm11',
  'm12',
  'm13',
  'm14',
  'a1',
  'a2',
  'a3',
  'a4',
  'a5',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** How an indicator turns a count into points (Appendix 1, column 3). */
export const INDICATOR_RULE_KINDS = ['per_item', 'per_group', 'per_participation', 'one_off'] as const;
export type IndicatorRuleKind = (typeof INDICATOR_RULE_KINDS)[number];

/** Types of education organisation (point 9): they decide the candidate's group. */
export const EDUCATION_ORGANISATION_TYPES = [
  'preschool',
  'general_secondary',
  'additional_education',
  'technical_vocational',
  'post_secondary',
  'science',
  'higher_education',
] as const;
export type EducationOrganisationType = (typeof EDUCATION_ORGANISATION_TYPES)[number];

export const COMPETITION_GROUPS = [1, 2] as const;
export type CompetitionGroup = (typeof COMPETITION_GROUPS)[number];

/** Appendix 2: the application-questionnaire, its 15 rows in order. */
export const QUESTIONNAIRE_FIELDS = [
  'fullName',
  'birthDate',
  'contact',
  'education',
  'position',
  'workExperience',
  'oshCertificate',
  'organisationName',
  'organisationContact',
  'organisationHead',
  'unionChair',
  'districtUnionName',
  'districtUnionChair',
  'regionalUnionName',
  'regionalUnionChair',
] as const;
export type QuestionnaireField = (typeof QUESTIONNAIRE_FIELDS)[number];
export type Questionnaire = Record<QuestionnaireField, string>;

/** Point 16: what goes with the indicator table. */
export const ATTACHMENT_KINDS = [
  'best_practice_sheet',
  'video',
  'article',
  'inspector_certificate',
  'poster',
  'nominating_decision',
  'no_fatal_accident_certificate',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
/** A document is an attachment of point 16 or evidence of one indicator (point 18, note to Appendix 1). */
export const DOCUMENT_KINDS = [...ATTACHMENT_KINDS, 'evidence'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * draft: the member organisation prepares it; stage_i: entered into stage I, reviewed by the
 * member organisation's own commission (point 10); nominated: its stage I winner in the group, to
 * go to stage II (point 11); submitted: sent to stage II with a receipt; excluded: not admitted
 * (point 8), with the point cited.
 */
export const APPLICATION_STATES = ['draft', 'stage_i', 'nominated', 'submitted', 'excluded'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** Point 12: a member organisation's (regional) commission runs stage I, the republican one stage II. */
export const COMMISSION_LEVELS = ['regional', 'republican'] as const;
export type CommissionLevel = (typeof COMMISSION_LEVELS)[number];
/** Point 10: the stage a commission judges — I (a member organisation's, regional) or II (republican). */
export const COMMISSION_STAGES = ['I', 'II'] as const;
export type CommissionStage = (typeof COMMISSION_STAGES)[number];

/** Where Appendix 1 reads two ways: the reading chosen is a setting of the table version, shown on every score sheet. */
export const TABLE_READINGS = {
  /** Item 1.1/1.2: joint inspections are among those counted in item 1 and add 1 point each, or are counted there instead of item 1. */
  jointInspections: ['in_addition', 'instead'],
  /** Item 13: 2 points per assessment protocol, or 2 points once for having one. */
  ppeProtocols: ['per_protocol', 'once'],
  /** The additional indicators: added to the total, or shown beside it. */
  additionalIndicators: ['added_to_total', 'separate'],
} as const;
export type TableReadings = { [K in keyof typeof TABLE_READINGS]: (typeof TABLE_READINGS)[K][number] };
