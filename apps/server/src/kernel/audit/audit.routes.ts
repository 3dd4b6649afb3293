import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { PLATFORM_LEDGER_ID } from '../../platform/deps.ts';
import { rule } from '../../platform/http/authz.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { IsoDateTime, OrgParams, Uuid, responses } from '../../platform/http/schemas.ts';
import { listCheckpoints } from '../../platform/ledger/ledger.repository.ts';
import { listLedgerEntries, signCheckpointNow, verifyOrganisationLedger } from './audit.usecases.ts';
import { listRefusalWindows } from './audit.refusals.ts';

const When = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });

const EntryQuery = Type.Object({
  actorId: Type.Optional(Uuid),
  action: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
  beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});

const Entry = Type.Object({
  seq: Type.Integer(),
  recordedAt: When,
  actorKind: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  payload: Type.Unknown(),
  payloadHash: Type.String(),
  prevHash: Type.String(),
  entryHash: Type.String(),
});

const Verification = Type.Object({
  ok: Type.Boolean(),
  organisationId: Uuid,
  entries: Type.Integer(),
  checkpoints: Type.Integer(),
  headSeq: Type.Integer(),
  firstBad: Type.Optional(
    Type.Object({
      seq: Type.Integer(),
      entryId: Type.Optional(Type.Integer()),
      checkpointId: Type.Optional(Type.Integer()),
      fault: Type.String(),
    }),
  ),
  chainOk: Type.Boolean(),
  records: Type.Array(
    Type.Object({
      ok: Type.Boolean(),
      table: Type.String(),
      checked: Type.Integer(),
      firstBad: Type.Optional(
        Type.Object({ number: Type.Union([Type.Integer(), Type.Null()]), entryId: Type.String(), field: Type.String() }),
      ),
    }),
  ),
});

const RefusalWindow = Type.Object({
  id: Uuid,
  actorKind: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  rule: Type.String(),
  status: Type.Integer(),
  subjectType: Type.String(),
  subjectIds: Type.Array(Type.String()),
  route: Type.String(),
  windowStart: When,
  firstAt: When,
  lastAt: When,
  count: Type.Integer(),
  ledgerSeq: Type.Union([Type.Integer(), Type.Null()]),
  sealedSeq: Type.Union([Type.Integer(), Type.Null()]),
});

const Checkpoint = Type.Object({
  id: Type.Integer(),
  seq: Type.Integer(),
  entryHash: Type.String(),
  signedAt: When,
  keyFingerprint: Type.String(),
  signature: Type.String(),
});

type Q = { actorId?: string; action?: string; from?: string; to?: string; beforeSeq?: number; limit?: number };
const filterOf = (organisationId: string, q: Q) => ({
  organisationId,
  actorId: q.actorId,
  action: q.action,
  from: q.from ? new Date(q.from) : undefined,
  to: q.to ? new Date(q.to) : undefined,
  beforeSeq: q.beforeSeq,
  limit: q.limit ?? 100,
});

export function auditRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const readers = rule.org(['head', 'auditor']);
    const orgId = (req: FastifyRequest) => (req.params as { orgId: string }).orgId;

    app.get(
      '/api/v1/organisations/:orgId/ledger',
      {
        config: { authz: readers },
        schema: {
          tags: ['audit'],
          summary: 'Ledger entries, newest first, with filters',
          params: OrgParams,
          querystring: EntryQuery,
          response: responses({ 200: Type.Array(Entry) }),
        },
      },
      async (req) => listLedgerEntries(deps, filterOf(req.params.orgId, req.query)),
    );

    app.get(
      '/api/v1/organisations/:orgId/access-refusals',
      {
        config: { authz: readers },
        schema: {
          tags: ['audit'],
          summary:
            'Refused requests for evidence, one row per caller, rule and kind of evidence per window, with a count (R444-13, R444-21)',
          params: OrgParams,
          querystring: Type.Object({
            from: Type.Optional(IsoDateTime),
            to: Type.Optional(IsoDateTime),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          }),
          response: responses({ 200: Type.Array(RefusalWindow) }),
        },
      },
      async (req) =>
        listRefusalWindows(deps, req.params.orgId, {
          from: req.query.from ? new Date(req.query.from) : undefined,
          to: req.query.to ? new Date(req.query.to) : undefined,
          limit: req.query.limit ?? 100,
        }),
    );

    app.post(
      '/api/v1/organisations/:orgId/ledger/verify',
      {
        config: { authz: readers },
        schema: {
          tags: ['audit'],
          summary: 'Verify the whole chain and its checkpoints',
          params: OrgParams,
          response: responses({ 200: Verification }),
        },
      },
      async (req) => verifyOrganisationLedger(deps, actorOf(req), orgId(req)),
    );

    app.get(
      '/api/v1/organisations/:orgId/ledger/checkpoints',
      {
        config: { authz: readers },
        schema: {
          tags: ['audit'],
          summary: 'Signed checkpoints of the chain',
          params: OrgParams,
          response: responses({ 200: Type.Array(Checkpoint) }),
        },
      },
      async (req) => listCheckpoints(deps.db, req.params.orgId),
    );

    app.post(
      '/api/v1/organisations/:orgId/ledger/checkpoints',
      {
        config: { authz: rule.org(['head']) },
        schema: {
          tags: ['audit'],
          summary: 'Sign the current head of the chain now',
          params: OrgParams,
          response: responses({ 200: Type.Union([Checkpoint, Type.Null()]) }),
        },
      },
      async (req) => (await signCheckpointNow(deps, req.params.orgId)) ?? null,
    );

    app.get(
      '/api/v1/platform/ledger',
      {
        config: { authz: rule.admin },
        schema: {
          tags: ['audit'],
          summary: 'Platform ledger (accounts, sign-ins)',
          querystring: EntryQuery,
          response: responses({ 200: Type.Array(Entry) }),
        },
      },
      async (req) => listLedgerEntries(deps, filterOf(PLATFORM_LEDGER_ID, req.query)),
    );

    app.post(
      '/api/v1/platform/ledger/verify',
      {
        config: { authz: rule.admin },
        schema: { tags: ['audit'], summary: 'Verify the platform chain', response: responses({ 200: Verification }) },
      },
      async (req) => verifyOrganisationLedger(deps, actorOf(req), PLATFORM_LEDGER_ID),
    );

    app.get(
      '/api/v1/instance/public-key',
      {
        config: { authz: rule.public },
        schema: {
          tags: ['audit'],
          summary: 'The instance Ed25519 public key that signs checkpoints and packages',
          response: responses({
            200: Type.Object({
              algorithm: Type.Literal('Ed25519'),
              publicKeyPem: Type.String(),
              publicKeyRaw: Type.String(),
              fingerprint: Type.String(),
            }),
          }),
        },
      },
      async () => ({
        algorithm: 'Ed25519' as const,
        publicKeyPem: deps.instanceKey.publicKeyPem,
        publicKeyRaw: deps.instanceKey.publicKeyRaw,
        fingerprint: deps.instanceKey.fingerprint,
      }),
    );
  };
}
