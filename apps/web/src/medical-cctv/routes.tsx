import type { ReactNode } from 'react';
import { Guarded } from '../kernel/shell/Guarded.tsx';
import { lazyPage } from '../kernel/shell/lazyPage.ts';
import { cctvAccess, type CctvAccess } from './access.ts';

const pages = () => import('./pages.ts');
const DashboardPage = lazyPage(() => pages().then((p) => p.CctvDashboardPage));
const PremisesPage = lazyPage(() => pages().then((p) => p.PremisesPage));
const CamerasPage = lazyPage(() => pages().then((p) => p.CamerasPage));
const ConsentsPage = lazyPage(() => pages().then((p) => p.ConsentsPage));
const RequestsPage = lazyPage(() => pages().then((p) => p.RequestsPage));
const RequestPage = lazyPage(() => pages().then((p) => p.RequestPage));

const page = (path: string, allow: (a: CctvAccess) => boolean, element: ReactNode) => ({
  path,
  element: <Guarded allow={(_a, org) => allow(cctvAccess(org))}>{element}</Guarded>,
});

/** DSM-335 (medical organisation): the compliance dashboard, the registers, consents and applications. */
export const cctvRoutes = () => [
  page('medical-cctv', (a) => a.module, <DashboardPage />),
  page('medical-cctv/premises', (a) => a.module, <PremisesPage />),
  page('medical-cctv/cameras', (a) => a.module, <CamerasPage />),
  page('medical-cctv/consents', (a) => a.module, <ConsentsPage />),
  page('medical-cctv/requests', (a) => a.module, <RequestsPage />),
  page('medical-cctv/requests/:requestId', (a) => a.module, <RequestPage />),
];
