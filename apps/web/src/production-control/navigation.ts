import type { NavItem } from '../kernel/shell/navigation.ts';
import { pcAccess, servesPc } from './access.ts';

export const PC_HOME = '/app/production-control';

/** Order 315's pages; each feature adds its entry here. */
const PAGES: NavItem[] = [];

export const pcNav: NavItem = {
  path: PC_HOME,
  label: 'nav.productionControl',
  tag: '№ 315',
  visible: (_a, o) => servesPc(o) && pcAccess(o).module,
  children: PAGES,
};
