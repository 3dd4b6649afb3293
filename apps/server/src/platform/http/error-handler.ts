import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import type { ErrorCode } from '@baqylau/contracts';
import { AppError } from '../errors.ts';
import type { Translator } from '../i18n/i18n.ts';

interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

/** Renders every error as `{ error: { code, message, details } }` in the caller's language. */
export function installErrorHandler(app: FastifyInstance, translator: Translator) {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    const t = translator.forLocale(req.locale ?? 'kk');
    if (err instanceof AppError) {
      // A throttled attempt says when to come back (RFC 9110 §10.2.3).
      if (err.status === 429 && typeof err.details?.seconds === 'number') reply.header('retry-after', String(err.details.seconds));
      return send(reply, err.status, err.code, t(`errors:${err.code}`, err.details ?? {}), err.details);
    }
    if ((err as FastifyError).validation) {
      const problems = (err as FastifyError).validation!.map((v) => describeProblem(v as AjvProblem, t));
      const summary = problems.map((p) => p.message).join('; ');
      return send(reply, 400, 'validation.failed', t('errors:validation.failed', { summary }), { fields: problems });
    }
    const status = (err as FastifyError).statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return send(reply, status, 'request.malformed', t('errors:request.malformed', { reason: err.message }));
    }
    // The log keeps what went wrong (without query parameters or secrets: platform/logging.ts), under the
    // request id; the answer says only that, with the id to quote — never SQL, a stack or a driver's text.
    req.log.error({ err, reqId: req.id }, 'unhandled error');
    return send(reply, 500, 'server.internal', t('errors:server.internal', { requestId: req.id }), undefined, req.id);
  });

  app.setNotFoundHandler((req, reply) => {
    const t = translator.forLocale(req.locale ?? 'kk');
    return send(reply, 404, 'route.not_found', t('errors:route.not_found', { method: req.method, url: req.url }));
  });
}

/** Headers of a file answer that an error must not keep: a stream that failed before its first byte had set them. */
const FILE_HEADERS = ['content-disposition', 'etag', 'accept-ranges', 'content-range', 'x-baqylau-integrity'];

function send(reply: FastifyReply, status: number, code: ErrorCode, message: string, details?: unknown, requestId?: string) {
  for (const h of FILE_HEADERS) {
    reply.removeHeader(h);
    if (!reply.raw.headersSent) reply.raw.removeHeader(h);
  }
  return reply
    .type('application/json; charset=utf-8')
    .status(status)
    .send({ error: { code, message, ...(details === undefined ? {} : { details }), ...(requestId === undefined ? {} : { requestId }) } });
}

interface AjvProblem {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

function describeProblem(v: AjvProblem, t: TFunction): FieldProblem {
  const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const field = v.keyword === 'required' ? [path, v.params.missingProperty].filter(Boolean).join('.') : path;
  const leaf = String(v.keyword === 'additionalProperties' ? v.params.additionalProperty : (field.split('.').at(-1) ?? field));
  const label = t(`validation:fields.${leaf}`, { defaultValue: leaf });
  const rule = ruleText(v, t);
  return { field: field || leaf, rule: v.keyword, message: t('validation:field', { field: label, rule }) };
}

function ruleText(v: AjvProblem, t: TFunction): string {
  const p = v.params;
  switch (v.keyword) {
    case 'required':
    case 'pattern':
    case 'additionalProperties':
      return t(`validation:rule.${v.keyword}`);
    case 'minLength':
    case 'maxLength':
      return t(`validation:rule.${v.keyword}`, { count: Number(p.limit) });
    case 'minimum':
    case 'maximum':
      return t(`validation:rule.${v.keyword}`, { limit: p.limit });
    case 'format':
      // A named format (date, date-time, uuid) has its own wording; another falls back to the generic one.
      return t(`validation:rule.format.${String(p.format)}`, { defaultValue: t('validation:rule.format', { format: p.format }) });
    case 'type':
      return t('validation:rule.type', { type: p.type });
    case 'enum':
      return t('validation:rule.enum', { values: (p.allowedValues as unknown[]).join(', ') });
    default:
      return t('validation:rule.other');
  }
}

export type { FastifyRequest };
