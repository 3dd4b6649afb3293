import { Type, type TSchema } from '@fastify/type-provider-typebox';
import { DEADLINE_AGREEMENTS, INSTRUCTION_STATUSES, SEVERITIES, VIOLATION_EVENTS, VIOLATION_STATUSES } from '@baqylau/contracts';
import { Uuid, literalUnion } from '../../platform/http/schemas.ts';
import { When } from '../pc-http.ts';

const Null = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
export const Person = Type.Object({ id: Uuid, fullName: Type.String() });
const OrderRef = Type.Object({ id: Uuid, number: Type.String(), orderDate: Type.String(), signedBy: Person, reason: Type.String() });
const Reference = Type.Object({ act: Type.String(), point: Type.String() });
const Named = Type.Object({ id: Uuid, name: Type.String() });

export const Evidence = Type.Object({ id: Uuid, fileName: Type.String(), mime: Type.String(), size: Type.Integer(), uploadedAt: When });

export const InstructionItem = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  violationId: Uuid,
  description: Type.String(),
  reference: Reference,
  severity: literalUnion(SEVERITIES),
  dangerous: Type.Boolean(),
  measure: Type.String(),
  performer: Person,
  performerOutsideUnit: Type.Boolean(),
  performerOrder: Null(OrderRef),
  awaitingPerformersOrder: Type.Boolean(),
  deadline: Type.String(),
  agreement: literalUnion(DEADLINE_AGREEMENTS),
  proposedDeadline: Null(Type.String()),
  disagreementReason: Null(Type.String()),
  settledBy: Null(Person),
  settledAt: Null(When),
  settlementNote: Null(Type.String()),
  status: literalUnion(VIOLATION_STATUSES),
  overdue: Type.Boolean(),
  verifiedAt: Null(When),
  verifiedBy: Null(Person),
  evidence: Type.Array(Evidence),
  history: Type.Array(Type.Object({ kind: literalUnion(VIOLATION_EVENTS), at: When, actor: Person, note: Null(Type.String()) })),
});

export const Instruction = Type.Object({
  id: Uuid,
  number: Type.String(),
  issuedOn: Type.String(),
  status: literalUnion(INSTRUCTION_STATUSES),
  inspectionId: Uuid,
  facility: Named,
  unit: Null(Named),
  issuedBy: Person,
  unitHead: Null(Person),
  act: Null(Type.Object({ id: Uuid, number: Type.String(), issuedOn: Type.String() })),
  closedAt: Null(When),
  cancelledAt: Null(When),
  cancelOrder: Null(OrderRef),
  overdue: Type.Boolean(),
  items: Type.Array(InstructionItem),
});

export const InstructionSummary = Type.Object({
  id: Uuid,
  number: Type.String(),
  issuedOn: Type.String(),
  status: literalUnion(INSTRUCTION_STATUSES),
  facility: Named,
  unit: Null(Named),
  unitHead: Null(Person),
  items: Type.Integer(),
  verified: Type.Integer(),
  overdue: Type.Integer(),
  nextDeadline: Null(Type.String()),
});

export const Act = Type.Object({ id: Uuid, number: Type.String(), issuedOn: Type.String(), inspectionId: Uuid, unitHeadId: Null(Uuid) });
export const Order = Type.Object({
  id: Uuid,
  kind: Type.String(),
  number: Type.String(),
  orderDate: Type.String(),
  instructionId: Null(Uuid),
});

/** An item a performer (or the unit head) answers for, as "my measures" lists it. */
export const Measure = Type.Object({
  instructionId: Uuid,
  instructionNumber: Type.String(),
  itemId: Uuid,
  position: Type.Integer(),
  description: Type.String(),
  reference: Reference,
  measure: Type.String(),
  deadline: Type.String(),
  status: literalUnion(VIOLATION_STATUSES),
  overdue: Type.Boolean(),
  awaitingPerformersOrder: Type.Boolean(),
  mine: Type.Boolean(),
  /** Photos and documents attached so far. */
  evidence: Type.Integer(),
});
