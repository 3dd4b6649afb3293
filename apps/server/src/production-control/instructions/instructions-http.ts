import { Type } from '@fastify/type-provider-typebox';
import { rule } from '../../platform/http/authz.ts';
import { Uuid } from '../../platform/http/schemas.ts';

/**
 * After the inspection: officials and the service's head issue and verify; the unit head agrees
 * deadlines; performers (and unit heads, for their units) report measures; the first head settles,
 * names outside performers and cancels. Narrower checks (the inspection's own official, the
 * addressee unit head, the named performer, the appointment's scope) are in the use cases.
 */
export const officials = rule.org(['pc_service_head', 'pc_official']);
export const unitHeads = rule.org(['unit_head']);
export const performers = rule.org(['performer', 'unit_head']);
export const closers = rule.org(['head', 'pc_service_head', 'pc_official']);
export const checkReaders = rule.org(['head', 'pc_service_head', 'pc_official', 'auditor']);

export const InstructionParams = Type.Object({ orgId: Uuid, instructionId: Uuid });
export const ItemParams = Type.Object({ orgId: Uuid, instructionId: Uuid, itemId: Uuid });

/** A download name that survives HTTP headers: ASCII fallback plus the document's own number in UTF-8 (RFC 6266). */
export function pdfDisposition(kind: string, number: string, lang: string) {
  const ascii = `${kind}-${number.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${lang}.pdf`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(`${kind}-${number.replace(/\//g, '-')}-${lang}.pdf`)}`;
}
