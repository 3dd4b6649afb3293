import type { RuleSet } from '../kernel/shell/ruleSet.ts';
import { order444Access, servesOrder444, type Order444Access } from './access.ts';
import { order444Words } from './catalog.ts';
import { order444Nav } from './navigation.ts';
import { order444Routes } from './routes.tsx';

/**
 * Order 444: body-worn video recorders of state industrial-safety inspectors (recorders, the issue
 * and return journal, control activities, evidence, retention, court and authority packages).
 */
export const videoEvidence: RuleSet<Order444Access> = {
  id: 'video-evidence',
  serves: servesOrder444,
  access: order444Access,
  nav: order444Nav,
  routes: order444Routes(),
  catalog: order444Words,
};
