import type { NavItem } from '../kernel/shell/navigation.ts';
import { hasRole } from '../kernel/shell/access.ts';
import { pcAccess, servesPc } from './access.ts';

export const PC_HOME = '/app/production-control';

/** Order 315's pages; each feature adds its entry here. */
const PAGES: NavItem[] = [
  { path: PC_HOME, label: 'pc.nav.dashboard', exact: true, visible: (_a, o) => pcAccess(o).module },
  // Set-up: the schedule, facilities and units, officials, checklists.
  { path: `${PC_HOME}/schedule`, label: 'pc.nav.schedule', visible: (_a, o) => pcAccess(o).read },
  { path: `${PC_HOME}/facilities`, label: 'pc.nav.facilities', visible: (_a, o) => pcAccess(o).read },
  { path: `${PC_HOME}/officials`, label: 'pc.nav.officials', visible: (_a, o) => pcAccess(o).read },
  { path: `${PC_HOME}/checklists`, label: 'pc.nav.checklists', visible: (_a, o) => pcAccess(o).read },
  // Inspections, violations, proposals to the first head, the journal (pc-inspect).
  { path: `${PC_HOME}/inspections`, label: 'pc.nav.inspections', visible: (_a, o) => pcAccess(o).read },
  { path: `${PC_HOME}/violations`, label: 'pc.nav.violations', visible: (_a, o) => pcAccess(o).read },
  { path: `${PC_HOME}/proposals`, label: 'pc.nav.proposals', visible: (_a, o) => pcAccess(o).read },
  { path: `${PC_HOME}/journal`, label: 'pc.nav.journal', visible: (_a, o) => pcAccess(o).read },
  // After the inspection (R315-13 … R315-17, R315-27).
  {
    path: `${PC_HOME}/instructions`,
    label: 'pc.nav.instructions',
    visible: (_a, o) => hasRole(o, ['head', 'pc_service_head', 'pc_official', 'unit_head', 'auditor']),
  },
  { path: `${PC_HOME}/measures`, label: 'pc.nav.myMeasures', visible: (_a, o) => pcAccess(o).perform },
  { path: `${PC_HOME}/monthly-check`, label: 'pc.nav.monthlyCheck', visible: (_a, o) => hasRole(o, ['pc_service_head', 'pc_official']) },
  // Reporting to the head (R315-18).
  { path: `${PC_HOME}/reports/monthly`, label: 'pc.nav.monthlyReport', visible: (_a, o) => pcAccess(o).report },
  // Corrective and preventive actions (R315-21).
  { path: `${PC_HOME}/capa`, label: 'pc.nav.capa', visible: (_a, o) => pcAccess(o).read },
  // Registers (R315-4, R315-6, R315-26).
  { path: `${PC_HOME}/technical-objects`, label: 'pc.nav.technicalObjects', visible: (_a, o) => pcAccess(o).read },
  { path: `${PC_HOME}/plans`, label: 'pc.nav.plans', visible: (_a, o) => pcAccess(o).read },
  // Registers (R315-4, R315-8).
  { path: `${PC_HOME}/accidents`, label: 'pc.nav.accidents', visible: (_a, o) => pcAccess(o).read },
  { path: `${PC_HOME}/training`, label: 'pc.nav.training', visible: (_a, o) => pcAccess(o).read },
  // Documents generated from the data (R315-26, R315-6).
  { path: `${PC_HOME}/annual-information`, label: 'pc.nav.annualInformation', visible: (_a, o) => pcAccess(o).report },
  { path: `${PC_HOME}/regulation`, label: 'pc.nav.regulation', visible: (_a, o) => pcAccess(o).read },
  // Notices to staff (R315-4, R315-20) and the annual analysis (R315-20).
  { path: `${PC_HOME}/my-notices`, label: 'pc.nav.myNotices', visible: (_a, o) => pcAccess(o).module },
  { path: `${PC_HOME}/notices`, label: 'pc.nav.notices', visible: (_a, o) => pcAccess(o).report },
  { path: `${PC_HOME}/analysis`, label: 'pc.nav.analysis', visible: (_a, o) => pcAccess(o).report },
];

export const pcNav: NavItem = {
  path: PC_HOME,
  label: 'nav.productionControl',
  tag: '№ 315',
  visible: (_a, o) => servesPc(o) && pcAccess(o).module,
  children: PAGES,
};
