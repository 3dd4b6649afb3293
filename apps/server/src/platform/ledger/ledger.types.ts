export type ActorKind = 'user' | 'token' | 'system';

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
