import type { AppDeps } from '../../platform/deps.ts';
import { dateInZone } from '../../platform/time.ts';
import { registerActivity } from '../activities/activities.usecases.ts';
import { registerRecorder } from '../recorders/recorders.usecases.ts';
import { openJournal } from '../journal/journal.books.ts';
import { issueRecorder } from '../journal/journal.issue.ts';
import { returnRecorder } from '../journal/journal.return.ts';
import { DEMO_PASSWORD } from '../../kernel/demo/demo-data.ts';
import type { DemoIds } from '../../kernel/demo/demo.types.ts';
import { seedDemoEvidence } from './seedDemoEvidence.ts';

/**
 * A working day of the demo subdivision: an open journal, five recorders, three activities, issues and a return,
 * and docked recordings of the third activity with a gap and a court package (seedDemoEvidence).
 */
export async function seedDemoJournal(deps: AppDeps, { orgIds, userIds }: DemoIds) {
  const org = orgIds.get('subdivision')!;
  const responsible = { kind: 'user' as const, id: userIds.get('responsible')! };
  const today = dateInZone(deps.now());
  await openJournal(deps, responsible, org, {
    registrationNumber: '04-12/17',
    registrationDate: `${today.slice(0, 4)}-01-05`,
    startedOn: `${today.slice(0, 4)}-01-05`,
  });
  const recorders = [];
  for (let i = 1; i <= 5; i++) {
    recorders.push(
      await registerRecorder(deps, responsible, org, {
        inventoryNumber: `ВР-00${i}`,
        serialNumber: `DZ77-2408${40 + i}`,
        model: 'Дозор-77',
      }),
    );
  }
  const hour = 3_600_000;
  const now = deps.now().getTime();
  const mine = await registerActivity(deps, responsible, org, {
    type: 'unscheduled_inspection',
    referenceNumber: '№ 27-ТП',
    subjectBin: '051240004566',
    subjectName: '«Шахтинск Көмір» ЖШС',
    objectName: '«Шахтинская» шахтасы',
    objectAddress: 'Қарағанды облысы, Шахтинск қ., Индустриялық к-сі, 1',
    plannedStart: new Date(now - 2 * hour).toISOString(),
    plannedEnd: new Date(now + 6 * hour).toISOString(),
    inspectorIds: [userIds.get('inspector1')!, userIds.get('inspector2')!],
  });
  const visit = await registerActivity(deps, responsible, org, {
    type: 'preventive_control_visit',
    referenceNumber: '№ 14-ПК',
    subjectBin: '180540007892',
    subjectName: '«Қарағанды облыстық көпбейінді ауруханасы» ШЖҚ КМК',
    objectName: 'Қазандық',
    objectAddress: 'Қарағанды қ., Бұқар жырау даңғылы, 41',
    plannedStart: new Date(now - 30 * hour).toISOString(),
    plannedEnd: new Date(now - 22 * hour).toISOString(),
    inspectorIds: [userIds.get('inspector3')!],
  });
  const sign = (login: string) => ({ method: 'credentials_at_counter' as const, login, password: DEMO_PASSWORD });
  await issueRecorder(deps, responsible, org, {
    recorderId: recorders[0]!.id,
    inspectorId: userIds.get('inspector1')!,
    activityId: mine.id,
    batteryPercent: 96,
    clockConfirmed: true,
    signature: sign('inspector1'),
  });
  await issueRecorder(deps, responsible, org, {
    recorderId: recorders[1]!.id,
    inspectorId: userIds.get('inspector3')!,
    activityId: visit.id,
    batteryPercent: 90,
    clockConfirmed: true,
    signature: sign('inspector3'),
  });
  await issueRecorder(deps, responsible, org, {
    recorderId: recorders[2]!.id,
    inspectorId: userIds.get('inspector2')!,
    activityId: mine.id,
    batteryPercent: 88,
    clockConfirmed: true,
    clockOffsetSeconds: 3,
    signature: sign('inspector2'),
  });
  await returnRecorder(deps, responsible, org, recorders[2]!.id, {
    condition: 'serviceable',
    note: 'Ақаусыз',
    signature: { login: 'inspector2', password: DEMO_PASSWORD },
  });
  const investigation = await registerActivity(deps, responsible, org, {
    type: 'investigation',
    referenceNumber: '№ 5-ТТ',
    subjectBin: '051240004566',
    subjectName: '«Шахтинск Көмір» ЖШС',
    objectName: '«Шахтинская» шахтасы, №2 конвейер',
    objectAddress: 'Қарағанды облысы, Шахтинск қ., Индустриялық к-сі, 1',
    plannedStart: new Date(now - hour).toISOString(),
    plannedEnd: new Date(now + 4 * hour).toISOString(),
    inspectorIds: [userIds.get('inspector2')!],
  });
  const issued = await issueRecorder(deps, responsible, org, {
    recorderId: recorders[3]!.id,
    inspectorId: userIds.get('inspector2')!,
    activityId: investigation.id,
    batteryPercent: 100,
    clockConfirmed: true,
    signature: sign('inspector2'),
  });
  await seedDemoEvidence(deps, responsible, org, { inventoryNumber: recorders[3]!.inventoryNumber, issuedAt: new Date(issued.issuedAt) });
}
