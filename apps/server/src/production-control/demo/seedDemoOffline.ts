import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { AppDeps } from '../../platform/deps.ts';
import { findUserById } from '../../kernel/users/users.repository.ts';
import { itemsOf } from '../inspections/inspections.repository.ts';
import { startScheduledInspection } from '../inspections/start-inspection.usecases.ts';
import { syncAcknowledgement, syncPhoto } from '../offline/offline-files.usecases.ts';
import { syncAnswer } from '../offline/offline-sync.usecases.ts';
import { measurePhotoPng } from './demo-photo.ts';

type Who = { kind: 'user'; id: string };
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Issue 18 in the demo: this morning's inspection of the preparation plant's washery, taken to the
 * field on the official's tablet and synced through the offline routes — answers with receipts, a
 * finding with its photo, the unit head's signed acknowledgement — and still in progress (the
 * re-check items and the rest of the checklist wait), so the field page and the receipts have
 * something to show.
 */
export async function seedDemoOffline(deps: AppDeps, org: string, official: Who, unitHead: Who, scheduleItemId: string) {
  const now = deps.now().getTime();
  const at = (minutesAgo: number): AppDeps => ({ ...deps, now: () => new Date(now - minutesAgo * 60_000) });
  const inspection = await startScheduledInspection(at(90), official, org, { scheduleItemId });
  const items = await itemsOf(deps.db, inspection.id);
  const byQuestion = (q: string) => items.find((i) => i.questionId === q)!;
  const device = 'demo-tablet-shakhtinsk-01';
  const recorded = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  const synced = at(5);
  const finding = randomUUID();
  await syncAnswer(synced, official, org, inspection.id, finding, {
    deviceId: device,
    recordedAt: recorded(70),
    itemId: byQuestion('conveyor-guards').id,
    outcome: 'violation',
    description: '№ 4 таспалы конвейердің жетек барабанының қоршауы алынып, қасына қойылған',
  });
  for (const [q, minutes] of [
    ['training', 65],
    ['journal', 60],
  ] as const)
    await syncAnswer(synced, official, org, inspection.id, randomUUID(), {
      deviceId: device,
      recordedAt: recorded(minutes),
      itemId: byQuestion(q).id,
      outcome: 'compliant',
    });
  const photo = measurePhotoPng(120, 80);
  await syncPhoto(
    synced,
    official,
    org,
    inspection.id,
    randomUUID(),
    { deviceId: device, recordedAt: recorded(69), answerClientId: finding, sha256: sha256(photo), fileName: 'konveyer-qorshau.png' },
    { body: Readable.from([photo]), contentType: 'image/png' },
  );
  const signature = measurePhotoPng(200, 60);
  const head = await findUserById(deps.db, unitHead.id);
  await syncAcknowledgement(
    synced,
    official,
    org,
    inspection.id,
    randomUUID(),
    {
      deviceId: device,
      recordedAt: recorded(55),
      signerName: head?.fullName ?? 'Құрылымдық бөлімше басшысы',
      signerPosition: 'Байыту цехының бастығы',
      sha256: sha256(signature),
    },
    { body: Readable.from([signature]), contentType: 'image/png' },
  );
  return inspection;
}
