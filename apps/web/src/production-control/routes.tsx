import type { ReactNode } from 'react';
import { Guarded } from '../kernel/shell/Guarded.tsx';
import { hasRole } from '../kernel/shell/access.ts';
import { lazyPage } from '../kernel/shell/lazyPage.ts';
import { pcAccess, type PcAccess } from './access.ts';

const pages = () => import('./pages.ts');
const InspectionsPage = lazyPage(() => pages().then((p) => p.InspectionsPage));
const StartInspectionPage = lazyPage(() => pages().then((p) => p.StartInspectionPage));
const BriefPage = lazyPage(() => pages().then((p) => p.BriefPage));
const ConductPage = lazyPage(() => pages().then((p) => p.ConductPage));
const ViolationsPage = lazyPage(() => pages().then((p) => p.ViolationsPage));
const ViolationPage = lazyPage(() => pages().then((p) => p.ViolationPage));
const ProposalsPage = lazyPage(() => pages().then((p) => p.ProposalsPage));
const JournalPage = lazyPage(() => pages().then((p) => p.JournalPage));
const InstructionsPage = lazyPage(() => pages().then((p) => p.InstructionsPage));
const InstructionPage = lazyPage(() => pages().then((p) => p.InstructionPage));
const MyMeasuresPage = lazyPage(() => pages().then((p) => p.MyMeasuresPage));
const MonthlyCheckPage = lazyPage(() => pages().then((p) => p.MonthlyCheckPage));
const DashboardPage = lazyPage(() => pages().then((p) => p.PcDashboardPage));
const AnnualInformationPage = lazyPage(() => pages().then((p) => p.AnnualInformationPage));
const RegulationPage = lazyPage(() => pages().then((p) => p.RegulationPage));
const FacilitiesPage = lazyPage(() => pages().then((p) => p.FacilitiesPage));
const OfficialsPage = lazyPage(() => pages().then((p) => p.OfficialsPage));
const ChecklistsPage = lazyPage(() => pages().then((p) => p.ChecklistsPage));
const ChecklistPage = lazyPage(() => pages().then((p) => p.ChecklistPage));
const SchedulePage = lazyPage(() => pages().then((p) => p.SchedulePage));
const MonthlyReportPage = lazyPage(() => pages().then((p) => p.MonthlyReportPage));
const CapaPage = lazyPage(() => pages().then((p) => p.CapaPage));
const CapaDetailPage = lazyPage(() => pages().then((p) => p.CapaDetailPage));
const TechnicalDevicesPage = lazyPage(() => pages().then((p) => p.TechnicalDevicesPage));
const PlansPage = lazyPage(() => pages().then((p) => p.PlansPage));
const PlanPage = lazyPage(() => pages().then((p) => p.PlanPage));
const AccidentsPage = lazyPage(() => pages().then((p) => p.AccidentsPage));
const AccidentPage = lazyPage(() => pages().then((p) => p.AccidentPage));
const TrainingPage = lazyPage(() => pages().then((p) => p.TrainingPage));
const MyNoticesPage = lazyPage(() => pages().then((p) => p.MyNoticesPage));
const NoticesPage = lazyPage(() => pages().then((p) => p.NoticesPage));
const NoticeNewPage = lazyPage(() => pages().then((p) => p.NoticeNewPage));
const NoticePage = lazyPage(() => pages().then((p) => p.NoticePage));
const AnnualAnalysisPage = lazyPage(() => pages().then((p) => p.AnnualAnalysisPage));
const IndicatorsPage = lazyPage(() => pages().then((p) => p.IndicatorsPage));

const page = (path: string, allow: (a: PcAccess) => boolean, element: ReactNode) => ({
  path,
  element: <Guarded allow={(_a, org) => allow(pcAccess(org))}>{element}</Guarded>,
});

/** A performer reads only their measures (the server's readers do not include them). */
const onlyPerformer = (a: PcAccess) => a.perform && !a.unitHead && !a.inspect && !a.organise && !a.firstHead;

