import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { BASE, When, organisers } from '../pc-http.ts';
import { FORMS } from './form-defaults.ts';
import { formColumns, setFormColumns } from './forms.usecases.ts';

const Column = Type.Object(
  {
    field: Type.String({ maxLength: 100 }),
    titleKk: Type.String({ maxLength: 300 }),
    titleRu: Type.String({ maxLength: 300 }),
    width: Type.Number({ minimum: 1, maximum: 100 }),
  },
  { additionalProperties: false },
);
const Form = Type.Object({
  form: literalUnion(FORMS),
  columns: Type.Array(Column),
  isDefault: Type.Boolean(),
  updatedAt: Type.Union([When, Type.Null()]),
});
const FormParams = Type.Object({ orgId: Uuid, form: literalUnion(FORMS) });
const tags = ['production-control'];

/** R315-7, R315-12: the printed forms' columns (Appendix 1 schedule, Appendix 2 journal), kept as data. */
export function formsRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      `${BASE}/forms/:form`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'A printed form’s columns (the defaults until set)',
          params: FormParams,
          response: responses({ 200: Form }),
        },
      },
      async (req) => formColumns(deps.db, req.params.orgId, req.params.form),
    );

    app.put(
      `${BASE}/forms/:form`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Set a printed form’s columns: known fields only, headings in Kazakh and Russian',
          params: FormParams,
          body: Type.Object({ columns: Type.Array(Column, { minItems: 1, maxItems: 20 }) }, { additionalProperties: false }),
          response: responses({ 200: Form }),
        },
      },
      async (req) => setFormColumns(deps, actorOf(req), req.params.orgId, req.params.form, req.body.columns),
    );
  };
}
