import type { NavItem } from '../kernel/shell/navigation.ts';
import { pcAccess, servesPc } from './access.ts';

export const PC_HOME = '/app/production-control';

/** Order 315's pages; each feature adds its entry here. */
const PAGES: NavItem[] = [
  { path: PC_HOME, label: 'pc.nav.dashboard', exact: true, visible: (_a, o) => pcAccess(o).module },
  // Setup (pc-setup)
  { path: `${PC_HOME}/schedule`, label: 'pc.nav.schedule', visible: (_a, o) => pcAccess(o).read },
  { path: `${PC_HOME}/facilities`, label: 'pc.nav.facilities', visible: (_a, o) => pcAccess(o).read },
  { path: `${PC_HOME}/officials`, label: 'pc.nav.officials', visible: (_a, o) => pcAccess(o).read },
  { path: `${PC_HOME}/checklists`, label: 'pc.nav.checklists', visible: (_a, o) => pcAccess(o).read },
];

export const pcNav: NavItem = {
  path: PC_HOME,
  label: 'nav.productionControl',
  tag: '№ 315',
  visible: (_a, o) => servesPc(o) && pcAccess(o).module,
  children: PAGES,
};
