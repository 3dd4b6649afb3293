import type { FastifyServerOptions } from 'fastify';

/**
 * What the server's log may say (issue 13): never a query's parameters (a password hash was one),
 * a password, a token, a cookie, a TOTP secret or code, nor a hash of a secret.
 */

/** Drizzle puts the parameters in the message ("Failed query: … \nparams: …"): they go, the SQL text stays. */
export const withoutQueryParams = (text: string) => text.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, '\nparams: [redacted]');

/**
 * An error as the log shows it: its kind, message and stack without query parameters, the database's
 * error code; not the driver's `detail` (it quotes the offending values) nor any other property.
 */
export function safeError(err: unknown): { type: string; message: string; stack: string; [key: string]: unknown } {
  if (!(err instanceof Error)) return { type: typeof err, message: '[redacted]', stack: '' };
  const cause = err.cause instanceof Error ? err.cause : undefined;
  const code = (err as { code?: unknown }).code ?? (cause as { code?: unknown } | undefined)?.code;
  return {
    type: err.name,
    message: withoutQueryParams(err.message),
    ...(typeof code === 'string' ? { code } : {}),
    stack: withoutQueryParams(err.stack ?? ''),
    ...(cause ? { cause: { type: cause.name, message: withoutQueryParams(cause.message) } } : {}),
  };
}

/** Field names whose values never reach the log, wherever a log call puts them (one or two levels down). */
const SECRET_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'password_hash',
  'token',
  'csrfToken',
  'csrf_token',
  'secret',
  'totpSecret',
  'totp_secret',
  'totpCode',
  'params',
  'cookie',
  'authorization',
];

export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
];

/** Fastify/pino options for the server's log. */
export function loggerOptions(
  level: string,
  stream?: { write(line: string): void },
): NonNullable<Exclude<FastifyServerOptions['logger'], boolean>> {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: safeError, error: safeError },
  };
}
