/** A candidate to rank: an application and its total by the accepted counts. */
export interface Ranked {
  id: string;
  total: number;
}

/** The commission's decision on a tie: the order it chose for exactly these candidates at this total, and why. */
export interface TieDecision {
  key: string;
  order: string[];
  reason: string;
}

export interface Tie {
  /** Total and candidates: a decision applies only while both are unchanged. */
  key: string;
  total: number;
  applicationIds: string[];
  /** The positions the tied candidates share, e.g. 3–4 for a tie for third place. */
  from: number;
  to: number;
  decision: TieDecision | null;
}

export interface RankedEntry extends Ranked {
  /** 1-based; candidates in an undecided tie share the first position of their tie. */
  position: number;
  /** I, II, III as 1, 2, 3; null when not among the winners or while a tie on it is undecided. */
  place: number | null;
  /** The key of the tie the candidate is in, if any. */
  tie: string | null;
}

export const tieKey = (total: number, ids: string[]) => `${total}:${[...ids].sort().join(',')}`;

/**
 * RC-19, RC-22: the highest total wins; `places` winners per group. Equal totals that touch a
 * winning place (I–II, or III and the next) are a tie the commission decides: until it records an
 * order for exactly those candidates, they share their position and none of them gets the place.
 * The software never breaks a tie by itself (not by name, not by submission time).
 */
export function rankGroup(entries: readonly Ranked[], places: number, decisions: readonly TieDecision[]) {
  const sorted = [...entries].sort((a, b) => b.total - a.total);
  const ranking: RankedEntry[] = [];
  const ties: Tie[] = [];
  let from = 1;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j]!.total === sorted[i]!.total) j++;
    const block = sorted.slice(i, j);
    const to = from + block.length - 1;
    if (block.length === 1) ranking.push({ ...block[0]!, position: from, place: from <= places ? from : null, tie: null });
    else {
      const ids = block.map((b) => b.id);
      const key = tieKey(block[0]!.total, ids);
      const decision = decisions.find((d) => d.key === key) ?? null;
      const needsDecision = from <= places;
      if (needsDecision) ties.push({ key, total: block[0]!.total, applicationIds: [...ids].sort(), from, to, decision });
      if (needsDecision && decision) {
        decision.order.forEach((id, k) => {
          const e = block.find((b) => b.id === id)!;
          ranking.push({ ...e, position: from + k, place: from + k <= places ? from + k : null, tie: key });
        });
      } else for (const e of block) ranking.push({ ...e, position: from, place: null, tie: needsDecision ? key : null });
    }
    from = to + 1;
    i = j;
  }
  return { ranking, ties, undecided: ties.filter((t) => !t.decision).length };
}
