import type { DbOrTx } from '../../db/database.ts';
import { dateInZone } from '../../platform/time.ts';
import { listFacilities, listUnits } from '../facilities/facilities.repository.ts';
import { namesOf } from '../instructions/instructions.repository.ts';
import { daysUntil, examinationState, latestByObjectAndKind, type ExaminationState } from './examination-state.ts';
import { listExaminations, listObjects, type ExaminationRow, type TechnicalObjectRow } from './technical-devices.repository.ts';

const WORST: (ExaminationState | 'none')[] = ['none', 'valid', 'due_soon', 'overdue', 'unfit'];

const examView = (e: ExaminationRow, names: Map<string, string>) => ({
  id: e.id,
  kind: e.kind,
  performedOn: e.performedOn,
  nextDueOn: e.nextDueOn,
  result: e.result,
  performedBy: e.performedBy,
  documentNumber: e.documentNumber,
  recordedBy: { id: e.recordedBy, fullName: names.get(e.recordedBy) ?? '' },
  recordedAt: e.recordedAt,
});

/**
 * The register as the service reads it (R315-6): each object with its state per kind of examination,
 * from the latest one; and the alerts for the head — an unfit object, or a device (a hazardous technical
 * device) whose examination or certification is overdue.
 */
export async function technicalRegister(db: DbOrTx, organisationId: string, now: Date, objectId?: string) {
  const today = dateInZone(now);
  const [objects, exams, facilities, units] = await Promise.all([
    listObjects(db, organisationId),
    listExaminations(db, organisationId, objectId),
    listFacilities(db, organisationId),
    listUnits(db, organisationId),
  ]);
  const names = await namesOf(db, [...new Set(exams.map((e) => e.recordedBy))]);
  const facilityName = new Map(facilities.map((f) => [f.id, f.name]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const latest = latestByObjectAndKind(exams);
  const view = (o: TechnicalObjectRow) => {
    const kinds = latest
      .filter((e) => e.objectId === o.id)
      .map((e) => ({
        kind: e.kind,
        state: examinationState(e, today),
        daysLeft: daysUntil(e.nextDueOn, today),
        latest: examView(e, names),
      }));
    const state = o.decommissionedOn
      ? ('decommissioned' as const)
      : kinds.reduce<ExaminationState | 'none'>((w, k) => (WORST.indexOf(k.state) > WORST.indexOf(w) ? k.state : w), 'none');
    return {
      id: o.id,
      kind: o.kind,
      name: o.name,
      registrationNumber: o.registrationNumber,
      facilityId: o.facilityId,
      facility: facilityName.get(o.facilityId) ?? '',
      unitId: o.unitId,
      unit: o.unitId ? (unitName.get(o.unitId) ?? '') : null,
      manufacturer: o.manufacturer,
      serialNumber: o.serialNumber,
      commissionedOn: o.commissionedOn,
      decommissionedOn: o.decommissionedOn,
      state,
      kinds,
    };
  };
  const items = objects.filter((o) => !objectId || o.id === objectId).map(view);
  const alerts = items
    .filter((o) => !o.decommissionedOn)
    .flatMap((o) =>
      o.kinds
        .filter((k) => k.state === 'unfit' || (k.state === 'overdue' && o.kind === 'device'))
        .map((k) => ({
          objectId: o.id,
          name: o.name,
          registrationNumber: o.registrationNumber,
          facility: o.facility,
          examinationKind: k.kind,
          state: k.state as 'unfit' | 'overdue',
          nextDueOn: k.latest.nextDueOn,
        })),
    );
  return { today, items, alerts, history: objectId ? exams.map((e) => examView(e, names)) : [] };
}
