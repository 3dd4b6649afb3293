import { useMemo } from 'react';
import { Outlet } from 'react-router-dom';
import { CatalogParts } from '../i18n/CatalogParts.tsx';
import type { RuleSet } from './ruleSet.ts';

/** A rule set's pages, shown once its words are loaded (the shell loads them for its own organisation already). */
export function RuleSetPages({ ruleSet }: { ruleSet: RuleSet }) {
  const parts = useMemo(() => [ruleSet.catalog], [ruleSet]);
  return (
    <CatalogParts parts={parts}>
      <Outlet />
    </CatalogParts>
  );
}
