import type { RuleSet } from '../kernel/shell/ruleSet.ts';
import { cctvAccess, servesCctv, type CctvAccess } from './access.ts';
import { cctvWords } from './catalog.ts';
import { cctvNav } from './navigation.ts';
import { cctvRoutes } from './routes.tsx';

/**
 * Order ҚР ДСМ-335/2020: CCTV in medical organisations (the compliance picture on the floor plans, the
 * premises and camera registers judged by the placement rules, signs, consents of point 8-1 and the
 * applications of point 3).
 */
export const medicalCctv: RuleSet<CctvAccess> = {
  id: 'medical-cctv',
  serves: servesCctv,
  access: cctvAccess,
  nav: cctvNav,
  routes: cctvRoutes(),
  catalog: cctvWords,
};
