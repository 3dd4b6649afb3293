import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { verifySignerCredentials } from '../../kernel/auth/auth.usecases.ts';
import type { ISSUE_SIGNATURE_METHODS } from './journal.table.ts';

/**
 * The rules an issue entry obeys, in one place: an issue and a correction of
 * an issue (journal.correct.ts) call the same checks, so a correction can
 * never write what an issue would refuse (R444-8, R444-9, R444-20).
 */

export type InspectorSignature =
  { method: 'credentials_at_counter'; login: string; password: string; totpCode?: string } | { method: 'own_device' };

/** R444-20: the battery charge recorded at issue is at least the configured threshold. */
export function assertBatteryForIssue(deps: AppDeps, batteryPercent: number) {
  const threshold = deps.config.batteryMinPercent;
  if (batteryPercent < threshold) throw new AppError('journal.battery_too_low', { battery: batteryPercent, threshold });
}

/** R444-4/R444-8: the inspector who holds the recorder is one of the activity's inspectors. */
export function assertInspectorAssigned(activity: { inspectorIds: string[] }, inspectorId: string) {
  if (!activity.inspectorIds.includes(inspectorId)) throw new AppError('journal.inspector_not_assigned');
}

export interface SignatureColumns {
  inspectorSignedAt: Date | null;
  signatureMethod: (typeof ISSUE_SIGNATURE_METHODS)[number];
}

/**
 * R444-8: the inspector's own signature. At the counter it is their login and
 * password (and code) checked now; on their own device it is pending until
 * they confirm it in their own session (confirmIssue). Call before taking
 * locks: a wrong password must not hold the journal.
 */
export async function takeInspectorSignature(
  deps: AppDeps,
  inspectorId: string,
  signature: InspectorSignature,
  now: Date,
): Promise<SignatureColumns> {
  if (signature.method === 'own_device') return { inspectorSignedAt: null, signatureMethod: 'own_device' };
  await verifySignerCredentials(deps, inspectorId, signature);
  return { inspectorSignedAt: now, signatureMethod: 'credentials_at_counter' };
}
