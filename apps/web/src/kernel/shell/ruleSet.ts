import type { RouteObject } from 'react-router-dom';
import type { MyOrganisation } from '../auth/auth.types.ts';
import type { CatalogLoader } from '../i18n/catalogParts.ts';
import type { NavItem } from './navigation.ts';

/**
 * What a rule set (Order 444, Order 315, DSM-335, the union competition) tells the kernel about
 * itself. The app lists the declarations (app/ruleSets.ts); the router, the navigation and the home
 * page iterate them. The kernel never imports a rule set.
 */
export interface RuleSet<RuleSetAccess = unknown> {
  /** Its folder under src/ and its part of the catalog (packages/i18n/locales/<id>/). */
  id: 'video-evidence' | 'production-control' | 'medical-cctv' | 'ohs-competition';
  /** The organisations it serves (one kind each): there its entry is shown. */
  serves: (org: MyOrganisation | null) => boolean;
  /** What each role of such an organisation may open and do (mirrors the server's rules). */
  access: (org: MyOrganisation | null) => RuleSetAccess;
  /** Its entry among the modules, with the sub-navigation shown while one of its pages is open. */
  nav: NavItem;
  /** Its pages under /app, each fetched when first opened. */
  routes: RouteObject[];
  /** Pages anyone may open without signing in, under /app/public (e.g. published results). */
  publicRoutes?: RouteObject[];
  /** Its words in one language (not in the first load): fetched when its entry or a page of it is shown. */
  catalog: CatalogLoader;
}
