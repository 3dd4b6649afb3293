import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ERRORS, Server } from '@tus/server';
import { DEFAULT_LOCALE, LOCALES, type ErrorCode, type Locale } from '@baqylau/contracts';
import { AppError } from '../../../platform/errors.ts';
import type { Translator } from '../../../platform/i18n/i18n.ts';

/** Set by the Fastify route from the caller's language; the tus server renders its refusals in it. */
export const LOCALE_HEADER = 'x-baqylau-locale';
/** Set by the Fastify route: a 500 names the request, so the logged error can be found from it. */
export const REQUEST_ID_HEADER = 'x-baqylau-request-id';

type LibraryError = { status_code: number; body: string };
type TusOptions = ConstructorParameters<typeof Server>[0];

/** @tus/server's own refusals, as codes our clients translate (matched by its text: the write path has only that). */
const LIBRARY_CODES: [LibraryError, ErrorCode][] = [
  [ERRORS.FILE_NOT_FOUND, 'ingest.upload_not_found'],
  [ERRORS.FILE_NO_LONGER_EXISTS, 'ingest.upload_expired'],
  [ERRORS.INVALID_OFFSET, 'ingest.offset_conflict'],
  [ERRORS.ERR_SIZE_EXCEEDED, 'ingest.too_large'],
  [ERRORS.ERR_MAX_SIZE_EXCEEDED, 'ingest.too_large'],
];

const localeOf = (v: string | string[] | null | undefined): Locale =>
  (LOCALES as readonly string[]).includes(String(v)) ? (v as Locale) : DEFAULT_LOCALE;

/**
 * The dock's tus server with every refusal as the rest of the API gives it:
 * `{ error: { code, message } }` in the caller's language, sent as
 * application/json (the library sends its text, and our JSON, as text/plain).
 * Errors it cannot name are logged and answered as `server.internal`, never
 * with a library's or the operating system's text (ENOSPC and the like).
 */
export function codedTusServer(
  options: Omit<TusOptions, 'onResponseError'>,
  translator: Translator,
  logError: (err: unknown, requestId: string | undefined) => void,
) {
  const caller = new AsyncLocalStorage<{ locale: Locale; requestId: string | undefined }>();

  function render(err: unknown, locale: Locale, requestId = caller.getStore()?.requestId): LibraryError {
    let status = 500;
    let code: ErrorCode = 'server.internal';
    let details: Record<string, unknown> | undefined;
    const lib = err as Partial<LibraryError>;
    if (err instanceof AppError) [status, code, details] = [err.status, err.code, err.details];
    else if (typeof lib.status_code === 'number' && typeof lib.body === 'string') {
      const known = LIBRARY_CODES.find(([e]) => e.body === lib.body);
      status = lib.status_code;
      if (known) code = known[1];
      else if (status < 500) [code, details] = ['request.malformed', { reason: lib.body.trim() }];
    }
    const internal = code === 'server.internal';
    if (internal) status = 500;
    // Whatever the server itself failed at (500, a full disk's 507) is logged as an error, for the operator.
    if (status >= 500) logError(err, requestId);
    const message = translator.forLocale(locale)(`errors:${code}`, details ?? {});
    const error = { code, message, ...(details ? { details } : {}), ...(status >= 500 && requestId ? { requestId } : {}) };
    return { status_code: status, body: JSON.stringify({ error }) };
  }

  class CodedTusServer extends Server {
    override handle(req: IncomingMessage, res: ServerResponse) {
      const id = req.headers[REQUEST_ID_HEADER];
      const requestId = typeof id === 'string' && id ? id : undefined;
      return caller.run({ locale: localeOf(req.headers[LOCALE_HEADER]), requestId }, () => super.handle(req, res));
    }

    /** Every refusal passes here: those rendered by onResponseError, and the library's own checks' plain text. */
    override write(...[context, headers, status, body = '']: Parameters<Server['write']>) {
      if (status < 400) return super.write(context, headers, status, body);
      const json = body.startsWith('{"error"')
        ? body
        : render({ status_code: status, body }, caller.getStore()?.locale ?? DEFAULT_LOCALE).body;
      headers.set('Content-Type', 'application/json; charset=utf-8');
      return super.write(context, headers, status, json);
    }
  }

  return new CodedTusServer({
    ...options,
    onResponseError: (req, err) => render(err, localeOf(req.headers.get(LOCALE_HEADER)), req.headers.get(REQUEST_ID_HEADER) ?? undefined),
  });
}
