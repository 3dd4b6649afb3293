import type { ReactNode } from 'react';
import { ActivitiesPage } from './activities/ActivitiesPage.tsx';
import { ActivityPage } from './evidence/ActivityPage.tsx';
import { RecordingPage } from './evidence/RecordingPage.tsx';
import { JournalPage } from './journal/JournalPage.tsx';
import { Order444Home } from './dashboard/DashboardPage.tsx';
import { MyRecordersPage } from './dashboard/MyRecordersPage.tsx';
import { NewPackagePage } from './packages/NewPackagePage.tsx';
import { PackagePage } from './packages/PackagePage.tsx';
import { PackagesPage } from './packages/PackagesPage.tsx';
import { RecorderPage } from './recorders/RecorderPage.tsx';
import { RecordersPage } from './recorders/RecordersPage.tsx';
import { RetentionPage } from './retention/RetentionPage.tsx';
import { Guarded } from '../kernel/shell/Guarded.tsx';
import { order444Access, type Order444Access } from './access.ts';

const page = (path: string, allow: (a: Order444Access) => boolean, element: ReactNode) => ({
  path,
  element: <Guarded allow={(_a, org) => allow(order444Access(org))}>{element}</Guarded>,
});

/**
 * Order 444 (territorial subdivision): dashboard, the inspector's recorders, journal, fleet, activities with their
 * timelines, recordings, the retention review and court or authority packages.
 */
export const order444Routes = () => [
  page('recorders', (a) => a.module, <Order444Home />),
  page('recorders/mine', (a) => a.mine, <MyRecordersPage />),
  page('recorders/journal', (a) => a.journal, <JournalPage />),
  page('recorders/devices', (a) => a.fleet, <RecordersPage />),
  page('recorders/devices/:recorderId', (a) => a.fleet, <RecorderPage />),
  page('recorders/activities', (a) => a.module, <ActivitiesPage />),
  page('recorders/activities/:activityId', (a) => a.module, <ActivityPage />),
  page('recorders/recordings/:recordingId', (a) => a.recordings, <RecordingPage />),
  page('recorders/retention', (a) => a.retention, <RetentionPage />),
  page('recorders/packages', (a) => a.packages, <PackagesPage />),
  page('recorders/packages/new', (a) => a.makePackages, <NewPackagePage />),
  page('recorders/packages/:packageId', (a) => a.packages, <PackagePage />),
];
