import { createHash } from 'node:crypto';
import type { OfflineRecordKind } from '@baqylau/contracts';
import type { Tx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { findInspection } from '../inspections/inspections.repository.ts';
import { activeAppointmentCovering } from '../officials/activeAppointmentCovering.ts';
import { receiptOf } from './offline.repository.ts';

export type User = Actor & { id: string };

/** How far ahead of the server's clock a device's clock may run (minutes). */
const CLOCK_SKEW_MS = 10 * 60_000;

/** The SHA-256 of what a record says, in a fixed key order: the same client id must always say the same. */
export const fingerprint = (kind: OfflineRecordKind, fields: Record<string, unknown>) =>
  createHash('sha256')
    .update(JSON.stringify([kind, Object.entries(fields).sort(([a], [b]) => a.localeCompare(b))]))
    .digest('hex');

/** The inspection, locked for the rest of the transaction (records of one inspection are taken one at a time). */
export async function lockInspection(tx: Tx, organisationId: string, inspectionId: string) {
  const i = await findInspection(tx, organisationId, inspectionId, true);
  if (!i) throw new AppError('pc.inspection_not_found');
  return i;
}

/** A record already received under this client id: its receipt again; the same id with other content is refused. */
export async function priorReceipt(tx: Tx, organisationId: string, inspectionId: string, clientId: string, print: string) {
  const r = await receiptOf(tx, organisationId, clientId);
  if (!r) return undefined;
  if (r.fingerprint !== print || r.inspectionId !== inspectionId) throw new AppError('pc.offline_client_id_reused', { clientId });
  return r;
}

/**
 * The online routes' rules, checked again for a record made in the field: the inspection is still in
 * progress (completed meanwhile = changed since the device took it: a conflict, not an overwrite), it
 * is this official's, the record's time lies between the start and now, and the official's appointment
 * (R315-3) covers the facility (unit) both on the day the record was made and today.
 */
export async function assertFieldRecordAccepted(
  tx: Tx,
  deps: AppDeps,
  actor: User,
  i: NonNullable<Awaited<ReturnType<typeof findInspection>>>,
  recordedAt: Date,
) {
  if (i.status !== 'in_progress')
    throw new AppError('pc.offline_inspection_changed', { change: 'completed', at: i.completedAt?.toISOString() ?? '' });
  if (i.officialId !== actor.id) throw new AppError('pc.not_inspection_official');
  const now = deps.now();
  if (
    Number.isNaN(recordedAt.getTime()) ||
    recordedAt < new Date(i.startedAt.getTime() - CLOCK_SKEW_MS) ||
    recordedAt.getTime() > now.getTime() + CLOCK_SKEW_MS
  )
    throw new AppError('pc.offline_recorded_at_invalid', {
      recordedAt: Number.isNaN(recordedAt.getTime()) ? '—' : recordedAt.toISOString(),
    });
  for (const day of new Set([dateInZone(recordedAt), dateInZone(now)])) {
    const a = await activeAppointmentCovering(tx, i.organisationId, actor.id, i.facilityId, i.unitId, day, { wholeFacility: true });
    if (!a) throw new AppError('pc.inspector_not_appointed', { day });
  }
}
