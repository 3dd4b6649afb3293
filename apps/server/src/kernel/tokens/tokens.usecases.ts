import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { hashSecret, newSecret } from '../../platform/auth/tokens.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { insertApiToken, revokeApiToken } from './tokens.repository.ts';

/** Issues a machine token; the secret is returned once and only its hash is kept. */
export async function createApiToken(deps: AppDeps, actor: Actor & { id: string }, organisationId: string, name: string) {
  const secret = newSecret('bqt_');
  const row = { id: randomUUID(), organisationId, name, scope: 'dock' as const, secretHash: hashSecret(secret), createdBy: actor.id };
  await deps.db.transaction(async (tx) => {
    await insertApiToken(tx, row);
    await appendLedgerEntry(
      tx,
      { organisationId, actor, action: 'token.created', subjectType: 'api_token', subjectId: row.id, payload: { name, scope: row.scope } },
      deps.now(),
    );
  });
  return { id: row.id, name, scope: row.scope, secret };
}

export async function revokeToken(deps: AppDeps, actor: Actor, organisationId: string, tokenId: string) {
  await deps.db.transaction(async (tx) => {
    const rows = await revokeApiToken(tx, organisationId, tokenId, deps.now());
    if (rows.length === 0) throw new AppError('token.not_found');
    await appendLedgerEntry(
      tx,
      { organisationId, actor, action: 'token.revoked', subjectType: 'api_token', subjectId: tokenId, payload: {} },
      deps.now(),
    );
  });
}
