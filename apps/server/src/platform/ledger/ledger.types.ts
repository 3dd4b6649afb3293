/** anonymous: a caller with no session or token (only refused requests are recorded for them). */
export type ActorKind = 'user' | 'token' | 'system' | 'anonymous';

export interface Actor {
  kind: ActorKind;
  id: string | null;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null };

export interface LedgerEvent {
  organisationId: string;
  actor: Actor;
  /** Dotted domain verb: `appointment.made`, `recorder.issued`. */
  action: string;
  subjectType: string;
  subjectId: string | null;
  payload: Record<string, unknown>;
}
