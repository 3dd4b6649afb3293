import type { FastifyRequest } from 'fastify';
import type { Actor } from '../ledger/ledger.types.ts';

/** The ledger actor for the caller of an authorised route. */
export function actorOf(req: FastifyRequest): Actor & { id: string } {
  const p = req.principal;
  if (!p) throw new Error('actorOf on an anonymous request');
  return p.kind === 'session' ? { kind: 'user', id: p.userId } : { kind: 'token', id: p.tokenId };
}
