import type { AppDeps } from '../../platform/deps.ts';
import { dateInZone } from '../../platform/time.ts';
import { appointResponsible } from '../../kernel/appointments/appointments.usecases.ts';
import type { DemoIds } from '../../kernel/demo/demo.types.ts';

/** The head appoints the responsible person by order (R444-6), as in a real subdivision. */
export async function prepareDemo(deps: AppDeps, { orgIds, userIds }: DemoIds) {
  const today = dateInZone(deps.now());
  await appointResponsible(deps, { kind: 'user', id: userIds.get('head')! }, orgIds.get('subdivision')!, {
    personId: userIds.get('responsible')!,
    kind: 'primary',
    orderNumber: '12-ж',
    orderDate: today,
    validFrom: today,
  });
}
