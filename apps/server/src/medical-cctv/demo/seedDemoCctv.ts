import { Readable } from 'node:stream';
import type { CareType, ControlObject, RoomType } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { createPdf, pdfBuffer } from '../../platform/pdf/pdf.ts';
import { dateInZone } from '../../platform/time.ts';
import type { DemoIds } from '../../kernel/demo/demo.types.ts';
import { confirmHold, receiveAccessRequest } from '../access-requests/access-requests.usecases.ts';
import { pinCamera, recordSign, registerCamera } from '../cameras/cameras.usecases.ts';
import { recordConsent, withdrawConsent } from '../consents/consents.usecases.ts';
import { addPlace, attachFloorPlan, setCareTypes } from '../premises/premises.usecases.ts';
import { pinIn, planSvg, type PlanRoom } from './floor-plans.ts';

const ALL_OBJECTS: ControlObject[] = ['people_on_premises', 'patients', 'medical_workers', 'territory_and_premises'];
const daysAgo = (now: Date, d: number) => dateInZone(new Date(now.getTime() - d * 86_400_000));

interface DemoRoom extends PlanRoom {
  type: RoomType;
  unit?: string;
  /** A camera here: its number and whether its sign hangs. */
  camera?: { number: string; sign: boolean; coverage: string };
}

const FLOOR_1: DemoRoom[] = [
  {
    key: 'vestibule',
    label: 'Тіркеу орны',
    type: 'registry_vestibule',
    x: 40,
    y: 60,
    w: 260,
    h: 200,
    camera: { number: 'К-01', sign: true, coverage: 'Тіркеу орны мен кезек: келушілердің қауіпсіздігі' },
  },
  {
    key: 'hall',
    label: 'Күту залы',
    type: 'hall',
    x: 300,
    y: 60,
    w: 260,
    h: 200,
    camera: { number: 'К-02', sign: true, coverage: 'Күту залы: қоғамдық тәртіп' },
  },
  {
    key: 'corridor',
    label: 'Дәліз',
    type: 'corridor',
    unit: 'Травматологиялық пункт',
    x: 40,
    y: 260,
    w: 920,
    h: 80,
    camera: { number: 'К-03', sign: false, coverage: 'Травматологиялық пункт дәлізі: пациенттер ағыны' },
  },
  {
    key: 'blood1',
    label: 'Қан алу кабинеті № 1',
    type: 'blood_draw',
    unit: 'Биоматериал алу пункті',
    x: 560,
    y: 60,
    w: 200,
    h: 200,
    camera: { number: 'К-04', sign: true, coverage: 'Қан алу кабинеті: рәсімнің дұрыстығы' },
  },
  {
    key: 'blood2',
    label: 'Қан алу кабинеті № 2',
    type: 'blood_draw',
    unit: 'Биоматериал алу пункті',
    x: 760,
    y: 60,
    w: 200,
    h: 200,
    camera: { number: 'К-05', sign: true, coverage: 'Қан алу кабинеті: рәсімнің дұрыстығы' },
  },
  { key: 'procedure', label: 'Ем-шара кабинеті', type: 'procedure', x: 40, y: 340, w: 300, h: 220 },
  { key: 'toilet', label: 'Дәретхана', type: 'toilet', x: 340, y: 340, w: 160, h: 220 },
  {
    key: 'pharmacy',
    label: 'Дәріхана пункті',
    type: 'pharmacy_point',
    x: 500,
    y: 340,
    w: 460,
    h: 220,
    camera: { number: 'К-06', sign: true, coverage: 'Дәріхана пункті: дәрілердің берілуі' },
  },
];

const FLOOR_2: DemoRoom[] = [
  {
    key: 'post',
    label: 'Мейірбике посты',
    type: 'inpatient_post',
    unit: 'Хирургия бөлімшесі',
    x: 40,
    y: 60,
    w: 300,
    h: 200,
    camera: { number: 'К-07', sign: true, coverage: 'Мейірбике посты: кезекшілік' },
  },
  {
    key: 'corridor2',
    label: 'Дәліз',
    type: 'corridor',
    unit: 'Хирургия бөлімшесі',
    x: 40,
    y: 260,
    w: 920,
    h: 80,
    camera: { number: 'К-08', sign: true, coverage: 'Бөлімше дәлізі: пациенттердің қауіпсіздігі' },
  },
  { key: 'ward', label: 'Палата № 204', type: 'ward', x: 340, y: 60, w: 300, h: 200 },
  { key: 'or', label: 'Операциялық блок', type: 'operating_block', x: 640, y: 60, w: 320, h: 200 },
  { key: 'shower', label: 'Душ бөлмесі', type: 'shower', x: 40, y: 340, w: 200, h: 220 },
];

async function storeBytes(deps: AppDeps, bytes: Buffer) {
  return deps.store.put(Readable.from([bytes]));
}

async function consentScan(text: string) {
  const doc = createPdf({ title: text });
  doc.addPage();
  doc.font('regular').fontSize(12).text(text, 60, 80, { width: 470 });
  return pdfBuffer(doc);
}

/**
 * The demo clinic («Қарағанды облыстық көпбейінді ауруханасы»): outpatient and inpatient care, two
 * floors with plans, compliant cameras and non-compliant ones (a missing sign, a blood-draw room
 * whose patient consent was withdrawn), consents on file and two open applications of point 3.
 * Everything goes through the use cases, so the demo obeys the same rules as a user.
 */
