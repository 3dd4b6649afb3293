import type { ReactNode } from 'react';
import { ActivitiesPage } from '../modules/activities/ActivitiesPage.tsx';
import { ActivityPage } from '../modules/evidence/ActivityPage.tsx';
import { RecordingPage } from '../modules/evidence/RecordingPage.tsx';
import { JournalPage } from '../modules/journal/JournalPage.tsx';
import { Order444Home } from '../modules/order444/DashboardPage.tsx';
import { MyRecordersPage } from '../modules/order444/MyRecordersPage.tsx';
import { NewPackagePage } from '../modules/packages/NewPackagePage.tsx';
import { PackagePage } from '../modules/packages/PackagePage.tsx';
import { PackagesPage } from '../modules/packages/PackagesPage.tsx';
import { RecorderPage } from '../modules/recorders/RecorderPage.tsx';
import { RecordersPage } from '../modules/recorders/RecordersPage.tsx';
import { RetentionPage } from '../modules/retention/RetentionPage.tsx';
import type { Access } from '../modules/shell/access.ts';
import { Guarded } from '../modules/shell/Guarded.tsx';

const page = (path: string, allow: (a: Access['order444']) => boolean, element: ReactNode) => ({
  path,
  element: <Guarded allow={(a) => allow(a.order444)}>{element}</Guarded>,
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
