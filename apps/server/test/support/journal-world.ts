import { DEMO_PASSWORD, DEMO_USERS } from '../../src/composition/demo.ts';
import { currentTotp } from '../../src/platform/auth/totp.ts';
import type { TestContext } from './test-app.ts';
import { seedWorld, type ApiClient } from './world.ts';

/** The demo subdivision with an open journal, three recorders and one activity for inspector1 and inspector2. */
export async function seedJournalWorld(ctx: TestContext) {
  const world = await seedWorld(ctx);
  const org = world.subdivision;
  const resp = await world.as('responsible');
  const api = (p: string) => `/api/v1/organisations/${org}${p}`;
  const must = async (res: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const r = await res;
    if (r.statusCode >= 300) throw new Error(r.body);
    return r.json() as Record<string, never>;
  };
  const journal = await must(
    resp.post(api('/journals'), { registrationNumber: '04-12/17', registrationDate: '2026-01-05', startedOn: '2026-01-05' }),
  );
  const recorders = [];
  for (const [inv, serial] of [
    ['ВР-001', 'SN-88121'],
    ['ВР-002', 'SN-88122'],
    ['ВР-003', 'SN-88123'],
  ]) {
    recorders.push(await must(resp.post(api('/recorders'), { inventoryNumber: inv, serialNumber: serial, model: 'Dozor-77' })));
  }
  const activity = await must(
    resp.post(api('/activities'), {
      type: 'unscheduled_inspection',
      referenceNumber: '№ 27-ТП/2026',
      subjectBin: '051240004566',
      subjectName: '«Шахтинск Көмір» ЖШС',
      objectName: '«Шахтинская» шахтасы',
      objectAddress: 'Қарағанды облысы, Шахтинск қ., Индустриялық к-сі, 1',
      plannedStart: '2026-03-02T04:00:00Z',
      plannedEnd: '2026-03-02T12:00:00Z',
      inspectorIds: [world.userIds.get('inspector1'), world.userIds.get('inspector2')],
    }),
  );
  const signature = (login: string) => {
    const totp = DEMO_USERS.find((u) => u.login === login)?.totp;
    return {
      method: 'credentials_at_counter',
      login,
      password: DEMO_PASSWORD,
      ...(totp ? { totpCode: currentTotp(totp, ctx.clock.now.getTime()) } : {}),
    };
  };
  const issue = (c: ApiClient, recorder: { id: string }, inspector = 'inspector1', extra: Record<string, unknown> = {}) =>
    c.post(api('/journal-entries'), {
      recorderId: recorder.id,
      inspectorId: world.userIds.get(inspector),
      activityId: activity.id,
      batteryPercent: 85,
      clockConfirmed: true,
      signature: signature(inspector),
      ...extra,
    });
  const giveBack = (c: ApiClient, recorder: { id: string }, inspector = 'inspector1', extra: Record<string, unknown> = {}) => {
    const { method: _m, ...sig } = signature(inspector);
    return c.post(api(`/recorders/${recorder.id}/return`), { condition: 'serviceable', signature: sig, ...extra });
  };
  return {
    world,
    org,
    resp,
    api,
    journal,
    recorders: recorders as unknown as { id: string; inventoryNumber: string }[],
    activity,
    issue,
    giveBack,
    signature,
  };
}
