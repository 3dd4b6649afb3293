import type { ConsentRow } from './consents.repository.ts';

export interface ConsentBasis {
  ok: boolean;
  /** A patient's or legal representative's consent is in force. */
  patientSide: boolean;
  /** A medical worker's consent, taken with the employment contract, is in force. */
  workerSide: boolean;
}

/**
 * Point 8-1: a camera in the blood-draw room needs the informed consent of the patient (or legal
 * representative) and the medical worker's consent recorded with the employment contract.
 */
export function consentBasis(inForce: Pick<ConsentRow, 'kind'>[]): ConsentBasis {
  const patientSide = inForce.some((c) => c.kind === 'patient' || c.kind === 'legal_representative');
  const workerSide = inForce.some((c) => c.kind === 'medical_worker');
  return { ok: patientSide && workerSide, patientSide, workerSide };
}
