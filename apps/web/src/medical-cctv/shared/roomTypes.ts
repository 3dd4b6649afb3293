import type { RoomType } from '@baqylau/contracts';

/** The taxonomy as the act builds it: the point that names each room type. */
export const ROOM_GROUPS: { group: 'common' | 'perinatal' | 'mental' | 'consent' | 'prohibited' | 'unnamed'; types: RoomType[] }[] = [
  {
    group: 'common',
    types: [
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
    ],
  },
  { group: 'perinatal', types: ['maternity_admission', 'newborn_pathology'] },
  { group: 'mental', types: ['reception_unit', 'opioid_agonist_therapy', 'intoxication_examination', 'detox_centre'] },
  { group: 'consent', types: ['blood_draw'] },
  { group: 'prohibited', types: ['toilet', 'bath', 'shower', 'procedure', 'manipulation', 'operating_block'] },
  { group: 'unnamed', types: ['ward', 'doctor_office', 'service_room', 'other'] },
];

/** Every room type once, in the groups above (checked by a test against the contract's list). */
export const GROUPED_ROOM_TYPES = ROOM_GROUPS.flatMap((g) => g.types);

/** Select data: the room types under the point that names them, in the interface language. */
export const roomTypeData = (t: (k: string) => string) =>
  ROOM_GROUPS.map((g) => ({
    group: t(`cctv.roomGroup.${g.group}`),
    items: g.types.map((type) => ({ value: type, label: t(`common:cctv.room.${type}`) })),
  }));
