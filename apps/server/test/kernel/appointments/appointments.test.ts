import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/test-app.ts';
import { seedWorld } from '../../support/world.ts';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof seedWorld>>;
const url = () => `/api/v1/organisations/${world.subdivision}/appointments`;

beforeAll(async () => {
  ctx = await createTestContext();
  world = await seedWorld(ctx);
});
afterAll(() => ctx.close());

describe('R444-6 appointment of the responsible person', () => {
  it('the demo subdivision has one active primary appointment, recorded in the ledger', async () => {
    const head = await world.as('head');
    const list = (await head.get(url())).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'primary', orderNumber: '12-ж', personName: 'Сәрсенбаева Әйгерім Қайратқызы', validTo: null });
    const ledger = (await head.get(`/api/v1/organisations/${world.subdivision}/ledger?action=appointment.`)).json();
    expect(ledger.map((e: { action: string }) => e.action)).toContain('appointment.made');
  });

  it('refuses a second primary responsible person for an overlapping period, naming the current one', async () => {
    const head = await world.as('head');
    head.lang = 'kk';
    const res = await head.post(url(), {
      personId: world.userIds.get('inspector1'),
      kind: 'primary',
      orderNumber: '13-ж',
      orderDate: '2026-03-02',
      validFrom: '2026-03-10',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('appointment.responsible_already_active');
    expect(res.json().error.message).toContain('Сәрсенбаева Әйгерім Қайратқызы');
    expect(res.json().error.message).toContain('6-тармағы');
  });

  it('allows an explicit deputy alongside the primary', async () => {
    const head = await world.as('head');
    const res = await head.post(url(), {
      personId: world.userIds.get('inspector3'),
      kind: 'deputy',
      orderNumber: '13-ж',
      orderDate: '2026-03-02',
      validFrom: '2026-03-02',
      validTo: '2026-03-31',
    });
    expect(res.statusCode).toBe(201);
    const me = await world.as('inspector3');
    expect((await me.get('/api/v1/me')).json().organisations[0].roles).toContain('responsible');
  });

  it('ending the appointment keeps it in history; a successor can then be appointed', async () => {
    const head = await world.as('head');
    const current = (await head.get(url())).json().find((a: { kind: string }) => a.kind === 'primary');
    const bad = await head.post(`${url()}/${current.id}/end`, { validTo: '2020-01-01', reason: 'қате күн' });
    expect(bad.json().error.code).toBe('appointment.period_invalid');
    const end = await head.post(`${url()}/${current.id}/end`, { validTo: '2026-03-02', reason: 'Басқа қызметке ауысуына байланысты' });
    expect(end.statusCode).toBe(200);
    const next = await head.post(url(), {
      personId: world.userIds.get('inspector1'),
      kind: 'primary',
      orderNumber: '15-ж',
      orderDate: '2026-03-02',
      validFrom: '2026-03-03',
    });
    expect(next.statusCode).toBe(201);
    const list = (await head.get(url())).json();
    expect(list.filter((a: { kind: string }) => a.kind === 'primary')).toHaveLength(2);
    expect(list.find((a: { id: string }) => a.id === current.id)).toMatchObject({
      validTo: '2026-03-02',
      endReason: 'Басқа қызметке ауысуына байланысты',
    });
    // The former responsible person loses the role (and with it the evidence routes) the day after.
    ctx.clock.advance(24 * 3_600_000);
    const former = await world.as('responsible');
    expect((await former.get('/api/v1/me')).json().organisations[0].roles).not.toContain('responsible');
    expect((await former.get(url())).statusCode).toBe(403);
  });

  it('only a member of the subdivision can be appointed', async () => {
    const head = await world.as('head');
    const res = await head.post(url(), {
      personId: world.userIds.get('operator'),
      kind: 'deputy',
      orderNumber: '16-ж',
      orderDate: '2026-03-02',
      validFrom: '2026-03-02',
    });
    expect(res.json().error.code).toBe('appointment.person_not_member');
  });

  it('the responsible role cannot be granted directly, only by appointment', async () => {
    const admin = await world.as('admin');
    const res = await admin.post(`/api/v1/organisations/${world.subdivision}/members`, {
      userId: world.userIds.get('inspector1'),
      role: 'responsible',
    });
    expect(res.json().error.code).toBe('membership.role_not_grantable');
  });

  it('R444-6 the head cannot appoint himself responsible person, not even as deputy; the refusal names the rule', async () => {
    const head = await world.as('head');
    head.lang = 'ru';
    const before = (await head.get(url())).json().length;
    const res = await head.post(url(), {
      personId: world.userIds.get('head'),
      kind: 'deputy',
      orderNumber: '17-ж',
      orderDate: '2026-03-02',
      validFrom: '2026-03-02',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('appointment.head_cannot_be_responsible');
    expect(res.json().error.message).toContain('пункт 6');
    expect((await head.get(url())).json().length).toBe(before);
  });

  it('R444-6 the acting responsible person cannot be made head of the same subdivision', async () => {
    const head = await world.as('head');
    const active = (await head.get(url()))
      .json()
      .find((a: { kind: string; validTo: string | null }) => a.kind === 'primary' && a.validTo === null);
    expect(active).toBeDefined();
    const admin = await world.as('admin');
    const res = await admin.post(`/api/v1/organisations/${world.subdivision}/members`, { userId: active.personId, role: 'head' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('membership.responsible_cannot_be_head');
  });
});
