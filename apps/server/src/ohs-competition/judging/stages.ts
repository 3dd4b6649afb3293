import type { CommissionStage } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import type { ApplicationRow } from '../applications/applications.repository.ts';
import { regionalCommission, republicanCommission } from './judging.repository.ts';

/**
 * Point 10: the stage an application is at — II once sent there, I once entered into its member
 * organisation's stage I, none while a draft (an excluded candidate keeps the stage it reached).
 */
export function stageOf(app: Pick<ApplicationRow, 'submittedAt' | 'stageOneEnteredAt'>): CommissionStage | null {
  if (app.submittedAt) return 'II';
  return app.stageOneEnteredAt ? 'I' : null;
}

/** The commission judging an application at a stage: its member organisation's at stage I, the republican one at stage II. */
export const commissionOfStage = (db: DbOrTx, app: Pick<ApplicationRow, 'yearId' | 'memberOrganisationId'>, stage: CommissionStage) =>
  stage === 'I' ? regionalCommission(db, app.yearId, app.memberOrganisationId) : republicanCommission(db, app.yearId);
