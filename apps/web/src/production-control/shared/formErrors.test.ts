import { describe, expect, it } from 'vitest';
import { ApiError } from '../../kernel/api/errors.ts';
import { needsAlert, refusedField, serverError } from './formErrors.ts';

describe('Order 315 form errors', () => {
  it('R315-3 a refusal naming its field shows under that field, not above the form', () => {
    const e = new ApiError(409, 'pc.official_not_appointed', 'Сейітова А. Б. не назначена приказом…', { name: 'x', date: '05.03.2026' });
    expect(refusedField(e)).toBe('responsibleOfficialId');
    expect(serverError(e, 'responsibleOfficialId')).toMatch(/не назначена/);
    expect(needsAlert(e, ['facilityId', 'responsibleOfficialId'])).toBe(false);
    const unitHead = new ApiError(400, 'pc.unit_head_invalid', 'm', { field: 'headId' });
    expect(serverError(unitHead, 'headId')).toBe('m');
  });

  it('R315-11 a checklist row refusal goes above the editor (it names a row), other errors too', () => {
    const row = new ApiError(400, 'pc.checklist_question_invalid', 'Вопрос 2, поле «Пункт»…', { row: 2, field: 'point', rule: 'required' });
    expect(refusedField(row)).toBeUndefined();
    expect(needsAlert(row, ['point', 'title'])).toBe(true);
    expect(needsAlert(new Error('network'), ['title'])).toBe(true);
    expect(needsAlert(null, ['title'])).toBe(false);
  });
});
