import { Suspense, type ReactNode } from 'react';
import { PageLoader } from '../kernel/components/PageLoader.tsx';
import { Guarded } from '../kernel/shell/Guarded.tsx';
import { lazyPage } from '../kernel/shell/lazyPage.ts';
import { competitionAccess, type CompetitionAccess } from './access.ts';

const pages = () => import('./pages.ts');
const YearsPage = lazyPage(() => pages().then((p) => p.YearsPage));
const YearPage = lazyPage(() => pages().then((p) => p.YearPage));
const ApplicationPage = lazyPage(() => pages().then((p) => p.ApplicationPage));
const ResultsPage = lazyPage(() => pages().then((p) => p.ResultsPage));
const PublicResultsPage = lazyPage(() => pages().then((p) => p.PublicResultsPage));

const page = (path: string, allow: (a: CompetitionAccess) => boolean, element: ReactNode) => ({
  path,
  element: <Guarded allow={(_a, org) => allow(competitionAccess(org))}>{element}</Guarded>,
});

/** The union competition: years, a year's applications and commission, an application, the results. */
export const competitionRoutes = () => [
  page('competition', (a) => a.module, <YearsPage />),
  page('competition/years/:yearId', (a) => a.module, <YearPage />),
  page('competition/years/:yearId/results', (a) => a.judging, <ResultsPage />),
  page('competition/applications/:applicationId', (a) => a.module, <ApplicationPage />),
];

/** RC-24: the published results, without signing in (under /app/public). */
export const competitionPublicRoutes = () => {
  // Outside the signed-in shell, whose boundary shows a loader while a page's code arrives.
  const element = (
    <Suspense fallback={<PageLoader />}>
      <PublicResultsPage />
    </Suspense>
  );
  return [
    { path: 'competition/:orgId', element },
    { path: 'competition/:orgId/:year', element },
  ];
};
