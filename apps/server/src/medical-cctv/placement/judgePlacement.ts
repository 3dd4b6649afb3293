import type { CareType, PlacementVerdict, RoomType } from '@baqylau/contracts';
import type { Cite, PlacementRules } from './placement-rules.ts';

export interface PlacementJudgement {
  verdict: PlacementVerdict;
  /** The points that decide it: the one that allows, requires consent or prohibits; for "not provided", each care type's list. */
  cites: Cite[];
  rulesId: string;
}

export type Spot = { kind: 'perimeter' } | { kind: 'room'; roomType: RoomType };

/**
 * What the Rules say of a camera at this spot in an organisation giving these types of care
 * (R335-7 … R335-12). Point 12 wins over every list; point 8-1 needs consent whatever the care
 * type; otherwise a room is allowed when any care type the organisation gives lists it.
 */
export function judgePlacement(rules: PlacementRules, careTypes: readonly CareType[], spot: Spot): PlacementJudgement {
  const out = (verdict: PlacementVerdict, cites: Cite[]) => ({ verdict, cites, rulesId: rules.id });
  if (spot.kind === 'perimeter') return out('allowed', [rules.perimeter]);
  const rule = rules.rooms[spot.roomType];
  if (rule.prohibited) return out('prohibited', [rule.prohibited]);
  if (rule.consent) return out('consent_required', [rule.consent]);
  for (const care of careTypes) {
    const cite = rule.allowedIn?.[care];
    if (cite) return out('allowed', [cite]);
  }
  return out('not_provided', rule.note ? [rule.note] : careTypes.map((c) => rules.carePoint[c]));
}
