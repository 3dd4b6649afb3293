import type { MyOrganisation } from '../auth/auth.types.ts';
import type { Access } from './access.ts';

export interface NavItem {
  /** Path under /app. */
  path: string;
  /** Key in the web namespace. */
  label: string;
  /** Short regulation tag shown beside the label. */
  tag?: string;
  visible: (access: Access, org: MyOrganisation | null) => boolean;
  /** A sub-navigation shown under the entry while one of its pages is open. */
  children?: NavItem[];
  /** Active only on its own path, not on the pages below it. */
  exact?: boolean;
}

/** Order 444: the counter journal, the fleet, the control activities, the dashboards, retention and court packages. */
export const ORDER_444: NavItem[] = [
  { path: '/app/recorders', label: 'order444.nav.dashboard', exact: true, visible: (a) => a.order444.dashboard },
  { path: '/app/recorders/mine', label: 'order444.nav.mine', visible: (a) => a.order444.mine },
  { path: '/app/recorders/journal', label: 'order444.nav.journal', visible: (a) => a.order444.journal },
  { path: '/app/recorders/devices', label: 'order444.nav.devices', visible: (a) => a.order444.fleet },
  { path: '/app/recorders/activities', label: 'order444.nav.activities', visible: (a) => a.order444.module },
  { path: '/app/recorders/retention', label: 'order444.nav.retention', visible: (a) => a.order444.retention },
  { path: '/app/recorders/packages', label: 'order444.nav.packages', visible: (a) => a.order444.packages },
];

/** The four regulation modules; each belongs to one kind of organisation. */
export const MODULES: NavItem[] = [
  {
    path: '/app/recorders',
    label: 'nav.recorders',
    tag: '№ 444',
    visible: (_a, o) => o?.type === 'territorial_subdivision',
    children: ORDER_444,
  },
  { path: '/app/production-control', label: 'nav.productionControl', tag: '№ 315', visible: (_a, o) => o?.type === 'hpf_operator' },
  { path: '/app/medical-cctv', label: 'nav.medicalCctv', tag: 'ДСМ-335', visible: (_a, o) => o?.type === 'medical_organisation' },
  { path: '/app/competition', label: 'nav.competition', visible: (_a, o) => o?.type === 'trade_union' },
];

export const MANAGEMENT: NavItem[] = [
  { path: '/app/appointments', label: 'nav.appointments', visible: (a) => a.appointments },
  { path: '/app/audit', label: 'nav.audit', visible: (a) => a.audit },
  { path: '/app/admin', label: 'nav.admin', visible: (a) => a.admin },
];

export const visibleItems = (items: NavItem[], access: Access, org: MyOrganisation | null) => items.filter((i) => i.visible(access, org));
