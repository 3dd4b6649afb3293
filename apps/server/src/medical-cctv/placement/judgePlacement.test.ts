import { describe, expect, it } from 'vitest';
import { CARE_TYPES, ROOM_TYPES, type CareType, type RoomType } from '@baqylau/contracts';
import { judgePlacement } from './judgePlacement.ts';
import { RULE_VERSIONS, rulesInForce } from './placement-rules.ts';

const rules = rulesInForce('2026-12-06');
const cite = (c: { point: string; subpoint?: number }) => (c.subpoint ? `${c.point}.${c.subpoint}` : c.point);
const judge = (care: CareType[], roomType: RoomType) => {
  const j = judgePlacement(rules, care, { kind: 'room', roomType });
  return `${j.verdict} ${j.cites.map(cite).join(',')}`;
};

// The act read point by point: [room type, outpatient (8), inpatient (9), perinatal (10), mental health and TB (11)].
// Written out by hand from the text, not derived from the rule data.
const COMMON = ['allowed 8.1', 'allowed 9.1', 'not_provided 10', 'allowed 11.1'];
const EXPECTED: [RoomType, string, string, string, string][] = [
  ['corridor', ...(COMMON as [string, string, string, string])],
  ['hall', ...(COMMON as [string, string, string, string])],
  ['registry_vestibule', ...(COMMON as [string, string, string, string])],
  ['pharmacy_point', ...(COMMON as [string, string, string, string])],
  ['pharmacy', ...(COMMON as [string, string, string, string])],
  ['pram_park', ...(COMMON as [string, string, string, string])],
  ['cloakroom', ...(COMMON as [string, string, string, string])],
  ['reference_information', ...(COMMON as [string, string, string, string])],
  ['paid_services_cashier', ...(COMMON as [string, string, string, string])],
  ['inpatient_post', ...(COMMON as [string, string, string, string])],
  ['maternity_admission', 'not_provided 8', 'not_provided 9', 'allowed 10', 'not_provided 11'],
  ['newborn_pathology', 'not_provided 8', 'not_provided 9', 'allowed 10', 'not_provided 11'],
  ['reception_unit', 'not_provided 8', 'not_provided 9', 'not_provided 10', 'allowed 11.2'],
  ['opioid_agonist_therapy', 'not_provided 11.3', 'not_provided 11.3', 'not_provided 11.3', 'not_provided 11.3'],
  ['intoxication_examination', 'not_provided 11.3', 'not_provided 11.3', 'not_provided 11.3', 'not_provided 11.3'],
  ['detox_centre', 'not_provided 11.3', 'not_provided 11.3', 'not_provided 11.3', 'not_provided 11.3'],
  ['blood_draw', 'consent_required 8-1', 'consent_required 8-1', 'consent_required 8-1', 'consent_required 8-1'],
  ['toilet', 'prohibited 12', 'prohibited 12', 'prohibited 12', 'prohibited 12'],
  ['bath', 'prohibited 12', 'prohibited 12', 'prohibited 12', 'prohibited 12'],
  ['shower', 'prohibited 12', 'prohibited 12', 'prohibited 12', 'prohibited 12'],
  ['procedure', 'prohibited 12', 'prohibited 12', 'prohibited 12', 'prohibited 12'],
  ['manipulation', 'prohibited 12', 'prohibited 12', 'prohibited 12', 'prohibited 12'],
  ['operating_block', 'prohibited 12', 'prohibited 12', 'prohibited 12', 'prohibited 12'],
  ['ward', 'not_provided 8', 'not_provided 9', 'not_provided 10', 'not_provided 11'],
  ['doctor_office', 'not_provided 8', 'not_provided 9', 'not_provided 10', 'not_provided 11'],
  ['service_room', 'not_provided 8', 'not_provided 9', 'not_provided 10', 'not_provided 11'],
  ['other', 'not_provided 8', 'not_provided 9', 'not_provided 10', 'not_provided 11'],
];

describe('R335-7 placement by organisation type (points 8–11), R335-12 prohibitions, R335-8-1 consent', () => {
  it('R335-7 the table covers every room type the register offers, once', () => {
    expect(EXPECTED.map((r) => r[0]).sort()).toEqual([...ROOM_TYPES].sort());
  });

  const pairs = EXPECTED.flatMap(([room, ...byCare]) => CARE_TYPES.map((care, i) => [care, room, byCare[i]!] as const));
  it.each(pairs)('R335-7 R335-12 %s × %s → %s', (care, room, expected) => {
    expect(judge([care], room)).toBe(expected);
  });

  it('R335-12 hygiene rooms, procedure and manipulation rooms and operating blocks are prohibited in every organisation, whatever care it combines', () => {
    for (const room of ['toilet', 'bath', 'shower', 'procedure', 'manipulation', 'operating_block'] as const)
      expect(judge([...CARE_TYPES], room)).toBe('prohibited 12');
  });

  it('R335-8-1 the blood-draw room needs consent in every organisation type (the exception of point 12)', () => {
    expect(judge([...CARE_TYPES], 'blood_draw')).toBe('consent_required 8-1');
  });

  it('R335-7 an organisation giving several types of care may place a camera wherever any of them allows, citing that point', () => {
    expect(judge(['perinatal', 'inpatient'], 'hall')).toBe('allowed 9.1');
    expect(judge(['outpatient', 'mental_health_tb'], 'reception_unit')).toBe('allowed 11.2');
    expect(judge(['outpatient', 'inpatient'], 'ward')).toBe('not_provided 8,9');
  });

  it('R335-4 external cameras along the perimeter are allowed by point 4, subpoint 2', () => {
    expect(judgePlacement(rules, ['outpatient'], { kind: 'perimeter' })).toMatchObject({
      verdict: 'allowed',
      cites: [{ point: '4', subpoint: 2 }],
    });
  });

  it('R335-7 the rules are versioned data: every camera records the version that judged it, and a date before the first version still gets it', () => {
    expect(judgePlacement(rules, ['outpatient'], { kind: 'room', roomType: 'hall' }).rulesId).toBe(rules.id);
    expect(rulesInForce('2021-01-01')).toBe(RULE_VERSIONS[0]);
    expect(new Set(RULE_VERSIONS.map((v) => v.id)).size).toBe(RULE_VERSIONS.length);
  });
});
