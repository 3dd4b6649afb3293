/** Order 315's pages: one chunk, fetched when the first of them is opened (routes.tsx). */
export { PcDashboardPage } from './dashboard/PcDashboardPage.tsx';
export { FacilitiesPage } from './facilities/FacilitiesPage.tsx';
export { OfficialsPage } from './officials/OfficialsPage.tsx';
export { ChecklistsPage } from './checklists/ChecklistsPage.tsx';
export { ChecklistPage } from './checklists/ChecklistPage.tsx';
export { SchedulePage } from './schedule/SchedulePage.tsx';
