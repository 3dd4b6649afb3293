import type { OrgRole } from '@baqylau/contracts';
import { DEMO_PASSWORD } from '../../src/composition/demo.ts';
import { createOrganisation } from '../../src/kernel/organisations/organisations.usecases.ts';
import { updateUser } from '../../src/kernel/users/users.repository.ts';
import { createUser } from '../../src/kernel/users/users.usecases.ts';
import { SYSTEM_ACTOR } from '../../src/platform/ledger/ledger.types.ts';
import type { TestContext } from '../support/test-app.ts';
import { ApiClient, seedWorld, unusedTotp } from '../support/world.ts';

const FOREIGN_TOTP = 'MZXW6YTBOI4TEMZUGU3DOOBZGA2DKNRX';

type Person = 'serviceHead' | 'official' | 'official2' | 'unitHead' | 'performer' | 'auditor' | 'foreignHead';
const PEOPLE: { key: Person; fullName: string; role: OrgRole; foreign?: boolean }[] = [
  { key: 'serviceHead', fullName: 'Омаров Ержан Қайратұлы', role: 'pc_service_head' },
  { key: 'official', fullName: 'Сейітова Айгүл Болатқызы', role: 'pc_official' },
  { key: 'official2', fullName: 'Ким Виктор Андреевич', role: 'pc_official' },
  { key: 'unitHead', fullName: 'Жақсыбеков Нұрлан Серікұлы', role: 'unit_head' },
  { key: 'performer', fullName: 'Петров Игорь Николаевич', role: 'performer' },
  { key: 'auditor', fullName: 'Әбенова Динара Маратқызы', role: 'auditor' },
  { key: 'foreignHead', fullName: 'Тоқтаров Асхат Ерланұлы', role: 'head', foreign: true },
];

/**
 * The demo HPF operator with a person for every Order 315 role (its first head signs in with TOTP),
 * and a second, foreign HPF operator whose head must see nothing of the first.
 */
export async function seedPcWorld(ctx: TestContext) {
  const world = await seedWorld(ctx);
  const org = world.orgIds.get('operator')!;
  const foreignOrg = (
    await createOrganisation(ctx.deps, SYSTEM_ACTOR, {
      type: 'hpf_operator',
      nameKk: '«Теміртау Металл» АҚ',
      nameRu: 'АО «Темиртау Металл»',
      bin: '080540003214',
    })
  ).id;
  const ids = { head: world.userIds.get('operator')! } as Record<Person | 'head', string>;
  for (const p of PEOPLE) {
    const u = await createUser(ctx.deps, SYSTEM_ACTOR, {
      login: `pc-${p.key.toLowerCase()}`,
      fullName: p.fullName,
      password: DEMO_PASSWORD,
      organisationId: p.foreign ? foreignOrg : org,
      role: p.role,
    });
    if (p.role === 'head') await updateUser(ctx.deps.db, u.id, { totpSecret: FOREIGN_TOTP, totpEnabledAt: ctx.deps.now() });
    ids[p.key] = u.id;
  }
  const signIn = async (login: string, totp?: string) => {
    const c = new ApiClient(ctx);
    const res = await c.login(login);
    if (res.statusCode !== 200) throw new Error(`login ${login}: ${res.body}`);
    if (totp) {
      const r2 = await c.post('/api/v1/auth/totp', { code: await unusedTotp(ctx, login, totp) });
      if (r2.statusCode !== 200) throw new Error(`totp ${login}: ${r2.body}`);
    }
    return c;
  };
  const as = {
    head: await world.as('operator'),
    serviceHead: await signIn('pc-servicehead'),
    official: await signIn('pc-official'),
    official2: await signIn('pc-official2'),
    unitHead: await signIn('pc-unithead'),
    performer: await signIn('pc-performer'),
    auditor: await signIn('pc-auditor'),
    foreignHead: await signIn('pc-foreignhead', FOREIGN_TOTP),
  };
  const base = `/api/v1/organisations/${org}/production-control`;
  const must = async (p: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 201) => {
    const r = await p;
    if (r.statusCode !== status) throw new Error(`expected ${status}, got ${r.statusCode}: ${r.body}`);
    return r.json() as { id: string } & Record<string, unknown>;
  };

  /** A facility registered by the service's head, with one unit headed by the unit head. */
  const facility = async (name: string, registrationNumber: string) => {
    const f = await must(
      as.serviceHead.post(`${base}/facilities`, {
        name,
        registrationNumber,
        address: 'Қарағанды облысы, Шахтинск қ., Индустриялық к-сі, 1',
        hazardFeatures: ['mining_operations', 'lifting_machinery'],
        safeOperationConditions: 'Метан мөлшері 1 %-дан аспайды; желдету үздіксіз жұмыс істейді.',
        commissionedOn: '2010-06-01',
      }),
    );
    const u = await must(as.serviceHead.post(`${base}/facilities/${f.id}/units`, { name: `${name} — участок № 1`, headId: ids.unitHead }));
    return { id: f.id, unitId: u.id };
  };

  /** The first head appoints a person by order, with the facilities in scope. */
  const appoint = (personId: string, facilityIds: string[], extra: Record<string, unknown> = {}) =>
    must(
      as.head.post(`${base}/appointments`, {
        personId,
        position: 'official',
        orderNumber: '12-ПК',
        orderDate: '2026-01-10',
        facilityIds,
        unitIds: [],
        validFrom: '2026-01-10',
        ...extra,
      }),
    );

  return {
    world,
    ctx,
    org,
    foreignOrg,
    ids,
    as,
    base,
    foreignBase: `/api/v1/organisations/${foreignOrg}/production-control`,
    must,
    facility,
    appoint,
  };
}
export type PcWorld = Awaited<ReturnType<typeof seedPcWorld>>;
