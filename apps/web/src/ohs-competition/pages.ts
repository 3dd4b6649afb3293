/** The competition's pages: one chunk, fetched when the first of them is opened (routes.tsx). */
export { ApplicationPage } from './applications/ApplicationPage.tsx';
export { PublicResultsPage } from './public/PublicResultsPage.tsx';
export { ResultsPage } from './results/ResultsPage.tsx';
export { YearPage } from './years/YearPage.tsx';
export { YearsPage } from './years/YearsPage.tsx';
