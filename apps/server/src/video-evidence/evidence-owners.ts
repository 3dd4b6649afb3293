import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import type { EvidenceOwners } from '../kernel/audit/evidence-refusals.hook.ts';
import { activityMaterials } from './activities/materials.table.ts';
import { evidencePackages } from './packages/packages.table.ts';
import { recordings } from './recordings/recordings.table.ts';

const ownerOf =
  (table: typeof recordings | typeof evidencePackages | typeof activityMaterials) =>
  async (db: DbOrTx, id: string): Promise<string | undefined> => {
    const [row] = await db.select({ org: table.organisationId }).from(table).where(eq(table.id, id));
    return row?.org;
  };

/**
 * Which subdivision holds a recording, package or material: a head who asks
 * for another subdivision's recording under his own subdivision's address gets
 * a 404, and the subdivision whose recording it is sees the attempt (R444-13).
 */
export const EVIDENCE_OWNERS: EvidenceOwners = {
  recording: ownerOf(recordings),
  package: ownerOf(evidencePackages),
  material: ownerOf(activityMaterials),
};
