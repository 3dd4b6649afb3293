import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/deps.ts';
import { checklistsRoutes } from './checklists/checklists.routes.ts';
import { formsRoutes } from './forms/forms.routes.ts';
import { facilitiesRoutes } from './facilities/facilities.routes.ts';
import { officialsRoutes } from './officials/officials.routes.ts';
import { scheduleRoutes } from './schedule/schedule.routes.ts';
import { inspectionRoutes } from './inspections/inspections.routes.ts';
import { journalRoutes } from './journal/journal.routes.ts';
import { proposalRoutes } from './violations/proposals.routes.ts';
import { violationRoutes } from './violations/violations.routes.ts';
import { followUpRoutes } from './follow-up/follow-up.routes.ts';
import { instructionRoutes } from './instructions/instructions.routes.ts';
import { instructionItemRoutes } from './instructions/items.routes.ts';
import { instructionOrderRoutes } from './instructions/orders.routes.ts';
import { reportRoutes } from './reports/reports.routes.ts';
import { offlineRoutes } from './offline/offline.routes.ts';
import { capaRoutes } from './capa/capa.routes.ts';
import { technicalDeviceRoutes } from './technical-devices/technical-devices.routes.ts';
import { planRoutes } from './plans/plans.routes.ts';
import { accidentRoutes } from './accidents/accidents.routes.ts';
import { trainingRoutes } from './training/training.routes.ts';
import { annualInformationRoutes } from './annual-information/annual-information.routes.ts';
import { regulationRoutes } from './regulation/regulation.routes.ts';
import { noticeRoutes } from './notices/notices.routes.ts';
import { analysisRoutes } from './analysis/analysis.routes.ts';

/** Every route of Order 315, as one plugin (each feature folder adds its own plugin here). */
export function productionControlRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    // Setup: facilities and units, officials, checklists, the schedule, printed forms.
    await app.register(facilitiesRoutes(deps));
    await app.register(officialsRoutes(deps));
    await app.register(checklistsRoutes(deps));
    await app.register(scheduleRoutes(deps));
    await app.register(formsRoutes(deps));
    await app.register(inspectionRoutes(deps));
    await app.register(violationRoutes(deps));
    await app.register(proposalRoutes(deps));
    await app.register(journalRoutes(deps));
    // After the inspection: acts, instructions, orders, measures, verification (R315-4, -15, -16, -17, -27); the monthly check (R315-13).
    await app.register(instructionRoutes(deps));
    await app.register(instructionItemRoutes(deps));
    await app.register(instructionOrderRoutes(deps));
    await app.register(followUpRoutes(deps));
    // Reporting to the head (R315-18).
    await app.register(reportRoutes(deps));
    // Offline field inspections: records made without network, synced with receipts (issue 18).
    await app.register(offlineRoutes(deps));
    // Corrective and preventive actions, next year's plan (R315-21).
    await app.register(capaRoutes(deps));
    // Registers: technical devices, buildings and structures; plans of measures and accident-response plans (R315-4, -6, -26).
    await app.register(technicalDeviceRoutes(deps));
    await app.register(planRoutes(deps));
    // Registers: accidents, incidents and injuries with their investigation; staff training (R315-4, -8, -26).
    await app.register(accidentRoutes(deps));
    await app.register(trainingRoutes(deps));
    // Documents generated from the data and approved by the first head (R315-26, R315-6).
    await app.register(annualInformationRoutes(deps));
    await app.register(regulationRoutes(deps));
    // Notices to staff with acknowledgement (R315-4, R315-20); the annual analysis (R315-20).
    await app.register(noticeRoutes(deps));
    await app.register(analysisRoutes(deps));
  };
}
