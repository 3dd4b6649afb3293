import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { rule } from '../../platform/http/authz.ts';
import { actorOf } from '../../platform/http/actor.ts';
import type { SessionPrincipal } from '../../platform/http/principal.ts';
import { OrgParams, Uuid, responses } from '../../platform/http/schemas.ts';
import { createCourtPackage } from './createCourtPackage.ts';
import { authoriseDownload, createDownloadLink } from './package-links.ts';
import { openPackageZip, zipDisposition } from '../../kernel/evidence-packages/package-zip.ts';
import { findPackage, sealedRef } from './packages.repository.ts';
import { NewLink, NewPackageBody, PackageDetail, PackageSummary } from './packages.schemas.ts';
import { packageDetail, packageList } from './packages.views.ts';

const PkgParams = Type.Object({ orgId: Uuid, packageId: Uuid });
const Zip = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

/**
 * R444-14, R444-21: court and authority packages. Head and responsible person
 * create them and download them through expiring links; the auditor sees
 * their metadata only.
 */
export function packageRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const base = '/api/v1/organisations/:orgId/packages';
    const makers = rule.org(['head', 'responsible']);
    const readers = rule.org(['head', 'responsible', 'auditor']);
    const t = (req: { locale: Parameters<AppDeps['translator']['forLocale']>[0] }) => deps.translator.forLocale(req.locale);

    app.get(
      base,
      {
        config: { authz: readers, evidence: 'package' },
        schema: {
          tags: ['packages'],
          summary: 'Court and authority packages, newest first, with build progress',
          params: OrgParams,
          response: responses({ 200: Type.Array(PackageSummary) }),
        },
      },
      async (req) => packageList(deps, req.params.orgId, t(req)),
    );

    app.post(
      base,
      {
        config: { authz: makers },
        schema: {
          tags: ['packages'],
          summary:
            'Create a package: recordings (optional excerpts) and materials; places a legal hold on each recording and starts the build',
          params: OrgParams,
          body: NewPackageBody,
          response: responses({ 201: PackageSummary }),
        },
      },
      async (req, reply) => {
        const roles = (req.principal as SessionPrincipal).roles.get(req.params.orgId);
        const role = roles?.has('responsible') ? 'responsible' : 'head';
        const row = await createCourtPackage(deps, actorOf(req), role, req.params.orgId, {
          ...req.body,
          materialIds: req.body.materialIds ?? [],
        });
        const pkg = await findPackage(deps.db, req.params.orgId, row.id);
        const { recordings: _r, materials: _m, links: _l, keyFingerprint: _k, ...summary } = await packageDetail(deps, pkg!, t(req));
        return reply.status(201).send(summary);
      },
    );

    app.get(
      `${base}/:packageId`,
      {
        config: { authz: readers, evidence: 'package' },
        schema: {
          tags: ['packages'],
          summary: 'One package: contents, progress or result, download links (without tokens)',
          params: PkgParams,
          response: responses({ 200: PackageDetail }),
        },
      },
      async (req) => {
        const pkg = await findPackage(deps.db, req.params.orgId, req.params.packageId);
        if (!pkg) throw new AppError('package.not_found');
        return packageDetail(deps, pkg, t(req));
      },
    );

    app.post(
      `${base}/:packageId/links`,
      {
        config: { authz: makers, evidence: 'package' },
        schema: {
          tags: ['packages'],
          summary: 'Create an expiring download link for a ready package (the token is shown once)',
          params: PkgParams,
          response: responses({ 201: NewLink }),
        },
      },
      async (req, reply) => {
        const link = await createDownloadLink(deps, actorOf(req), req.params.orgId, req.params.packageId);
        const downloadUrl = `/api/v1/organisations/${req.params.orgId}/packages/${req.params.packageId}/download?link=${link.token}`;
        return reply.status(201).send({ ...link, downloadUrl });
      },
    );

    app.get(
      `${base}/:packageId/download`,
      {
        // A HEAD request would count as a logged download: only GET serves the bytes.
        exposeHeadRoute: false,
        config: { authz: makers, evidence: 'package' },
        schema: {
          tags: ['packages'],
          summary:
            'The package ZIP, streamed; needs a valid unexpired link as well as the session; checked against its manifest first (each download and refusal logged)',
          params: PkgParams,
          querystring: Type.Object({ link: Type.String({ minLength: 10, maxLength: 200 }) }),
          response: responses({ 200: Zip, 409: Type.Ref('ErrorBody'), 410: Type.Ref('ErrorBody') }),
        },
      },
      async (req, reply) => {
        const pkg = await authoriseDownload(deps, actorOf(req), req.params.orgId, req.params.packageId, req.query.link);
        const zip = await openPackageZip(deps.store, sealedRef(pkg));
        return reply
          .type('application/zip')
          .header('content-length', zip.size)
          .header('cache-control', 'private, no-store')
          .header('content-disposition', zipDisposition(pkg.number))
          .send(zip.stream);
      },
    );
  };
}
