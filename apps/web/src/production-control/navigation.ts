import type { NavItem } from '../kernel/shell/navigation.ts';
import { pcAccess, servesPc } from './access.ts';

export const PC_HOME = '/app/production-control';

/** Order 315's pages; each feature adds its entry here. */
const PAGES: NavItem[] = [
  // Inspections, violations, proposals to the first head, the journal (pc-inspect).
  { path: `${PC_HOME}/inspections`, label: 'pc.nav.inspections', visible: (_a, o) => pcAccess(o).read },
  { path: `${PC_HOME}/violations`, label: 'pc.nav.violations', visible: (_a, o) => pcAccess(o).read },
  { path: `${PC_HOME}/proposals`, label: 'pc.nav.proposals', visible: (_a, o) => pcAccess(o).read },
  { path: `${PC_HOME}/journal`, label: 'pc.nav.journal', visible: (_a, o) => pcAccess(o).read },
];

export const pcNav: NavItem = {
  path: PC_HOME,
  label: 'nav.productionControl',
  tag: '№ 315',
  visible: (_a, o) => servesPc(o) && pcAccess(o).module,
  children: PAGES,
};
