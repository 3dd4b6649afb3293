import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeAppointmentCovering } from '../../src/production-control/officials/activeAppointmentCovering.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { seedPcWorld, type PcWorld } from './pc-world.ts';

let ctx: TestContext;
let w: PcWorld;
let mine: { id: string; unitId: string };
let other: { id: string; unitId: string };

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedPcWorld(ctx);
  mine = await w.facility('«Шахтинская» шахтасы', 'ҚӨО-0001');
  other = await w.facility('«Казахстанская» шахтасы', 'ҚӨО-0002');
});
afterAll(() => ctx.close());

describe('R315-9 the HPF register and structural units', () => {
  it('R315-9 a facility keeps its registration, hazard features and safe-operation conditions; the list shows its units', async () => {
    const list = (await w.as.unitHead.get(`${w.base}/facilities`)).json().items;
    expect(list).toHaveLength(2);
    const f = list.find((x: { id: string }) => x.id === mine.id);
    expect(f).toMatchObject({
      registrationNumber: 'ҚӨО-0001',
      hazardFeatures: ['mining_operations', 'lifting_machinery'],
      decommissionedOn: null,
    });
    expect(f.safeOperationConditions).toMatch(/Метан/);
    expect(f.units).toEqual([expect.objectContaining({ id: mine.unitId, headId: w.ids.unitHead })]);
    const one = await w.as.auditor.get(`${w.base}/facilities/${mine.id}`);
    expect(one.json().units).toHaveLength(1);
    const ledger = (await w.as.head.get(`/api/v1/organisations/${w.org}/ledger?action=pc.facility_registered`)).json();
    expect(ledger).toHaveLength(2);
  });

  it('R315-9 safe-operation conditions run over several lines; a facility name stays one line', async () => {
    const conditions = 'Метан 1 %-дан аспауы тиіс.\nЖелдету үздіксіз жұмыс істейді.';
    const ok = await w.as.serviceHead.request('PATCH', `${w.base}/facilities/${other.id}`, { safeOperationConditions: conditions });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await w.as.auditor.get(`${w.base}/facilities/${other.id}`)).json().safeOperationConditions).toBe(conditions);
    const refused = await w.as.serviceHead.request('PATCH', `${w.base}/facilities/${other.id}`, { name: '«Казахстанская»\nшахтасы' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toMatchObject({ field: 'name', problem: 'line_break' });
  });

  it('R315-9 a registration number is unique in the organisation; bad input changes nothing', async () => {
    const dup = await w.as.serviceHead.post(`${w.base}/facilities`, {
      name: 'Басқа',
      registrationNumber: 'ҚӨО-0001',
      address: 'x',
      hazardFeatures: ['explosives'],
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'pc.facility_registration_taken', details: { registrationNumber: 'ҚӨО-0001' } });
    const blank = await w.as.serviceHead.post(`${w.base}/facilities`, {
      name: ' ',
      registrationNumber: 'A',
      address: 'x',
      hazardFeatures: [],
    });
    expect(blank.statusCode).toBe(400);
    const rename = await w.as.serviceHead.request('PATCH', `${w.base}/facilities/${other.id}`, { registrationNumber: 'ҚӨО-0001' });
    expect(rename.statusCode).toBe(409);
    expect((await w.as.head.get(`${w.base}/facilities`)).json().items).toHaveLength(2);
    // The same number in another organisation is that organisation's business.
    const foreign = await w.as.foreignHead.post(`${w.foreignBase}/facilities`, {
      name: 'Домна № 2',
      registrationNumber: 'ҚӨО-0001',
      address: 'Теміртау',
      hazardFeatures: ['molten_metals'],
    });
    expect(foreign.statusCode).toBe(201);
    expect((await w.as.foreignHead.get(`${w.base}/facilities`)).statusCode).toBe(403);
  });

  it('R315-9 a unit head is a person holding unit_head here; a decommissioned facility is kept but no longer changes', async () => {
    const bad = await w.as.serviceHead.post(`${w.base}/facilities/${mine.id}/units`, { name: 'Участок № 2', headId: w.ids.performer });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'pc.unit_head_invalid', details: { field: 'headId' } });
    const dup = await w.as.serviceHead.post(`${w.base}/facilities/${mine.id}/units`, { name: '«Шахтинская» шахтасы — участок № 1' });
    expect(dup.json().error.code).toBe('pc.unit_name_taken');
    const vacant = await w.as.serviceHead.request('PATCH', `${w.base}/units/${mine.unitId}`, { headId: null });
    expect(vacant.json().headId).toBeNull();
    await w.as.serviceHead.request('PATCH', `${w.base}/units/${mine.unitId}`, { headId: w.ids.unitHead });

    const f = await w.must(
      w.as.serviceHead.post(`${w.base}/facilities`, {
        name: 'Ескі',
        registrationNumber: 'ҚӨО-0009',
        address: 'x',
        hazardFeatures: ['gas_supply'],
        commissionedOn: '2000-01-01',
      }),
    );
    const early = await w.as.serviceHead.post(`${w.base}/facilities/${f.id}/decommission`, { decommissionedOn: '1999-12-31' });
    expect(early.json().error).toMatchObject({ code: 'pc.date_invalid', details: { field: 'decommissionedOn' } });
    const ok = await w.as.serviceHead.post(`${w.base}/facilities/${f.id}/decommission`, { decommissionedOn: '2026-02-01' });
    expect(ok.json().decommissionedOn).toBe('2026-02-01');
    const edit = await w.as.serviceHead.request('PATCH', `${w.base}/facilities/${f.id}`, { name: 'Жаңа' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('pc.facility_decommissioned');
    expect((await w.as.head.get(`${w.base}/facilities/${f.id}`)).json().name).toBe('Ескі');
  });

  it('R315-9 a unit head, performer and auditor read the register but do not change it', async () => {
    for (const c of [w.as.unitHead, w.as.performer, w.as.auditor, w.as.official]) {
      const r = await c.post(`${w.base}/facilities`, {
        name: 'X',
        registrationNumber: 'X-1',
        address: 'x',
        hazardFeatures: ['explosives'],
      });
      expect(r.statusCode).toBe(403);
    }
  });
});

