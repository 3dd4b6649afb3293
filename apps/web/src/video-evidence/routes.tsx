import type { ReactNode } from 'react';
import { Guarded } from '../kernel/shell/Guarded.tsx';
import { lazyPage } from '../kernel/shell/lazyPage.ts';
import { order444Access, type Order444Access } from './access.ts';

const pages = () => import('./pages.ts');
const Order444Home = lazyPage(() => pages().then((p) => p.Order444Home));
const MyRecordersPage = lazyPage(() => pages().then((p) => p.MyRecordersPage));
const JournalPage = lazyPage(() => pages().then((p) => p.JournalPage));
const RecordersPage = lazyPage(() => pages().then((p) => p.RecordersPage));
const RecorderPage = lazyPage(() => pages().then((p) => p.RecorderPage));
const ActivitiesPage = lazyPage(() => pages().then((p) => p.ActivitiesPage));
const ActivityPage = lazyPage(() => pages().then((p) => p.ActivityPage));
const RecordingPage = lazyPage(() => pages().then((p) => p.RecordingPage));
const RetentionPage = lazyPage(() => pages().then((p) => p.RetentionPage));
const PackagesPage = lazyPage(() => pages().then((p) => p.PackagesPage));
const NewPackagePage = lazyPage(() => pages().then((p) => p.NewPackagePage));
const PackagePage = lazyPage(() => pages().then((p) => p.PackagePage));

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
