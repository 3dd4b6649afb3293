import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { rule } from '../../platform/http/authz.ts';
import type { SessionPrincipal } from '../../platform/http/principal.ts';
import { HotReadCache, hotReadsOf } from '../../platform/http/hot-read-cache.ts';
import { sendStoredObject } from '../../platform/http/send-object.ts';
import { Ok, OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { findEntry } from '../journal/journal.repository.ts';
import { findActivity } from '../activities/activities.repository.ts';
import { listFindings } from '../continuity/continuity.repository.ts';
import { ACCESS_PURPOSES } from './access.table.ts';
import { logMediaAccess, purposeOf, statePurpose } from './evidence-access.ts';
import { findRecording, listRecordings, type RecordingRow } from './recordings.repository.ts';
import { attachRecording } from './attachRecording.ts';
import { findDerivative } from './deriveRecording.ts';
import { refuseDamagedOriginal, withIntegrity } from './recording-integrity.ts';
import { recordDamage } from '../../kernel/object-integrity/recordDamage.ts';
import { damageOf, type DamageRow } from '../../kernel/object-integrity/damaged-objects.repository.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { MediaFactsSchema, ProbeFailureSchema, recordingView } from './recording-view.ts';
import { formatDateTime } from '../../platform/format.ts';

const When = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const Recording = Type.Object({
  id: Uuid,
  recorderId: Uuid,
  sha256: Type.String(),
  size: Type.Integer(),
  originalName: Type.String(),
  fileSequence: Type.Union([Type.Integer(), Type.Null()]),
  /** Null when unknown: an unreadable file (probeFailure says why), or a recording waiting for its docking. */
  deviceStartedAt: Type.Union([When, Type.Null()]),
  clockOffsetSeconds: Type.Union([Type.Integer(), Type.Null()]),
  startedAt: Type.Union([When, Type.Null()]),
  dockingId: Type.Union([Uuid, Type.Null()]),
  awaitingDocking: Type.Boolean(),
  probeFailure: ProbeFailureSchema,
  media: MediaFactsSchema,
  ingestedAt: When,
  state: Type.String(),
  durationMs: Type.Union([Type.Integer(), Type.Null()]),
  journalEntryId: Type.Union([Uuid, Type.Null()]),
  attributionReason: Type.Union([Type.String(), Type.Null()]),
  inventoryNumber: Type.String(),
  /** R444-12: last day kept (organisation's calendar); null while unattributed. */
  retainUntil: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  retentionYears: Type.Union([Type.Integer(), Type.Null()]),
  retentionCoveredByPoint12: Type.Union([Type.Boolean(), Type.Null()]),
  deletedAt: Type.Union([When, Type.Null()]),
  /** R444-13: damaged once a check (scrub, read, package build or download) found its bytes changed. */
  integrity: literalUnion(['intact', 'damaged'] as const),
  damage: Type.Union([
    Type.Null(),
    Type.Object({ detectedAt: When, detectedBy: Type.String(), foundSha256: Type.Union([Type.String(), Type.Null()]) }),
  ]),
});
const RecParams = Type.Object({ orgId: Uuid, recordingId: Uuid });
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

/**
 * R444-13/R444-21: metadata for head, responsible person and auditor; media
 * only for the head and the responsible person, after a stated purpose, and
 * every view and download in the ledger.
 */
export function recordingRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const base = '/api/v1/organisations/:orgId/recordings';
    const metadataReaders = rule.org(['head', 'responsible', 'auditor']);
    const mediaReaders = rule.org(['head', 'responsible']);
    // A player sends many Range requests for one recording: its row is read once per HOT_READ_CACHE_MS.
    const playing = new HotReadCache<string, { rec: RecordingRow; damage: DamageRow | undefined } | undefined>(
      deps.config.hotReadCacheMs,
      deps.now,
      hotReadsOf(deps),
    );
    const playingProxy = new HotReadCache<string, Awaited<ReturnType<typeof findDerivative>>>(
      deps.config.hotReadCacheMs,
      deps.now,
      hotReadsOf(deps),
    );

    app.get(
      base,
      {
        config: { authz: metadataReaders, evidence: 'recording' },
        schema: {
          tags: ['recordings'],
          summary: 'Recordings (metadata), newest first; ?unattributed=true for those in no issue',
          params: OrgParams,
          querystring: Type.Object({ unattributed: Type.Optional(Type.Boolean()) }),
          response: responses({ 200: Type.Array(Recording) }),
        },
      },
      async (req) => {
        const t = deps.translator.forLocale(req.locale);
        const rows = await listRecordings(deps.db, req.params.orgId, req.query.unattributed ?? false);
        return withIntegrity(
          deps,
          rows.map((r) => recordingView(r, t)),
        );
      },
    );

    app.get(
      `${base}/:recordingId`,
      {
        config: { authz: metadataReaders, evidence: 'recording' },
        schema: {
          tags: ['recordings'],
          summary: 'A recording with its journal entry, activity and findings (what the player page shows)',
          params: RecParams,
          response: responses({
            200: Type.Object({
              recording: Recording,
              entry: Type.Unknown(),
              activity: Type.Unknown(),
              findings: Type.Array(Type.Unknown()),
              purposeStated: Type.Boolean(),
            }),
          }),
        },
      },
      async (req) => {
        const rec = await findRecording(deps.db, req.params.orgId, req.params.recordingId);
        if (!rec) throw new AppError('recording.not_found');
        const entry = rec.journalEntryId ? await findEntry(deps.db, req.params.orgId, rec.journalEntryId) : undefined;
        const activity = entry ? await findActivity(deps.db, req.params.orgId, entry.activityId) : undefined;
        const findings = (await listFindings(deps.db, req.params.orgId, entry ? [entry.id] : [])).filter(
          (f) => !f.recordingId || f.recordingId === rec.id,
        );
        const purpose = await purposeOf(deps, req.principal as SessionPrincipal, req.params.orgId);
        const [recording] = await withIntegrity(deps, [recordingView(rec, deps.translator.forLocale(req.locale))]);
        return { recording: recording!, entry: entry ?? null, activity: activity ?? null, findings, purposeStated: Boolean(purpose) };
      },
    );

    app.post(
      `${base}/:recordingId/attach`,
      {
        config: { authz: rule.org(['responsible']) },
        schema: {
          tags: ['recordings'],
          summary:
            'Attach an unattributed recording (also an unreadable one, whose capture time is unknown) to an issue of the same recorder, with a reason',
          params: RecParams,
          body: Type.Object({ journalEntryId: Uuid, reason: Type.String({ minLength: 3, maxLength: 1000 }) }),
          response: responses({ 200: Ok }),
        },
      },
      async (req) => {
        await attachRecording(deps, actorOf(req), req.params.orgId, req.params.recordingId, req.body);
        return { ok: true as const };
      },
    );

    app.get(
      `${base}/:recordingId/thumbnails`,
      {
        config: { authz: mediaReaders, evidence: 'recording' },
        schema: {
          tags: ['recordings'],
          summary: 'The thumbnail strip (JPEG) of a recording; counts as viewing it',
          params: RecParams,
          response: responses({ 200: Binary, 428: Type.Ref('ErrorBody') }),
        },
      },
      async (req, reply) => {
        const rec = await findRecording(deps.db, req.params.orgId, req.params.recordingId);
        if (rec?.deletedAt) throw new AppError('retention.already_deleted', { recording: rec.originalName });
        const strip = rec && (await findDerivative(deps, rec.id, 'thumbnail_strip'));
        if (!rec || !strip) throw new AppError('recording.not_found');
        await logMediaAccess(deps, req.principal as SessionPrincipal, rec, 'view', undefined);
        return sendStoredObject(req, reply, deps, { sha256: strip.sha256, size: strip.size, contentType: 'image/jpeg' });
      },
    );

    app.post(
      '/api/v1/organisations/:orgId/access-purposes',
      {
        config: { authz: mediaReaders },
        schema: {
          tags: ['recordings'],
          summary: 'State the service purpose before viewing or downloading recordings in this session (R444-21)',
          params: OrgParams,
          body: Type.Object({ purpose: literalUnion(ACCESS_PURPOSES), note: Type.String({ maxLength: 1000 }) }),
          response: responses({ 200: Ok }),
        },
      },
      async (req) => {
        await statePurpose(deps, req.principal as SessionPrincipal, req.params.orgId, req.body.purpose, req.body.note);
        return { ok: true as const };
      },
    );

    app.get(
      `${base}/:recordingId/media`,
      {
        config: { authz: mediaReaders, evidence: 'recording' },
        schema: {
          tags: ['recordings'],
          summary: 'The original bytes, with Range/ETag for playback; ?download=true as an attachment (each logged)',
          params: RecParams,
          querystring: Type.Object({
            download: Type.Optional(Type.Boolean()),
            variant: Type.Optional(Type.Union([Type.Literal('original'), Type.Literal('proxy')])),
            /** The head downloads a damaged original anyway, for an expert examination (R444-13). */
            acknowledgeDamage: Type.Optional(Type.Boolean()),
          }),
          response: responses({ 200: Binary, 206: Binary, 409: Type.Ref('ErrorBody'), 428: Type.Ref('ErrorBody') }),
        },
      },
      async (req, reply) => {
        const { orgId, recordingId } = req.params;
        const found = await playing.get(`${orgId}/${recordingId}`, async () => {
          const r = await findRecording(deps.db, orgId, recordingId);
          return r && { rec: r, damage: (await damageOf(deps.db, [r.sha256])).get(r.sha256) };
        });
        if (!found) throw new AppError('recording.not_found');
        const { rec, damage } = found;
        if (rec.deletedAt) throw new AppError('retention.already_deleted', { recording: rec.originalName });
        const download = req.query.download ?? false;
        if (damage) {
          await refuseDamagedOriginal(deps, req.principal as SessionPrincipal, rec, damage, {
            download,
            acknowledged: req.query.acknowledgeDamage ?? false,
          });
        }
        await logMediaAccess(deps, req.principal as SessionPrincipal, rec, download ? 'download' : 'view', req.headers.range);
        // A browser-playable proxy, when one was made, plays in the page; downloads are always the original.
        const proxy =
          !download && req.query.variant === 'proxy'
            ? await playingProxy.get(rec.id, () => findDerivative(deps, rec.id, 'playable_proxy'))
            : undefined;
        if (proxy) return sendStoredObject(req, reply, deps, { sha256: proxy.sha256, size: proxy.size, contentType: 'video/mp4' });
        return sendStoredObject(req, reply, deps, {
          sha256: rec.sha256,
          size: rec.size,
          contentType: /\.mp4$|\.m4v$/i.test(rec.originalName) ? 'video/mp4' : 'application/octet-stream',
          downloadName: download ? `${damage ? 'DAMAGED-' : ''}${rec.originalName}` : undefined,
          damaged: Boolean(damage),
          // A whole download is checked as it goes out: damage found then is recorded (and notified) like the scrub's.
          onDamaged: (f) => {
            hotReadsOf(deps).invalidate();
            void recordDamage(deps, { sha256: rec.sha256, found: f, detectedBy: 'read' }).catch((e: unknown) =>
              req.log.error({ err: e }, 'recording damage not recorded'),
            );
            return new AppError('recording.original_damaged', { recording: rec.originalName, detectedAt: formatDateTime(deps.now()) });
          },
        });
      },
    );
  };
}
