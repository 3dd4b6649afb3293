import type { OrgRole } from '@baqylau/contracts';
import type { DbOrTx } from '../db/database.ts';
import { AppError } from '../platform/errors.ts';
import type { ApplicationRow } from './applications/applications.repository.ts';
import { stageOneSeatsOf } from './judging/judging.repository.ts';
import { stageOf } from './judging/stages.ts';
import { coordinatedBy } from './member-organisations/member-organisations.repository.ts';

/** Who is asking: their id and their roles in the union. */
export interface Viewer {
  userId: string;
  roles: ReadonlySet<OrgRole>;
}

export const isOrganiser = (v: Viewer) => v.roles.has('head') || v.roles.has('competition_secretary');
const seesAll = (v: Viewer) => isOrganiser(v) || v.roles.has('auditor');

type Seen = Pick<ApplicationRow, 'yearId' | 'memberOrganisationId' | 'state' | 'submittedAt' | 'stageOneEnteredAt'>;

/**
 * What of a year's applications the viewer sees: organisers and the auditor everything; a
 * coordinator their member organisation's; a commission member what was sent to stage II, and a
 * stage I candidate only on the commission of that member organisation's stage I (point 13).
 * Returns a predicate, so a list and a single read agree.
 */
export async function applicationVisibility(db: DbOrTx, organisationId: string, v: Viewer) {
  if (seesAll(v)) return () => true;
  const own = v.roles.has('member_coordinator') ? await coordinatedBy(db, organisationId, v.userId) : undefined;
  const judge = v.roles.has('commission_member');
  const seats = judge ? await stageOneSeatsOf(db, organisationId, v.userId) : [];
  const seated = (a: Seen) => seats.some((s) => s.yearId === a.yearId && s.memberOrganisationId === a.memberOrganisationId);
  return (a: Seen) =>
    (own !== undefined && a.memberOrganisationId === own) || (judge && a.state !== 'draft' && (stageOf(a) === 'I' ? seated(a) : true));
}

/** An application the viewer may see, or "not found" (another member organisation's drafts are not theirs to know of). */
export async function visibleApplication<T extends Seen>(db: DbOrTx, organisationId: string, v: Viewer, a: T | undefined): Promise<T> {
  if (!a || !(await applicationVisibility(db, organisationId, v))(a)) throw new AppError('competition.application_not_found');
  return a;
}

/** Organisers prepare for any member organisation; a coordinator only for theirs. */
export async function assertMayPrepare(db: DbOrTx, organisationId: string, v: Viewer, memberOrganisationId: string) {
  if (isOrganiser(v)) return;
  const own = await coordinatedBy(db, organisationId, v.userId);
  if (!own) throw new AppError('competition.coordinator_unassigned');
  if (own !== memberOrganisationId) throw new AppError('competition.coordinator_elsewhere');
}
