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

export const MANAGEMENT: NavItem[] = [
  { path: '/app/appointments', label: 'nav.appointments', visible: (a) => a.appointments },
  { path: '/app/audit', label: 'nav.audit', visible: (a) => a.audit },
  { path: '/app/admin', label: 'nav.admin', visible: (a) => a.admin },
];

export const visibleItems = (items: NavItem[], access: Access, org: MyOrganisation | null) => items.filter((i) => i.visible(access, org));
