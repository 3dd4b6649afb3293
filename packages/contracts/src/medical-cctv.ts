/**
 * Order ҚР ДСМ-335/2020 (CCTV in medical organisations): the words shared by server and web.
 * The rules that judge a placement are data on the server (medical-cctv/placement/).
 */

/** Types of care an organisation gives (points 8–11); one organisation may give several. */
export const CARE_TYPES = ['outpatient', 'inpatient', 'perinatal', 'mental_health_tb'] as const;
export type CareType = (typeof CARE_TYPES)[number];

/** Places of the premises register: buildings and mobile medical complexes hold floors and rooms; perimeter sections are outside. */
export const PLACE_KINDS = ['building', 'vehicle', 'floor', 'room', 'perimeter'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** Room types, built from the definitions of point 2 and the lists of points 8–12. */
export const ROOM_TYPES = [
  // Common premises territory (point 2, subpoint 4).
  'corridor',
  'hall',
  'registry_vestibule',
  'pharmacy_point',
  'pharmacy',
  'pram_park',
  'cloakroom',
  'reference_information',
  'paid_services_cashier',
  'inpatient_post',
  // Point 10: perinatal centres, maternity hospitals and units.
  'maternity_admission',
  'newborn_pathology',
  // Point 11: mental health and phthisiopulmonology.
  'reception_unit',
  'opioid_agonist_therapy',
  'intoxication_examination',
  'detox_centre',
  // Point 8-1.
  'blood_draw',
  // Point 12 (personal hygiene rooms are defined in point 2, subpoint 2).
  'toilet',
  'bath',
  'shower',
  'procedure',
  'manipulation',
  'operating_block',
  // Rooms the rules do not name.
  'ward',
  'doctor_office',
  'service_room',
  'other',
] as const;
export type RoomType = (typeof ROOM_TYPES)[number];

/** Objects of control (point 5). */
export const CONTROL_OBJECTS = ['people_on_premises', 'patients', 'medical_workers', 'territory_and_premises'] as const;
export type ControlObject = (typeof CONTROL_OBJECTS)[number];

/** What the rules say of a place: allowed, allowed only with consent (8-1), not provided for (7–11), prohibited (12). */
export const PLACEMENT_VERDICTS = ['allowed', 'consent_required', 'not_provided', 'prohibited'] as const;
export type PlacementVerdict = (typeof PLACEMENT_VERDICTS)[number];

/** Who gave a consent under point 8-1. */
export const CONSENT_KINDS = ['patient', 'legal_representative', 'medical_worker'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
export const CONSENT_FORMS = ['written', 'electronic'] as const;

/** Who applies for a deceased patient's recordings; point 3 gives access to children and the surviving spouse only. */
export const APPLICANT_RELATIONSHIPS = ['child', 'spouse', 'other'] as const;
export type ApplicantRelationship = (typeof APPLICANT_RELATIONSHIPS)[number];
export const ENTITLED_RELATIONSHIPS: readonly ApplicantRelationship[] = ['child', 'spouse'];
export const REQUEST_FILE_KINDS = ['proof', 'clip'] as const;
export const ACCESS_REQUEST_STATES = ['received', 'hold_confirmed', 'granted', 'refused', 'provided'] as const;
export type AccessRequestState = (typeof ACCESS_REQUEST_STATES)[number];

/** A point of the Rules as cited: point 8, subpoint 1 is { point: '8', subpoint: 1 }. */
export interface CctvCite {
  point: string;
  subpoint?: number;
}

/** "8.1", "8-1", "12": the compact form used inside messages. */
export const citeShort = (c: CctvCite) => (c.subpoint ? `${c.point}.${c.subpoint}` : c.point);

/** The cite as a person writes it in each language. */
export function citeText(c: CctvCite, lang: string): string {
  if (lang === 'kk') return c.subpoint ? `${c.point}-тармақтың ${c.subpoint}) тармақшасы` : `${c.point}-тармақ`;
  if (lang === 'ru') return c.subpoint ? `подпункт ${c.subpoint}) пункта ${c.point}` : `пункт ${c.point}`;
  return c.subpoint ? `point ${c.point}(${c.subpoint})` : `point ${c.point}`;
}
