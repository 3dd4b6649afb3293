import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { formatDate } from '../../platform/format.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { notifyHeads } from '../pc-notify.ts';
import { kindOf, placeOf, refuse, text } from './accident-checks.ts';
import { insertAccident, nextAccidentNumber, type AccidentRow } from './accidents.repository.ts';

type User = Actor & { id: string };

export interface NewAccident {
  kind: string;
  facilityId: string;
  unitId?: string | null;
  occurredAt: string;
  place: string;
  description: string;
  consequences?: string;
  injured?: number;
  fatalities?: number;
}

const count = (v: number | undefined, field: string) => {
  const n = v ?? 0;
  if (!Number.isInteger(n) || n < 0 || n > 10_000) refuse(field, 'count', v);
  return n;
};

/**
 * R315-4 (point 4, subpoints 9 and 12): an accident, incident or accident-caused injury is entered in
 * the register — numbered АО-yyyy/NNN per organisation and year of registration, in the transaction —
 * and the first head is told at once. What happened (kind, facility, time) is never edited afterwards.
 */
export async function registerAccident(deps: AppDeps, actor: User, organisationId: string, input: NewAccident) {
  const now = deps.now();
  const today = dateInZone(now);
  const kind = kindOf(input.kind);
  const occurredAt = new Date(input.occurredAt);
  if (Number.isNaN(occurredAt.getTime())) refuse('occurredAt', 'date', input.occurredAt);
  if (occurredAt > now) refuse('occurredAt', 'future', input.occurredAt);
  const place = text(input.place, 'place', 500, 3);
  const description = text(input.description, 'description', 4000, 10);
  const consequences = (input.consequences ?? '').trim();
  if (consequences.length > 4000) refuse('consequences', 'too_long');
  const injured = count(input.injured, 'injured');
  const fatalities = count(input.fatalities, 'fatalities');
  // An injury (жазатайым оқиға) is a harm to a person: at least one injured or dead.
  if (kind === 'injury' && injured + fatalities === 0) refuse('injured', 'injury_without_victims');
  const unitId = input.unitId ?? null;
  return deps.db.transaction(async (tx) => {
    const facility = await placeOf(tx, organisationId, input.facilityId, unitId);
    if (facility.commissionedOn && dateInZone(occurredAt) < facility.commissionedOn)
      refuse('occurredAt', 'before_commissioned', input.occurredAt);
    const row: AccidentRow = {
      id: randomUUID(),
      organisationId,
      number: await nextAccidentNumber(tx, organisationId, today.slice(0, 4)),
      kind,
      facilityId: facility.id,
      unitId,
      occurredAt,
      place,
      description,
      consequences,
      injured,
      fatalities,
      status: 'registered',
      extraordinaryInspectionId: null,
      registeredBy: actor.id,
      registeredAt: now,
    };
    await insertAccident(tx, row);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.accident_registered',
      subjectType: 'pc_accident',
      subjectId: row.id,
      payload: { ...row, occurredAt: occurredAt.toISOString(), registeredAt: undefined },
    });
    await notifyHeads(
      tx,
      organisationId,
      'pc.accident_registered',
      { accidentId: row.id, number: row.number, kind, facility: facility.name, date: formatDate(dateInZone(occurredAt)), description },
      now,
    );
    return row;
  });
}
