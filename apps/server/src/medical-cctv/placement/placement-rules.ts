import type { CareType, CctvCite as Cite, RoomType } from '@baqylau/contracts';

export type { Cite };

/** What one version of the Rules says of one room type. */
export interface RoomRule {
  /** Point 12: never, whatever the organisation gives. */
  prohibited?: Cite;
  /** Point 8-1: only with the consents that point requires. */
  consent?: Cite;
  /** The care types whose point lists this room, and that point. */
  allowedIn?: Partial<Record<CareType, Cite>>;
  /** Why the room is not listed, where the act says it (e.g. 11.3 names only the corridors). */
  note?: Cite;
}

export interface PlacementRules {
  /** Stable id, stored on every camera judged by it. */
  id: string;
  /** The wording it encodes. */
  wording: string;
  effectiveFrom: string;
  /** Where each care type's point lists places (cited when a room is not provided for). */
  carePoint: Record<CareType, Cite>;
  /** External TM go along the perimeter (point 4, subpoint 2). */
  perimeter: Cite;
  rooms: Record<RoomType, RoomRule>;
}

const common = (): RoomRule => ({
  allowedIn: {
    outpatient: { point: '8', subpoint: 1 },
    inpatient: { point: '9', subpoint: 1 },
    mental_health_tb: { point: '11', subpoint: 1 },
  },
});
const perinatal = (): RoomRule => ({ allowedIn: { perinatal: { point: '10' } } });
const PROHIBITED: RoomRule = { prohibited: { point: '12' } };
const CORRIDORS_ONLY: RoomRule = { note: { point: '11', subpoint: 3 } };

/**
 * The Rules as amended by Order № 61 of 07.04.2023 (point 8-1 added, point 12 reworded).
 * An amendment of the order is a new entry in RULE_VERSIONS, never an edit of this one:
 * cameras keep the id of the version that judged them.
 */
const V2023: PlacementRules = {
  id: 'dsm-335-2023-04-07',
  wording: 'ҚР ДСМ-335/2020, as amended by Order № 61 of 07.04.2023',
  effectiveFrom: '2023-04-18',
  carePoint: { outpatient: { point: '8' }, inpatient: { point: '9' }, perinatal: { point: '10' }, mental_health_tb: { point: '11' } },
  perimeter: { point: '4', subpoint: 2 },
  rooms: {
    corridor: common(),
    hall: common(),
    registry_vestibule: common(),
    pharmacy_point: common(),
    pharmacy: common(),
    pram_park: common(),
    cloakroom: common(),
    reference_information: common(),
    paid_services_cashier: common(),
    inpatient_post: common(),
    maternity_admission: perinatal(),
    newborn_pathology: perinatal(),
    reception_unit: { allowedIn: { mental_health_tb: { point: '11', subpoint: 2 } } },
    opioid_agonist_therapy: CORRIDORS_ONLY,
    intoxication_examination: CORRIDORS_ONLY,
    detox_centre: CORRIDORS_ONLY,
    blood_draw: { consent: { point: '8-1' } },
    toilet: PROHIBITED,
    bath: PROHIBITED,
    shower: PROHIBITED,
    procedure: PROHIBITED,
    manipulation: PROHIBITED,
    operating_block: PROHIBITED,
    ward: {},
    doctor_office: {},
    service_room: {},
    other: {},
  },
};

/** Every version, oldest first. */
export const RULE_VERSIONS: readonly PlacementRules[] = [V2023];

/** The version in force on a date (yyyy-MM-dd). */
export function rulesInForce(date: string): PlacementRules {
  const v = [...RULE_VERSIONS].reverse().find((r) => r.effectiveFrom <= date);
  return v ?? RULE_VERSIONS[0]!;
}

export const rulesById = (id: string) => RULE_VERSIONS.find((r) => r.id === id);
