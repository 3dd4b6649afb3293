import type { ReactNode } from 'react';
import { ComingSoonPage } from '../kernel/shell/ComingSoonPage.tsx';
import { Guarded } from '../kernel/shell/Guarded.tsx';
import { hasRole } from '../kernel/shell/access.ts';
import { lazyPage } from '../kernel/shell/lazyPage.ts';
import { pcAccess, type PcAccess } from './access.ts';

const pages = () => import('./pages.ts');
const InstructionsPage = lazyPage(() => pages().then((p) => p.InstructionsPage));
const InstructionPage = lazyPage(() => pages().then((p) => p.InstructionPage));
const MyMeasuresPage = lazyPage(() => pages().then((p) => p.MyMeasuresPage));
const MonthlyCheckPage = lazyPage(() => pages().then((p) => p.MonthlyCheckPage));

const page = (path: string, allow: (a: PcAccess) => boolean, element: ReactNode) => ({
  path,
  element: <Guarded allow={(_a, org) => allow(pcAccess(org))}>{element}</Guarded>,
});

/** A performer reads only their measures (the server's readers do not include them). */
const onlyPerformer = (a: PcAccess) => a.perform && !a.unitHead && !a.inspect && !a.organise && !a.firstHead;

/** Order 315 (HPF operator): each feature adds its pages here. The home page is the dashboard (to come). */
export const pcRoutes = () => [
  page('production-control', (a) => a.module, <ComingSoonPage label="nav.productionControl" />),
  // After the inspection: instructions, my measures, the monthly check (R315-4, -13, -15, -16, -17, -27).
  page('production-control/instructions', (a) => a.module && !onlyPerformer(a), <InstructionsPage />),
  page('production-control/instructions/:instructionId', (a) => a.module && !onlyPerformer(a), <InstructionPage />),
  page('production-control/measures', (a) => a.perform, <MyMeasuresPage />),
  {
    path: 'production-control/monthly-check',
    element: (
      <Guarded allow={(_a, org) => hasRole(org, ['pc_service_head', 'pc_official'])}>
        <MonthlyCheckPage />
      </Guarded>
    ),
  },
];
