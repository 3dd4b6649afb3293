/** Order 444's pages: one chunk, fetched when the first of them is opened (routes.tsx). */
export { ActivitiesPage } from './activities/ActivitiesPage.tsx';
export { ActivityPage } from './evidence/ActivityPage.tsx';
export { RecordingPage } from './evidence/RecordingPage.tsx';
export { JournalPage } from './journal/JournalPage.tsx';
export { Order444Home } from './dashboard/DashboardPage.tsx';
export { MyRecordersPage } from './dashboard/MyRecordersPage.tsx';
export { NewPackagePage } from './packages/NewPackagePage.tsx';
export { PackagePage } from './packages/PackagePage.tsx';
export { PackagesPage } from './packages/PackagesPage.tsx';
export { RecorderPage } from './recorders/RecorderPage.tsx';
export { RecordersPage } from './recorders/RecordersPage.tsx';
export { RetentionPage } from './retention/RetentionPage.tsx';
