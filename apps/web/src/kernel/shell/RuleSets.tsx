import { createContext, useContext, type ReactNode } from 'react';
import type { RuleSet } from './ruleSet.ts';

const RuleSetsContext = createContext<readonly RuleSet[]>([]);

/** The rule sets the app is composed of, handed down so the kernel never imports them. */
export function RuleSetsProvider({ ruleSets, children }: { ruleSets: readonly RuleSet[]; children: ReactNode }) {
  return <RuleSetsContext.Provider value={ruleSets}>{children}</RuleSetsContext.Provider>;
}

export const useRuleSets = () => useContext(RuleSetsContext);

/** The rule sets' entries among the modules, in the order the app lists them. */
export const useModules = () => useRuleSets().map((r) => r.nav);
