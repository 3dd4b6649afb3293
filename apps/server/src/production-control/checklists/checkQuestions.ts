import { randomUUID } from 'node:crypto';
import { SEVERITIES, type ChecklistQuestion, type Severity } from '@baqylau/contracts';
import { AppError } from '../../platform/errors.ts';

export const MAX_QUESTIONS = 500;
const LIMITS = { id: 64, text: 2000, act: 300, point: 50 } as const;

/** A question as typed in the editor or read from a file: anything may be missing or wrong. */
export interface QuestionInput {
  id?: unknown;
  text?: unknown;
  reference?: { act?: unknown; point?: unknown } | unknown;
  severity?: unknown;
}

/**
 * The one check of a checklist's questions, for the editor and for imports alike: every error names the
 * question's row (1-based, as in the file or the editor) and its field. A question without an id gets a
 * new one; ids stay stable across versions, so a re-check can follow a question.
 */
export function checkQuestions(input: readonly QuestionInput[]): ChecklistQuestion[] {
  if (input.length > MAX_QUESTIONS)
    throw new AppError('pc.checklist_question_invalid', { row: MAX_QUESTIONS + 1, field: 'questions', rule: 'over_limit' });
  const seen = new Set<string>();
  return input.map((q, i) => {
    const row = i + 1;
    const fail = (field: string, rule: string): never => {
      throw new AppError('pc.checklist_question_invalid', { row, field, rule });
    };
    const str = (v: unknown, field: keyof typeof LIMITS, required: boolean) => {
      if (v === undefined || v === null || v === '') return required ? fail(field, 'required') : '';
      if (typeof v !== 'string' && typeof v !== 'number') return fail(field, 'not_text');
      const s = String(v).trim();
      if (required && !s) fail(field, 'required');
      if (s.length > LIMITS[field]) fail(field, 'too_long');
      return s;
    };
    const ref = (typeof q.reference === 'object' && q.reference !== null ? q.reference : {}) as { act?: unknown; point?: unknown };
    const id = str(q.id, 'id', false) || `q-${randomUUID().slice(0, 8)}`;
    if (seen.has(id)) fail('id', 'duplicate');
    seen.add(id);
    const text = str(q.text, 'text', true);
    const act = str(ref.act, 'act', true);
    const point = str(ref.point, 'point', true);
    if (!SEVERITIES.includes(q.severity as Severity)) fail('severity', 'severity');
    return { id, text, reference: { act, point }, severity: q.severity as Severity };
  });
}
