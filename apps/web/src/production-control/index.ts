import type { RuleSet } from '../kernel/shell/ruleSet.ts';
import { pcAccess, servesPc, type PcAccess } from './access.ts';
import { pcWords } from './catalog.ts';
import { pcNav } from './navigation.ts';
import { pcPublicRoutes, pcRoutes } from './routes.tsx';

/**
 * Order 315: production control at hazardous production facilities (facilities and officials,
 * versioned checklists, the schedule, inspections, acts and instructions, closure, the journal).
 */
export const productionControl: RuleSet<PcAccess> = {
  id: 'production-control',
  serves: servesPc,
  access: pcAccess,
  nav: pcNav,
  routes: pcRoutes(),
  publicRoutes: pcPublicRoutes(),
  catalog: pcWords,
};