/** Order 315 (HPF operator): the dashboard, set-up, inspections, and what follows them. */
export const pcRoutes = () => [
  page('production-control', (a) => a.module, <DashboardPage />),
  // Setup (pc-setup): facilities and units, officials, checklists, the schedule.
  page('production-control/facilities', (a) => a.read, <FacilitiesPage />),
  page('production-control/officials', (a) => a.read, <OfficialsPage />),
  page('production-control/checklists', (a) => a.read, <ChecklistsPage />),
  page('production-control/checklists/:checklistId', (a) => a.read, <ChecklistPage />),
  page('production-control/schedule', (a) => a.read, <SchedulePage />),
  // Inspections, the brief, findings, proposals, journal (R315-8, -9, -11, -12, -14, -27).
  page('production-control/inspections', (a) => a.read, <InspectionsPage />),
  page('production-control/inspections/start', (a) => a.inspect, <StartInspectionPage />),
  page('production-control/inspections/brief', (a) => a.inspect, <BriefPage />),
  page('production-control/inspections/:inspectionId', (a) => a.read, <ConductPage />),
  page('production-control/inspections/:inspectionId/brief', (a) => a.inspect, <BriefPage />),
  page('production-control/violations', (a) => a.read, <ViolationsPage />),
  page('production-control/violations/:violationId', (a) => a.read, <ViolationPage />),
  page('production-control/proposals', (a) => a.read, <ProposalsPage />),
  page('production-control/journal', (a) => a.read, <JournalPage />),
  // After the inspection: instructions, my measures, the monthly check (R315-4, -13, -15, -16, -17, -27).
  page('production-control/instructions', (a) => a.module && !onlyPerformer(a), <InstructionsPage />),
  page('production-control/instructions/:instructionId', (a) => a.module && !onlyPerformer(a), <InstructionPage />),
  page('production-control/measures', (a) => a.perform, <MyMeasuresPage />),
  // Reporting to the head (R315-18).
  page('production-control/reports/monthly', (a) => a.report, <MonthlyReportPage />),
  // Corrective and preventive actions, next year's plan (R315-21): performers have none.
  page('production-control/capa', (a) => a.read, <CapaPage />),
  page('production-control/capa/:capaId', (a) => a.read, <CapaDetailPage />),
  // Registers: technical devices, buildings and structures; plans of measures and accident-response plans (R315-4, -6, -26).
  page('production-control/technical-objects', (a) => a.read, <TechnicalDevicesPage />),
  page('production-control/plans', (a) => a.read, <PlansPage />),
  page('production-control/plans/:planId', (a) => a.read, <PlanPage />),
  // Registers: accidents, incidents and injuries; staff training (R315-4, R315-8).
  page('production-control/accidents', (a) => a.read, <AccidentsPage />),
  page('production-control/accidents/:accidentId', (a) => a.read, <AccidentPage />),
  page('production-control/training', (a) => a.read, <TrainingPage />),
  // Documents generated from the data, approved by the first head (R315-26, R315-6).
  page('production-control/annual-information', (a) => a.report, <AnnualInformationPage />),
  page('production-control/regulation', (a) => a.read, <RegulationPage />),
  // Notices to staff with acknowledgement (R315-4, R315-20); the annual analysis and its indicators (R315-20).
  page('production-control/my-notices', (a) => a.module, <MyNoticesPage />),
  page('production-control/notices', (a) => a.report, <NoticesPage />),
  page('production-control/notices/new', (a) => a.inspect, <NoticeNewPage />),
  page('production-control/notices/:noticeId', (a) => a.module, <NoticePage />),
  page('production-control/analysis', (a) => a.report, <AnnualAnalysisPage />),
  page('production-control/analysis/indicators', (a) => a.report, <IndicatorsPage />),
  {
    path: 'production-control/monthly-check',
    element: (
      <Guarded allow={(_a, org) => hasRole(org, ['pc_service_head', 'pc_official'])}>
        <MonthlyCheckPage />
      </Guarded>
    ),
  },
];

const FieldPage = lazyPage(() => pages().then((p) => p.FieldPage));

/**
 * Issue 18: an inspection taken for the field opens from the device's own store, also with no network
 * (the session check of the signed-in pages would fail offline); the sync still needs the session.
 */
export const pcPublicRoutes = () => [{ path: 'production-control/field/:inspectionId', element: <FieldPage /> }];
