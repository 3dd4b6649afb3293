import type { ReactNode } from 'react';
import { ComingSoonPage } from '../kernel/shell/ComingSoonPage.tsx';
import { Guarded } from '../kernel/shell/Guarded.tsx';
import { pcAccess, type PcAccess } from './access.ts';

// Pages are lazy: const pages = () => import('./pages.ts'); const XPage = lazyPage(() => pages().then((p) => p.XPage));

const page = (path: string, allow: (a: PcAccess) => boolean, element: ReactNode) => ({
  path,
  element: <Guarded allow={(_a, org) => allow(pcAccess(org))}>{element}</Guarded>,
});

/** Order 315 (HPF operator): each feature adds its pages here. The home page is the dashboard (to come). */
export const pcRoutes = () => [page('production-control', (a) => a.module, <ComingSoonPage label="nav.productionControl" />)];