export async function seedDemoCctv(deps: AppDeps, { orgIds, userIds }: DemoIds) {
  const org = orgIds.get('clinic')!;
  const officer = { kind: 'user' as const, id: userIds.get('cctv')! };
  const now = deps.now();
  await setCareTypes(deps, officer, org, ['outpatient', 'inpatient'] satisfies CareType[]);
  const building = await addPlace(deps, officer, org, { kind: 'building', name: 'Бас корпус' });
  const perimeter = await addPlace(deps, officer, org, { kind: 'perimeter', name: 'Бас кіреберіс периметрі', parentId: building.id });
  await addPlace(deps, officer, org, { kind: 'vehicle', name: 'Жылжымалы медициналық кешен ЖМК-1' });

  const floors: [string, DemoRoom[]][] = [
    ['1-қабат (емхана)', FLOOR_1],
    ['2-қабат (стационар)', FLOOR_2],
  ];
  const rooms = new Map<string, string>();
  for (const [name, plan] of floors) {
    const floor = await addPlace(deps, officer, org, { kind: 'floor', name, parentId: building.id });
    const svg = planSvg(`Бас корпус — ${name}`, plan);
    const stored = await storeBytes(deps, svg);
    await attachFloorPlan(deps, officer, org, floor.id, { ...stored, mime: 'image/svg+xml' });
    for (const r of plan)
      rooms.set(
        r.key,
        (await addPlace(deps, officer, org, { kind: 'room', name: r.label, parentId: floor.id, roomType: r.type, unit: r.unit })).id,
      );
  }

  // Point 8-1: consents for both blood-draw rooms before their cameras go up.
  const consentFor = async (
    room: string,
    kind: 'patient' | 'medical_worker',
    person: string,
    extra: { employmentContract?: string } = {},
  ) => {
    const scan = await consentScan(`Ақпараттандырылған келісім: ${person}. Қан алу кабинетінде бейнежазбаға келісемін.`);
    const stored = await storeBytes(deps, scan);
    return recordConsent(deps, officer, org, {
      kind,
      form: 'written',
      personName: person,
      scope: 'Қан алу рәсімін бейнеге жазу және жазбаны медициналық ұйымның ішкі бақылауы үшін пайдалану',
      placeId: rooms.get(room)!,
      givenOn: daysAgo(now, 30),
      document: { ...stored, fileName: 'kelisim.pdf', mime: 'application/pdf' },
      ...extra,
    });
  };
  for (const room of ['blood1', 'blood2'])
    await consentFor(room, 'medical_worker', 'Әбенова Сәуле Нұрланқызы', { employmentContract: '№ 118-ЕШ, 12.01.2025' });
  await consentFor('blood1', 'patient', 'Мұхамедиев Бауыржан Серікұлы');
  const lastPatientOfRoom2 = await consentFor('blood2', 'patient', 'Жақсылықова Айгүл Маратқызы');

  for (const [, plan] of floors)
    for (const r of plan.filter((x) => x.camera)) {
      const camera = await registerCamera(deps, officer, org, {
        number: r.camera!.number,
        placeId: rooms.get(r.key)!,
        coverage: r.camera!.coverage,
        controlObjects: r.type === 'blood_draw' ? ['patients', 'medical_workers'] : ALL_OBJECTS,
        model: 'Hikvision DS-2CD1143G2-I',
        installedOn: daysAgo(now, 20),
      });
      if (r.camera!.sign) await recordSign(deps, officer, org, camera.id, { installed: true });
      await pinCamera(deps, officer, org, camera.id, pinIn(r));
    }
  const perimeterCamera = await registerCamera(deps, officer, org, {
    number: 'К-09',
    placeId: perimeter.id,
    coverage: 'Бас кіреберіс және автотұрақ',
    controlObjects: ['territory_and_premises', 'people_on_premises'],
    installedOn: daysAgo(now, 20),
  });
  await recordSign(deps, officer, org, perimeterCamera.id, { installed: true });

  // The only patient consent of room 2 is withdrawn: camera К-05 loses its basis.
  await withdrawConsent(deps, officer, org, lastPatientOfRoom2.id, {
    withdrawnOn: daysAgo(now, 2),
    note: 'Пациент жазбаша өтінішпен келісімін кері қайтарып алды',
  });

  const period = (daysBack: number, hours: number) => {
    const from = new Date(now.getTime() - daysBack * 86_400_000);
    return { periodFrom: from, periodTo: new Date(from.getTime() + hours * 3_600_000) };
  };
  await receiveAccessRequest(deps, officer, org, {
    receivedOn: daysAgo(now, 1),
    applicantName: 'Омарова Гүлжан Бақытжанқызы',
    applicantIin: '820315402511',
    applicantContact: '+7 701 555 12 34',
    relationship: 'spouse',
    patientName: 'Омаров Ерлан Сапарұлы',
    patientIin: '551108301219',
    dateOfDeath: daysAgo(now, 6),
    ...period(8, 6),
    placeIds: [rooms.get('post')!, rooms.get('corridor2')!],
  });
  const older = await receiveAccessRequest(deps, officer, org, {
    receivedOn: daysAgo(now, 4),
    applicantName: 'Ахметов Нұрсұлтан Ерланұлы',
    applicantIin: '990621501418',
    relationship: 'child',
    patientName: 'Ахметова Роза Қалиқызы',
    patientIin: '780512401712',
    dateOfDeath: daysAgo(now, 10),
    ...period(12, 4),
    placeIds: [rooms.get('corridor')!],
  });
  await confirmHold(deps, officer, org, older.id, { confirmedBy: 'Ілиясов Марат, бейнебақылау жүйесінің операторы' });
}
