import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { TRAINING_KINDS, TRAINING_STATES } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { dateInZone } from '../../platform/time.ts';
import { BASE, When, readers, service } from '../pc-http.ts';
import { currentByPerson } from './training-status.ts';
import { listRecords } from './training.repository.ts';
import { importTraining, recordTraining } from './training.usecases.ts';

const tags = ['production-control'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(s: T) => Type.Union([s, Type.Null()]);
const Str = (max: number) => Type.String({ maxLength: max });

const Record_ = Type.Object({
  id: Uuid,
  personId: Nullable(Uuid),
  fullName: Type.String(),
  position: Type.String(),
  facilityId: Nullable(Uuid),
  facilityName: Nullable(Type.String()),
  unitId: Nullable(Uuid),
  unitName: Nullable(Type.String()),
  kind: literalUnion(TRAINING_KINDS),
  programme: Type.String(),
  completedOn: Type.String(),
  validUntil: Type.String(),
  documentNumber: Type.String(),
  supersedes: Nullable(Uuid),
  supersededBy: Nullable(Uuid),
  removalProposalId: Nullable(Uuid),
  recordedAt: When,
});
const Person = Type.Object({
  key: Type.String(),
  fullName: Type.String(),
  position: Type.String(),
  state: literalUnion(TRAINING_STATES),
  current: Record_,
});
/** Types here; the rules (required, dates, kinds, the facility and unit, the superseded record) per field in the use case. */
const NewRecord = Type.Object(
  {
    personId: Type.Optional(Nullable(Uuid)),
    fullName: Str(400),
    position: Str(400),
    facilityId: Uuid,
    unitId: Type.Optional(Nullable(Uuid)),
    kind: Str(40),
    programme: Str(600),
    completedOn: Str(20),
    validUntil: Str(20),
    documentNumber: Str(200),
    supersedes: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);

/** R315-4 (point 4.10): the staff training register — people with their state, every record, entry, correction, import. */
export function trainingRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addContentTypeParser(['text/csv', XLSX], { parseAs: 'buffer', bodyLimit: 5 * 2 ** 20 }, (_req, body, done) => done(null, body));

    const register = async (orgId: string) => {
      const rows = await listRecords(deps.db, orgId);
      const supersededBy = new Map(rows.flatMap((r) => (r.record.supersedes ? [[r.record.supersedes, r.record.id] as const] : [])));
      const view = new Map(
        rows.map((r) => [
          r.record.id,
          { ...r.record, facilityName: r.facilityName, unitName: r.unitName, supersededBy: supersededBy.get(r.record.id) ?? null },
        ]),
      );
      const people = currentByPerson(
        rows.map((r) => r.record),
        dateInZone(deps.now()),
      )
        .map((p) => ({
          key: p.key,
          fullName: p.record.fullName,
          position: p.record.position,
          state: p.state,
          current: view.get(p.record.id)!,
        }))
        .sort((a, b) => a.fullName.localeCompare(b.fullName, 'kk'));
      return { people, records: [...view.values()].reverse() };
    };

    app.get(
      `${BASE}/training`,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary:
            'The training register: each person with their current state (valid / expiring within 30 days / expired), and every record, newest first',
          params: OrgParams,
          response: responses({ 200: Type.Object({ people: Type.Array(Person), records: Type.Array(Record_) }) }),
        },
      },
      async (req) => register(req.params.orgId),
    );

    app.post(
      `${BASE}/training`,
      {
        config: { authz: service },
        schema: {
          tags,
          summary: 'Enter a training, retraining or knowledge check (or a correction superseding a record)',
          params: OrgParams,
          body: NewRecord,
          response: responses({ 201: Record_ }),
        },
      },
      async (req, reply) => {
        const row = await recordTraining(deps, actorOf(req), req.params.orgId, req.body);
        const { records } = await register(req.params.orgId);
        return reply.status(201).send(records.find((r) => r.id === row.id)!);
      },
    );

    app.post(
      `${BASE}/training/import`,
      {
        config: { authz: service },
        schema: {
          tags,
          summary: 'Import a list (CSV or XLSX): every row checked as in the form; one bad row refuses the file, nothing is written',
          params: OrgParams,
          response: responses({ 201: Type.Object({ imported: Type.Integer() }), 415: Type.Ref('ErrorBody') }),
        },
      },
      async (req, reply) => {
        const ct = req.headers['content-type']?.split(';')[0]?.trim();
        if (ct !== 'text/csv' && ct !== XLSX) throw new AppError('pc.training_import_unreadable', { format: ct ?? '—' });
        const rows = await importTraining(deps, actorOf(req), req.params.orgId, req.body as Buffer, ct === XLSX ? 'xlsx' : 'csv');
        return reply.status(201).send({ imported: rows.length });
      },
    );
  };
}
