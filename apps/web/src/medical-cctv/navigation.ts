import type { NavItem } from '../kernel/shell/navigation.ts';
import { cctvAccess, servesCctv } from './access.ts';

export const CCTV_HOME = '/app/medical-cctv';

/** The compliance picture, the premises and camera registers, the consents of point 8-1 and the applications of point 3. */
const PAGES: NavItem[] = [
  { path: CCTV_HOME, label: 'cctv.nav.dashboard', exact: true, visible: (_a, o) => cctvAccess(o).module },
  { path: `${CCTV_HOME}/premises`, label: 'cctv.nav.premises', visible: (_a, o) => cctvAccess(o).module },
  { path: `${CCTV_HOME}/cameras`, label: 'cctv.nav.cameras', visible: (_a, o) => cctvAccess(o).module },
  { path: `${CCTV_HOME}/consents`, label: 'cctv.nav.consents', visible: (_a, o) => cctvAccess(o).module },
  { path: `${CCTV_HOME}/requests`, label: 'cctv.nav.requests', visible: (_a, o) => cctvAccess(o).module },
];

export const cctvNav: NavItem = {
  path: CCTV_HOME,
  label: 'nav.medicalCctv',
  tag: 'ДСМ-335',
  visible: (_a, o) => servesCctv(o) && cctvAccess(o).module,
  children: PAGES,
};
