import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { findChecklist, latestPublishedVersion } from '../checklists/checklists.repository.ts';
import { findFacility, findUnit } from '../facilities/facilities.repository.ts';
import { activeAppointmentCovering } from '../officials/activeAppointmentCovering.ts';
import { namesByIds } from '../officials/people.repository.ts';
import { formatDate } from '../../platform/format.ts';

export interface ItemInput {
  facilityId: string;
  unitId?: string | null;
  kind: 'scheduled' | 'comprehensive';
  plannedOn: string;
  checklistId: string;
  responsibleOfficialId: string;
}

/**
 * A line of the schedule (R315-7): a facility in service (and one of its units), a date in the schedule's
 * year, a checklist with a published version (an approved programme for a comprehensive inspection,
 * R315-11), and a responsible official whose appointment by order covers the facility on that date (R315-3).
 */
export async function checkItem(deps: AppDeps, organisationId: string, year: number, input: ItemInput) {
  const bad = (field: string, rule: string): never => {
    throw new AppError('pc.schedule_item_invalid', { field, rule });
  };
  const facility = await findFacility(deps.db, organisationId, input.facilityId);
  if (!facility) bad('facilityId', 'unknown');
  if (facility!.decommissionedOn) bad('facilityId', 'decommissioned');
  if (input.unitId) {
    const unit = await findUnit(deps.db, organisationId, input.unitId);
    if (!unit) bad('unitId', 'unknown');
    if (unit!.facilityId !== facility!.id) bad('unitId', 'unit_of_other_facility');
  }
  if (!input.plannedOn.startsWith(`${year}-`)) bad('plannedOn', 'outside_year');
  const checklist = await findChecklist(deps.db, organisationId, input.checklistId);
  if (!checklist) bad('checklistId', 'unknown');
  if ((checklist!.purpose === 'comprehensive_programme') !== (input.kind === 'comprehensive'))
    bad('checklistId', 'programme_for_comprehensive');
  if (!(await latestPublishedVersion(deps.db, organisationId, checklist!.id))) bad('checklistId', 'not_published');
  const appointment = await activeAppointmentCovering(
    deps.db,
    organisationId,
    input.responsibleOfficialId,
    facility!.id,
    input.unitId,
    input.plannedOn,
  );
  if (!appointment) {
    const name = (await namesByIds(deps.db, [input.responsibleOfficialId])).get(input.responsibleOfficialId);
    if (!name) bad('responsibleOfficialId', 'unknown');
    throw new AppError('pc.official_not_appointed', { field: 'responsibleOfficialId', name, date: formatDate(input.plannedOn) });
  }
  return {
    facilityId: facility!.id,
    unitId: input.unitId ?? null,
    kind: input.kind,
    plannedOn: input.plannedOn,
    checklistId: checklist!.id,
    responsibleOfficialId: input.responsibleOfficialId,
  };
}
