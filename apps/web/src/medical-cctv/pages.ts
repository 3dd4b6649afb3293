/** DSM-335's pages: one chunk, fetched when the first of them is opened (routes.tsx). */
export { CctvDashboardPage } from './dashboard/DashboardPage.tsx';
export { PremisesPage } from './premises/PremisesPage.tsx';
export { CamerasPage } from './cameras/CamerasPage.tsx';
export { ConsentsPage } from './consents/ConsentsPage.tsx';
export { RequestsPage } from './requests/RequestsPage.tsx';
export { RequestPage } from './requests/RequestPage.tsx';
