import type { NavItem } from '../kernel/shell/navigation.ts';
import { order444Access, servesOrder444 } from './access.ts';

/** The counter journal, the fleet, the control activities, the dashboards, retention and court packages. */
const ORDER_444: NavItem[] = [
  { path: '/app/recorders', label: 'order444.nav.dashboard', exact: true, visible: (_a, o) => order444Access(o).dashboard },
  { path: '/app/recorders/mine', label: 'order444.nav.mine', visible: (_a, o) => order444Access(o).mine },
  { path: '/app/recorders/journal', label: 'order444.nav.journal', visible: (_a, o) => order444Access(o).journal },
  { path: '/app/recorders/devices', label: 'order444.nav.devices', visible: (_a, o) => order444Access(o).fleet },
  { path: '/app/recorders/activities', label: 'order444.nav.activities', visible: (_a, o) => order444Access(o).module },
  { path: '/app/recorders/retention', label: 'order444.nav.retention', visible: (_a, o) => order444Access(o).retention },
  { path: '/app/recorders/packages', label: 'order444.nav.packages', visible: (_a, o) => order444Access(o).packages },
];

export const order444Nav: NavItem = {
  path: '/app/recorders',
  label: 'nav.recorders',
  tag: '№ 444',
  visible: (_a, o) => servesOrder444(o),
  children: ORDER_444,
};
