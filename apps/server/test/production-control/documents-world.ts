import { randomUUID } from 'node:crypto';
import { pcAccidentInvestigations, pcAccidents } from '../../src/production-control/accidents/accidents.table.ts';
import { pcFacilities } from '../../src/production-control/facilities/facilities.table.ts';
import {
  pcPlanApprovals,
  pcPlanMeasureCompletions,
  pcPlanMeasures,
  pcPlans,
  pcPlanVersions,
} from '../../src/production-control/plans/plans.table.ts';
import { pcTechnicalExaminations, pcTechnicalObjects } from '../../src/production-control/technical-devices/technical-devices.table.ts';
import { pcTrainingRecords } from '../../src/production-control/training/training.table.ts';
import type { TestContext } from '../support/test-app.ts';
import type { OperatorWorld } from './instruction-world.ts';

/**
 * Register rows of the Order 315 registers written straight into their tables (their use cases are
 * another feature): what the annual information and the regulation read.
 */
export function registers(ctx: TestContext, w: OperatorWorld) {
  const db = ctx.deps.db;
  const by = () => w.ids.pcservice!;
  const now = () => ctx.deps.now();
  return {
    async facility(name: string) {
      const id = randomUUID();
      await db.insert(pcFacilities).values({
        id,
        organisationId: w.org,
        name,
        registrationNumber: `ҚӨО-${name.length}-${id.slice(0, 4)}`,
        address: 'Шахтинск қ., Тентек ауылы',
        hazardFeatures: ['hazardous_substances'],
        createdAt: now(),
      });
      return id;
    },
    /** A plan with one version (approved on `approvedOn` when given), its measures and their completions. */
    async plan(o: {
      kind: 'safety_measures' | 'accident_response';
      year?: number;
      facilityId?: string;
      title: string;
      approvedOn?: string;
      validUntil?: string;
      measures?: { measure: string; dueOn: string; doneOn?: string }[];
    }) {
      const plan = randomUUID();
      const version = randomUUID();
      await db.insert(pcPlans).values({
        id: plan,
        organisationId: w.org,
        kind: o.kind,
        year: o.year ?? null,
        facilityId: o.facilityId ?? null,
        title: o.title,
        createdBy: by(),
        createdAt: now(),
      });
      await db.insert(pcPlanVersions).values({
        id: version,
        organisationId: w.org,
        planId: plan,
        version: 1,
        validUntil: o.validUntil ?? null,
        submittedBy: by(),
        submittedAt: now(),
      });
      if (o.approvedOn)
        await db.insert(pcPlanApprovals).values({
          versionId: version,
          organisationId: w.org,
          approvedBy: w.ids.head!,
          approvedAt: new Date(`${o.approvedOn}T05:00:00Z`),
        });
      for (const [n, m] of (o.measures ?? []).entries()) {
        const id = randomUUID();
        await db.insert(pcPlanMeasures).values({
          id,
          organisationId: w.org,
          versionId: version,
          ordinal: n + 1,
          measure: m.measure,
          responsible: 'Ержанов Т.Қ.',
          dueOn: m.dueOn,
        });
        if (m.doneOn)
          await db
            .insert(pcPlanMeasureCompletions)
            .values({ measureId: id, organisationId: w.org, doneOn: m.doneOn, recordedBy: by(), recordedAt: now() });
      }
    },
    async object(o: {
      facilityId: string;
      kind: 'device' | 'building' | 'structure';
      name: string;
      decommissionedOn?: string;
      exams?: { kind: 'technical_examination' | 'certification'; performedOn: string; nextDueOn: string; result?: 'fit' | 'unfit' }[];
    }) {
      const id = randomUUID();
      await db.insert(pcTechnicalObjects).values({
        id,
        organisationId: w.org,
        facilityId: o.facilityId,
        kind: o.kind,
        name: o.name,
        registrationNumber: `Т-${id.slice(0, 8)}`,
        decommissionedOn: o.decommissionedOn ?? null,
        createdBy: by(),
        createdAt: now(),
      });
      for (const e of o.exams ?? [])
        await db.insert(pcTechnicalExaminations).values({
          id: randomUUID(),
          organisationId: w.org,
          objectId: id,
          kind: e.kind,
          performedOn: e.performedOn,
          nextDueOn: e.nextDueOn,
          result: e.result ?? 'fit',
          performedBy: '«ҚазСараптама» ЖШС',
          documentNumber: `ТК-${id.slice(0, 4)}`,
          recordedBy: by(),
          recordedAt: now(),
        });
    },
    async accident(o: {
      facilityId: string;
      number: string;
      kind: 'accident' | 'incident' | 'injury';
      occurredAt: string;
      injured?: number;
      causes?: string;
    }) {
      const id = randomUUID();
      await db.insert(pcAccidents).values({
        id,
        organisationId: w.org,
        number: o.number,
        kind: o.kind,
        facilityId: o.facilityId,
        occurredAt: new Date(o.occurredAt),
        place: '№ 1 учаске',
        description: 'Конвейер тоқтады',
        injured: o.injured ?? 0,
        status: o.causes ? 'investigated' : 'registered',
        registeredBy: by(),
        registeredAt: new Date(o.occurredAt),
      });
      if (o.causes)
        await db.insert(pcAccidentInvestigations).values({
          accidentId: id,
          organisationId: w.org,
          orderNumber: 'ӨБ-77',
          orderDate: o.occurredAt.slice(0, 10),
          commission: [{ fullName: 'Жақсылықов Б.Т.', position: 'ӨБҚ басшысы', role: 'chair' }],
          startedBy: by(),
          startedAt: new Date(o.occurredAt),
          actNumber: 'ТА-1',
          actDate: o.occurredAt.slice(0, 10),
          causes: o.causes,
          completedBy: by(),
          completedAt: new Date(o.occurredAt),
        });
    },
    async training(o: {
      fullName: string;
      kind: 'training' | 'retraining' | 'knowledge_check';
      completedOn: string;
      validUntil: string;
      facilityId?: string;
    }) {
      await db.insert(pcTrainingRecords).values({
        id: randomUUID(),
        organisationId: w.org,
        fullName: o.fullName,
        position: 'Кенші',
        facilityId: o.facilityId ?? null,
        kind: o.kind,
        programme: 'Өнеркәсіптік қауіпсіздік негіздері',
        completedOn: o.completedOn,
        validUntil: o.validUntil,
        documentNumber: `Х-${o.completedOn}`,
        recordedBy: by(),
        recordedAt: now(),
      });
    },
  };
}
