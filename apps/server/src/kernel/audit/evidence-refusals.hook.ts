import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import { recordAccessRefusal } from './access-refusals.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The evidence the route serves (recording, package, material, journal,
     * deletion_act): any refusal of it is recorded for the head (R444-13, R444-21).
     */
    evidence?: string;
  }
}

/** Finds which organisation holds an id, so a request made under another organisation's address still reaches its head. */
export type EvidenceOwners = Record<string, (db: DbOrTx, id: string) => Promise<string | undefined>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** No evidence of this kind lives there: nothing to protect, nothing to record. */
const NOT_EVIDENCE_HERE = new Set(['organisation.not_found', 'organisation.rule_set_not_served']);

function refusalOf(err: FastifyError | AppError): { status: number; rule: string } {
  if (err instanceof AppError) return { status: err.status, rule: err.code };
  if ((err as FastifyError).validation) return { status: 400, rule: 'validation.failed' };
  return { status: (err as FastifyError).statusCode ?? 500, rule: 'request.malformed' };
}

function actorOfRequest(req: FastifyRequest): Actor {
  const p = req.principal;
  if (p?.kind === 'session') return { kind: 'user', id: p.userId };
  if (p?.kind === 'token') return { kind: 'token', id: p.tokenId };
  return { kind: 'anonymous', id: null };
}

/**
 * Every refused request on a route that declares `config.evidence` — refused
 * by its authorisation rule, a missing or foreign id, a missing purpose, an
 * invalid or expired link — is recorded with who, what, when and the rule
 * (the error code), aggregated by recordAccessRefusal. Installed once per rule
 * set over all its routes, so a new evidence route only has to say what it serves.
 */
export function recordRefusedEvidenceRequests(app: FastifyInstance, deps: AppDeps, owners: EvidenceOwners = {}) {
  app.addHook('onError', async (req, _reply, err) => {
    const subjectType = req.routeOptions.config.evidence;
    if (!subjectType) return;
    const { status, rule } = refusalOf(err);
    // 5xx is our fault, not a refusal; 416 is an allowed caller's range past the end of the file.
    if (status < 400 || status >= 500 || status === 416 || NOT_EVIDENCE_HERE.has(rule)) return;
    const params = (req.params ?? {}) as Record<string, string | undefined>;
    const requested = params.orgId;
    if (!requested || !UUID.test(requested)) return;
    // The id asked for: the route's last `…Id` parameter (recordingId, packageId, materialId, actId, journalId).
    const idParam = Object.keys(params)
      .filter((k) => k !== 'orgId' && k.endsWith('Id'))
      .at(-1);
    const raw = idParam ? params[idParam] : undefined;
    const subjectId = raw && UUID.test(raw) ? raw.toLowerCase() : null;
    try {
      const owner = subjectId ? await owners[subjectType]?.(deps.db, subjectId) : undefined;
      const organisationId = owner ?? requested;
      if (!owner && !(await findOrganisation(deps.db, organisationId))) return;
      await recordAccessRefusal(deps, {
        organisationId,
        actor: actorOfRequest(req),
        rule,
        status,
        method: req.method,
        route: req.routeOptions.url ?? req.url.split('?')[0]!,
        subjectType,
        subjectId,
        requestedOrganisationId: organisationId === requested ? null : requested,
        ip: req.ip,
      });
    } catch (e) {
      // The refusal stands either way; a failure to record it is an operator's problem, logged.
      req.log.error({ err: e }, 'recording a refused evidence request failed');
    }
  });
}
