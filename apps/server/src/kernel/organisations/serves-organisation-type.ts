import type { FastifyInstance } from 'fastify';
import type { OrganisationType } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { findOrganisation } from './organisations.repository.ts';

/**
 * A rule set serves one organisation type: its routes answer only for organisations of that type
 * (a clinic has no recorders, a subdivision no camera register). Runs after authorisation, so a
 * caller without a role there learns nothing more. An organisation's type never changes, so it is
 * remembered per server.
 */
export function servesOrganisationType(scope: FastifyInstance, db: DbOrTx, type: OrganisationType) {
  const known = new Map<string, OrganisationType>();
  scope.addHook('preValidation', async (req) => {
    const orgId = (req.params as { orgId?: string } | undefined)?.orgId;
    if (!orgId || req.is404) return;
    let actual = known.get(orgId);
    if (!actual) {
      actual = (await findOrganisation(db, orgId))?.type as OrganisationType | undefined;
      if (!actual) throw new AppError('organisation.not_found');
      known.set(orgId, actual);
    }
    if (actual !== type) throw new AppError('organisation.rule_set_not_served', { type: actual });
  });
}
