import { describe, expect, it } from 'vitest';
import { ApiError } from '../../kernel/api/errors.ts';
import { needsAlert, refusedField, serverError } from './formErrors.ts';

const PROHIBITED = new ApiError(
  409,
  'cctv.placement_prohibited',
  '«Ем-шара кабинеті» ішіне ТҚ орнатуға болмайды … (Қағидалардың 12-тармағы).',
  { place: 'Ем-шара кабинеті', cite: '12', cites: [{ point: '12' }] },
);

describe('DSM-335 form errors next to their fields', () => {
  it('R335-12 a refused placement is shown under the place field, in the words the server sent', () => {
    expect(refusedField(PROHIBITED)).toBe('placeId');
    expect(serverError(PROHIBITED, 'placeId')).toContain('12-тармағы');
    expect(serverError(PROHIBITED, 'number')).toBeUndefined();
    expect(needsAlert(PROHIBITED, ['number', 'placeId'])).toBe(false);
    expect(needsAlert(PROHIBITED, ['number'])).toBe(true);
  });

  it('R335-3 a field the server names in its details wins (an IIN, a date)', () => {
    const iin = new ApiError(400, 'cctv.iin_invalid', 'ЖСН қате', { field: 'patientIin', value: '123' });
    expect(serverError(iin, 'patientIin')).toBe('ЖСН қате');
    expect(serverError(iin, 'applicantIin')).toBeUndefined();
  });

  it('schema refusals go to their fields through details.fields; other errors need the alert', () => {
    const schema = new ApiError(400, 'validation.failed', 'x', { fields: [{ field: 'coverage', message: '«қамту»: кемінде 3 таңба' }] });
    expect(serverError(schema, 'coverage')).toBe('«қамту»: кемінде 3 таңба');
    expect(refusedField(schema)).toBeUndefined();
    expect(needsAlert(new ApiError(500, 'server.internal', 'x'), ['placeId'])).toBe(true);
    expect(needsAlert(null, ['placeId'])).toBe(false);
  });
});
