import type { MyOrganisation } from '../auth/auth.types.ts';
import type { CatalogLoader } from '../i18n/catalogParts.ts';
import { ComingSoonPage } from './ComingSoonPage.tsx';
import type { RuleSet } from './ruleSet.ts';

interface Announcement {
  id: RuleSet['id'];
  /** Path under /app, its label key (with `<label>.about`, both in its own catalog part) and regulation tag. */
  nav: { path: string; label: string; tag?: string };
  serves: (org: MyOrganisation | null) => boolean;
  catalog: CatalogLoader;
}

/** A rule set announced in the navigation but not built yet: one page saying so. */
export function comingSoon({ id, nav, serves, catalog }: Announcement): RuleSet<Record<string, never>> {
  return {
    id,
    serves,
    access: () => ({}),
    nav: { ...nav, visible: (_a, org) => serves(org) },
    routes: [{ path: nav.path.replace('/app/', ''), element: <ComingSoonPage key={nav.path} label={nav.label} /> }],
    catalog,
  };
}
