import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import sjson from 'secure-json-parse';
import { AppError } from '../errors.ts';

/**
 * One validation layer for every route, before any use case sees the input:
 * - JSON bodies must be valid UTF-8 (an invalid sequence is refused, not stored as "�");
 * - no string anywhere (body, query, path) may hold NUL or another control character (tab and line
 *   breaks aside) or a lone UTF-16 surrogate;
 * - line breaks (CR, LF, and the Unicode line and paragraph separators) only in free-text fields
 *   (MULTI_LINE: reasons, notes, descriptions…); a name, number, login or address is one line;
 * - body fields are never coerced (12345 is not the string "12345"); query and path parameters,
 *   which arrive as text, are.
 */
export function installStrictInput(app: FastifyInstance) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body: Buffer, done) => {
    let text: string;
    try {
      text = decoder.decode(body);
    } catch {
      return done(new AppError('request.invalid_utf8'), undefined);
    }
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch {
      done(new AppError('request.malformed', { reason: 'JSON' }), undefined);
    }
  });

  const ajv = (coerce: false | 'array') => {
    const a = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, coerceTypes: coerce, strict: false });
    addFormats(a);
    return a;
  };
  const [body, text] = [ajv(false), ajv('array')];
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema));

  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [
      ['params', req.params],
      ['query', req.query],
      ['body', req.body],
    ] as const) {
      const bad = firstBadString(value, '');
      if (bad) throw new AppError('validation.text_invalid', { part, field: bad.field, problem: bad.problem });
    }
  });
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const LINE_BREAK = /[\r\n\u2028\u2029]/;
/**
 * Free-text fields, by the name of the field: the only ones where a person may start a new line
 * (the web app shows them as multi-line text areas). Every other text is a single line.
 */
export const MULTI_LINE =
  /^(reason|[a-z]+Reason|notes?|[a-z]+Note|purpose|description|[a-z]+Description|scope|characteristic|wording|holdInstruction|decision|coverage|message|comment|conclusion|measure|summary|safeOperationConditions)$/;

type Problem = 'control' | 'surrogate' | 'line_break';

function firstBadString(v: unknown, field: string, depth = 0): { field: string; problem: Problem } | undefined {
  if (typeof v === 'string') {
    if (CONTROL.test(v)) return { field, problem: 'control' };
    if (LONE_SURROGATE.test(v)) return { field, problem: 'surrogate' };
    // A whole body that is text (no field) is a document, not a field: its lines are its own.
    const leaf = field.split('.').at(-1) ?? field;
    if (field && LINE_BREAK.test(v) && !MULTI_LINE.test(leaf)) return { field, problem: 'line_break' };
    return undefined;
  }
  if (depth > 20 || v === null || typeof v !== 'object' || Buffer.isBuffer(v) || typeof (v as { pipe?: unknown }).pipe === 'function')
    return undefined;
  for (const [k, x] of Object.entries(v)) {
    const bad = firstBadString(x, field ? `${field}.${k}` : k, depth + 1);
    if (bad) return bad;
  }
  return undefined;
}