describe('R315-3 officials are appointed by the first head’s order', () => {
  it('R315-3 only the first head appoints; the service head is refused', async () => {
    const body = {
      personId: w.ids.official,
      position: 'official',
      orderNumber: '1',
      orderDate: '2026-01-10',
      facilityIds: [mine.id],
      unitIds: [],
      validFrom: '2026-01-10',
    };
    const r = await w.as.serviceHead.post(`${w.base}/appointments`, body);
    expect(r.statusCode).toBe(403);
    expect((await w.as.head.get(`${w.base}/appointments`)).json().items).toHaveLength(0);
  });

  it('R315-3 the appointed person must hold a production-control service role here', async () => {
    const r = await w.as.head.post(`${w.base}/appointments`, {
      personId: w.ids.performer,
      position: 'official',
      orderNumber: '1',
      orderDate: '2026-01-10',
      facilityIds: [mine.id],
      unitIds: [],
      validFrom: '2026-01-10',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'pc.appointee_role_missing', details: { field: 'personId' } });
    w.as.head.lang = 'kk';
    const kk = await w.as.head.post(`${w.base}/appointments`, {
      personId: w.ids.official,
      position: 'service_head',
      orderNumber: '1',
      orderDate: '2026-01-10',
      facilityIds: [mine.id],
      unitIds: [],
      validFrom: '2026-01-10',
    });
    w.as.head.lang = 'en';
    expect(kk.json().error.message).toMatch(/3-тармағы/);
  });

  it('R315-3 the scope names this organisation’s facilities and units of them', async () => {
    const base = { personId: w.ids.official, position: 'official', orderNumber: '1', orderDate: '2026-01-10', validFrom: '2026-01-10' };
    const unit = await w.as.head.post(`${w.base}/appointments`, { ...base, facilityIds: [mine.id], unitIds: [other.unitId] });
    expect(unit.json().error).toMatchObject({
      code: 'pc.appointment_scope_invalid',
      details: { field: 'unitIds', rule: 'outside_facilities' },
    });
    const foreign = (await w.as.foreignHead.get(`${w.foreignBase}/facilities`)).json().items[0].id;
    const fac = await w.as.head.post(`${w.base}/appointments`, { ...base, facilityIds: [foreign], unitIds: [] });
    expect(fac.json().error).toMatchObject({ code: 'pc.appointment_scope_invalid', details: { field: 'facilityIds', rule: 'unknown' } });
    const before = await w.as.head.post(`${w.base}/appointments`, {
      ...base,
      validFrom: '2026-01-01',
      facilityIds: [mine.id],
      unitIds: [],
    });
    expect(before.json().error).toMatchObject({ code: 'pc.date_invalid', details: { field: 'validFrom' } });
  });

  it('R315-3 an appointment in force covers its facilities; ending it keeps the history; activeAppointmentCovering follows both', async () => {
    const a = await w.appoint(w.ids.official, [mine.id]);
    expect(a).toMatchObject({ personName: 'Сейітова Айгүл Болатқызы', inForce: true, validTo: null });
    const unitScoped = await w.appoint(w.ids.official2, [mine.id], { unitIds: [mine.unitId], orderNumber: '13-ПК' });
    const db = ctx.deps.db;
    expect((await activeAppointmentCovering(db, w.org, w.ids.official, mine.id, mine.unitId, '2026-03-02'))?.id).toBe(a.id);
    expect(await activeAppointmentCovering(db, w.org, w.ids.official, other.id, null, '2026-03-02')).toBeUndefined();
    expect(await activeAppointmentCovering(db, w.org, w.ids.official, mine.id, null, '2026-01-09')).toBeUndefined();
    expect((await activeAppointmentCovering(db, w.org, w.ids.official2, mine.id, mine.unitId, '2026-03-02'))?.id).toBe(unitScoped.id);
    expect(
      await activeAppointmentCovering(db, w.org, w.ids.official2, mine.id, '00000000-0000-4000-8000-000000000009', '2026-03-02'),
    ).toBeUndefined();
    expect(await activeAppointmentCovering(db, w.foreignOrg, w.ids.official, mine.id, null, '2026-03-02')).toBeUndefined();

    expect((await w.as.serviceHead.post(`${w.base}/appointments/${a.id}/end`, { validTo: '2026-03-01', reason: 'x' })).statusCode).toBe(
      403,
    );
    const ended = await w.as.head.post(`${w.base}/appointments/${a.id}/end`, { validTo: '2026-03-01', reason: 'Басқа жұмысқа ауысты' });
    expect(ended.json()).toMatchObject({ validTo: '2026-03-01', endReason: 'Басқа жұмысқа ауысты', inForce: false });
    const again = await w.as.head.post(`${w.base}/appointments/${a.id}/end`, { validTo: '2026-03-02', reason: 'x' });
    expect(again.json().error.code).toBe('pc.appointment_ended');
    expect(await activeAppointmentCovering(db, w.org, w.ids.official, mine.id, null, '2026-03-02')).toBeUndefined();
    expect((await activeAppointmentCovering(db, w.org, w.ids.official, mine.id, null, '2026-02-15'))?.id).toBe(a.id);
    const history = (await w.as.auditor.get(`${w.base}/appointments?personId=${w.ids.official}`)).json().items;
    expect(history).toHaveLength(1);
    const ledger = (await w.as.head.get(`/api/v1/organisations/${w.org}/ledger?action=pc.appointment_ended`)).json();
    expect(ledger).toHaveLength(1);
    // Appointed again for the rest of the tests.
    await w.appoint(w.ids.official, [mine.id, other.id], { orderNumber: '14-ПК', orderDate: '2026-03-02', validFrom: '2026-03-02' });
  });

  it('R315-3 the people list names each person with their roles', async () => {
    const people = (await w.as.serviceHead.get(`${w.base}/people`)).json().items;
    expect(people.find((p: { id: string }) => p.id === w.ids.unitHead).roles).toEqual(['unit_head']);
    expect(people.some((p: { id: string }) => p.id === w.ids.foreignHead)).toBe(false);
  });
});
