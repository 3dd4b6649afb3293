import type { ReactNode } from 'react';
import { Guarded } from '../kernel/shell/Guarded.tsx';
import { lazyPage } from '../kernel/shell/lazyPage.ts';
import { pcAccess, type PcAccess } from './access.ts';

const pages = () => import('./pages.ts');
const DashboardPage = lazyPage(() => pages().then((p) => p.PcDashboardPage));
const FacilitiesPage = lazyPage(() => pages().then((p) => p.FacilitiesPage));
const OfficialsPage = lazyPage(() => pages().then((p) => p.OfficialsPage));
const ChecklistsPage = lazyPage(() => pages().then((p) => p.ChecklistsPage));
const ChecklistPage = lazyPage(() => pages().then((p) => p.ChecklistPage));
const SchedulePage = lazyPage(() => pages().then((p) => p.SchedulePage));

const page = (path: string, allow: (a: PcAccess) => boolean, element: ReactNode) => ({
  path,
  element: <Guarded allow={(_a, org) => allow(pcAccess(org))}>{element}</Guarded>,
});

/** Order 315 (HPF operator): each feature adds its pages here. The home page is the dashboard. */
export const pcRoutes = () => [
  page('production-control', (a) => a.module, <DashboardPage />),
  // Setup (pc-setup): facilities and units, officials, checklists, the schedule.
  page('production-control/facilities', (a) => a.read, <FacilitiesPage />),
  page('production-control/officials', (a) => a.read, <OfficialsPage />),
  page('production-control/checklists', (a) => a.read, <ChecklistsPage />),
  page('production-control/checklists/:checklistId', (a) => a.read, <ChecklistPage />),
  page('production-control/schedule', (a) => a.read, <SchedulePage />),
];
