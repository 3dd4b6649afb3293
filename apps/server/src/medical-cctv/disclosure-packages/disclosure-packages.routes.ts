import type { Readable } from 'node:stream';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import type { SessionPrincipal } from '../../platform/http/principal.ts';
import { Uuid, responses } from '../../platform/http/schemas.ts';
import { openPackageZip, zipDisposition } from '../../kernel/evidence-packages/package-zip.ts';
import { BASE, RequestParams, When, keepers } from '../cctv-http.ts';
import { sealedRef, type DisclosurePackageRow } from './disclosure-packages.repository.ts';
import { buildDisclosurePackage, recordPackageDownload } from './disclosure-packages.usecases.ts';

export const DisclosurePackage = Type.Object({
  id: Uuid,
  number: Type.String(),
  clips: Type.Integer(),
  createdAt: When,
  manifestSha256: Type.String(),
  /** The download address (needs the head's or the CCTV officer's session; every download is logged). */
  downloadUrl: Type.String(),
});

export const disclosurePackageView = (p: DisclosurePackageRow) => ({
  id: p.id,
  number: p.number,
  clips: p.clips,
  createdAt: p.createdAt,
  manifestSha256: p.manifestSha256,
  downloadUrl: `/api/v1/organisations/${p.organisationId}/cctv/requests/${p.requestId}/packages/${p.id}/download`,
});

const PackageParams = Type.Object({ orgId: Uuid, requestId: Uuid, packageId: Uuid });
/** The ZIP streams from the store. */
const Zip = Type.Unsafe<Readable>({ type: 'string', format: 'binary' });

/**
 * R335-3: the package of the clips for a deceased patient's family — a ZIP the family checks
 * offline (verify.html, `baqylau verify`), built and downloaded by the head or the CCTV officer.
 */
export function disclosurePackageRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const packages = `${BASE}/requests/:requestId/packages`;

    app.post(
      packages,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary:
            'Build the disclosure package of a granted application: its clips with their SHA-256, the application and its chain of custody, signed (R335-3)',
          params: RequestParams,
          response: responses({ 201: DisclosurePackage }),
        },
      },
      async (req, reply) => {
        const roles = (req.principal as SessionPrincipal).roles.get(req.params.orgId);
        const role = roles?.has('cctv_officer') ? 'cctv_officer' : 'head';
        const p = await buildDisclosurePackage(deps, actorOf(req), role, req.params.orgId, req.params.requestId);
        return reply.status(201).send(disclosurePackageView(p));
      },
    );

    app.get(
      `${packages}/:packageId/download`,
      {
        // A HEAD request would count as a logged download: only GET serves the bytes.
        exposeHeadRoute: false,
        config: { authz: keepers, evidence: 'cctv_disclosure_package' },
        schema: {
          tags: ['medical-cctv'],
          summary: 'The disclosure package ZIP, streamed; every download is logged with the recipient, the date and the purpose',
          params: PackageParams,
          response: responses({ 200: Zip }),
        },
      },
      async (req, reply) => {
        const p = await recordPackageDownload(deps, actorOf(req), req.params.orgId, req.params.requestId, req.params.packageId);
        const zip = await openPackageZip(deps.store, sealedRef(p));
        return reply
          .type('application/zip')
          .header('content-length', zip.size)
          .header('cache-control', 'private, no-store')
          .header('content-disposition', zipDisposition(p.number))
          .send(zip.stream);
      },
    );
  };
}
