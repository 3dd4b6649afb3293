import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/platform/i18n/i18n.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { seedClinic } from './cctv-world.ts';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedClinic>>;
let floor: string;
let building: string;

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedClinic(ctx);
});
afterAll(() => ctx.close());

describe('R335-2 the premises register and the organisation profile', () => {
  it('R335-7 no camera before the organisation says which care it gives; the refusal names points 8–11', async () => {
    const b = await w.place('building', 'Бас корпус');
    const f = await w.place('floor', '1-қабат', b);
    const hall = await w.place('room', 'Холл', f, 'hall');
    w.officer.lang = 'kk';
    const res = await w.camera('К-00', hall);
    w.officer.lang = 'en';
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('cctv.profile_missing');
    expect(res.json().error.message).toMatch(/8–11/);
    building = b;
    floor = f;
  });

  it('R335-2 the profile takes several types of care, and is in the ledger', async () => {
    const res = await w.officer.request('PUT', `${w.base}/profile`, { careTypes: ['outpatient', 'inpatient'] });
    expect(res.statusCode).toBe(200);
    expect((await w.head.get(`${w.base}/profile`)).json().careTypes).toEqual(['outpatient', 'inpatient']);
    const ledger = (await w.head.get(`/api/v1/organisations/${w.clinic}/ledger?action=cctv.profile_set`)).json();
    expect(ledger).toHaveLength(1);
  });

  it('R335-2 places follow the building → floor → room tree, a room needs a type from the taxonomy', async () => {
    const bad = await w.officer.post(`${w.base}/places`, { kind: 'room', name: 'Кабинет', parentId: building, roomType: 'ward' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'cctv.place_parent_invalid', details: { kind: 'room', parentKind: 'building' } });
    const untyped = await w.officer.post(`${w.base}/places`, { kind: 'room', name: 'Кабинет', parentId: floor });
    expect(untyped.json().error.code).toBe('cctv.room_type_required');
    const unknown = await w.officer.post(`${w.base}/places`, { kind: 'room', name: 'Кабинет', parentId: floor, roomType: 'sauna' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('validation.failed');
  });

  it('R335-2 rooms import from CSV; one bad line refuses the whole file with its line and field, nothing is stored', async () => {
    const before = (await w.head.get(`${w.base}/places`)).json().items.length;
    const csv = (rows: string[]) => ['building,floor,room,room_type,unit', ...rows].join('\n');
    const bad = await w.officer.request(
      'POST',
      `${w.base}/places/import`,
      csv(['Бас корпус,2-қабат,Дәліз,corridor,Хирургия', 'Бас корпус,2-қабат,Сауна,sauna,']),
      { 'content-type': 'text/csv' },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'cctv.import_invalid', details: { line: 3, field: 'room_type', value: 'sauna' } });
    expect((await w.head.get(`${w.base}/places`)).json().items.length).toBe(before);
    const ok = await w.officer.request(
      'POST',
      `${w.base}/places/import`,
      csv(['Бас корпус,2-қабат,Дәліз,corridor,Хирургия', 'Бас корпус,2-қабат,Палата 201,ward,Хирургия', 'Бас корпус,2-қабат,Душ,shower,']),
      { 'content-type': 'text/csv' },
    );
    expect(ok.statusCode).toBe(201);
    // The existing building is reused; a new floor and three rooms are added.
    expect(ok.json()).toEqual({ created: 4, rooms: 3 });
    const items = (await w.head.get(`${w.base}/places`)).json().items as { kind: string; name: string; parentId: string }[];
    expect(items.filter((p) => p.kind === 'building')).toHaveLength(1);
    expect(items.find((p) => p.name === 'Палата 201')).toBeDefined();
  });
});

describe('R335-4 R335-5 R335-7 R335-12 the camera register judges every placement', () => {
  it('R335-4 R335-5 a camera in a hall is registered as internal with its objects of control; on the perimeter it is external', async () => {
    const hall = await w.place('room', 'Күту залы', floor, 'hall');
    const res = await w.camera('К-01', hall, { controlObjects: ['people_on_premises', 'territory_and_premises'] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      placement: 'internal',
      controlObjects: ['people_on_premises', 'territory_and_premises'],
      rulesId: 'dsm-335-2023-04-07',
    });
    const perimeter = await w.place('perimeter', 'Кіреберіс', building);
    const ext = await w.camera('К-02', perimeter);
    expect(ext.json().placement).toBe('external');
    const none = await w.camera('К-03', hall, { controlObjects: [] });
    expect(none.statusCode).toBe(400);
  });

  it('R335-12 a camera in a toilet, shower, procedure room, manipulation room or operating block is refused with point 12, in the user’s language', async () => {
    for (const [i, type] of (['toilet', 'shower', 'procedure', 'manipulation', 'operating_block'] as const).entries()) {
      const room = await w.place('room', `Бөлме ${type}`, floor, type);
      w.officer.lang = i % 2 ? 'ru' : 'kk';
      const res = await w.camera(`К-1${i}`, room);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('cctv.placement_prohibited');
      expect(res.json().error.details.cites).toEqual([{ point: '12' }]);
      expect(res.json().error.message).toMatch(i % 2 ? /п\. 12 Правил/ : /12-тармағы/);
    }
    w.officer.lang = 'en';
    const cameras = (await w.head.get(`${w.base}/cameras`)).json().items.map((c: { number: string }) => c.number);
    expect(cameras).not.toContain('К-10');
  });

  it('R335-7 a ward is not among the places points 8 and 9 list: refused, citing both', async () => {
    const ward = await w.place('room', 'Палата 101', floor, 'ward');
    const res = await w.camera('К-20', ward);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'cctv.placement_not_provided', details: { cite: '8, 9' } });
  });

  it('R335-12 a room holding a camera cannot be re-typed into a prohibited one; moving a camera is judged again', async () => {
    const corridor = await w.place('room', 'Дәліз', floor, 'corridor');
    const cam = (await w.camera('К-30', corridor)).json();
    const retype = await w.officer.request('PATCH', `${w.base}/places/${corridor}`, { roomType: 'manipulation' });
    expect(retype.statusCode).toBe(409);
    expect(retype.json().error).toMatchObject({ code: 'cctv.placement_prohibited', details: { camera: 'К-30' } });
    const toilet = await w.place('room', 'Дәретхана 2', floor, 'toilet');
    const move = await w.officer.post(`${w.base}/cameras/${cam.id}/move`, { placeId: toilet, reason: 'жөндеу' });
    expect(move.json().error.code).toBe('cctv.placement_prohibited');
    const still = (await w.head.get(`${w.base}/cameras`)).json().items.find((c: { id: string }) => c.id === cam.id);
    expect(still.placeId).toBe(corridor);
  });

  it('R335-12 the refusal to re-type a room holding a camera names the point, in the user’s language', async () => {
    const post = await w.place('room', 'Пост', floor, 'inpatient_post');
    await w.camera('К-31', post);
    w.officer.lang = 'kk';
    const kk = await w.officer.request('PATCH', `${w.base}/places/${post}`, { roomType: 'shower' });
    w.officer.lang = 'ru';
    const ru = await w.officer.request('PATCH', `${w.base}/places/${post}`, { roomType: 'procedure' });
    w.officer.lang = 'en';
    expect(kk.json().error).toMatchObject({ code: 'cctv.placement_prohibited', details: { cite: '12' } });
    expect(kk.json().error.message).toContain('(Қағидалардың 12-тармағы)');
    expect(ru.json().error.message).toMatch(/п\. 12 Правил/);
    expect(kk.json().error.message + ru.json().error.message).not.toContain('{{');
  });

  it('R335-7 a schema refusal names the field in the user’s language, not by its code', async () => {
    const hall = (await w.head.get(`${w.base}/places`)).json().items.find((p: { name: string }) => p.name === 'Күту залы').id;
    w.officer.lang = 'kk';
    const res = await w.camera('К-32', hall, { coverage: 'ой' });
    w.officer.lang = 'en';
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields as { field: string; message: string }[];
    expect(fields.find((f) => f.field === 'coverage')?.message).toBe('«бақыланатын аумақты қамтуы»: кемінде 3 таңба');
  });

  it('R335-6 the sign: missing until recorded; a photo upload marks it installed; a fake JPEG is refused', async () => {
    const hall = await w.place('room', 'Вестибюль', floor, 'registry_vestibule');
    const cam = (await w.camera('К-40', hall)).json();
    const report = async () =>
      (await w.head.get(`${w.base}/compliance`)).json().cameras.find((c: { camera: { id: string } }) => c.camera.id === cam.id);
    expect((await report()).findings).toEqual([{ finding: 'sign_missing', cites: [{ point: '6' }] }]);
    const fake = await w.officer.request('PUT', `${w.base}/cameras/${cam.id}/sign/photo`, Buffer.from('not a jpeg at all'), {
      'content-type': 'image/jpeg',
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.code).toBe('cctv.file_content_mismatch');
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(600, 1)]);
    const ok = await w.officer.request('PUT', `${w.base}/cameras/${cam.id}/sign/photo`, jpeg, { 'content-type': 'image/jpeg' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ signInstalled: true, hasSignPhoto: true });
    expect((await report()).compliant).toBe(true);
    const photo = await w.head.get(`${w.base}/cameras/${cam.id}/sign/photo`);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.rawPayload.equals(jpeg)).toBe(true);
  });
});

describe('R335-8-1 the blood-draw room: consents of the patient and the medical worker', () => {
  let room: string;
  let patientConsent: string;

  it('R335-8-1 without consents the camera is refused; with the patient’s and the worker’s it is registered', async () => {
    room = await w.place('room', 'Қан алу кабинеті', floor, 'blood_draw');
    const early = await w.camera('К-50', room);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'cctv.consent_basis_missing', details: { cite: '8-1' } });
    const worker = await w.officer.post(`${w.base}/consents`, {
      kind: 'medical_worker',
      personName: 'Әбенова Сәуле',
      employmentContract: '№ 118-ЕШ',
      scope: 'қан алу рәсімі',
      placeId: room,
      givenOn: '2026-02-01',
    });
    expect(worker.statusCode).toBe(201);
    const noContract = await w.officer.post(`${w.base}/consents`, {
      kind: 'medical_worker',
      personName: 'Басқа Қызметкер',
      scope: 'қан алу',
      placeId: room,
      givenOn: '2026-02-01',
    });
    expect(noContract.json().error.code).toBe('cctv.consent_contract_required');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(800, 0x20)]);
    const q = new URLSearchParams({
      kind: 'patient',
      personName: 'Мұхамедиев Бауыржан',
      scope: 'қан алу рәсімін бейнеге жазу',
      placeId: room,
      givenOn: '2026-02-10',
      fileName: 'келісім.pdf',
    });
    const patient = await w.officer.request('POST', `${w.base}/consents/written?${q}`, pdf, { 'content-type': 'application/pdf' });
    expect(patient.statusCode).toBe(201);
    expect(patient.json()).toMatchObject({ form: 'written', documentName: 'келісім.pdf' });
    patientConsent = patient.json().id;
    const ok = await w.camera('К-50', room, { controlObjects: ['patients', 'medical_workers'] });
    expect(ok.statusCode).toBe(201);
    const scan = await w.officer.get(`${w.base}/consents/${patientConsent}/document`);
    expect(scan.rawPayload.equals(pdf)).toBe(true);
    const logged = (await w.head.get(`/api/v1/organisations/${w.clinic}/ledger?action=cctv.consent_document_downloaded`)).json();
    expect(logged).toHaveLength(1);
  });

  it('R335-8-1 a consent cannot be recorded for another room type', async () => {
    const hall = await w.place('room', 'Холл 2', floor, 'hall');
    const res = await w.officer.post(`${w.base}/consents`, {
      kind: 'patient',
      personName: 'Кім де болса',
      scope: 'бейнежазба',
      placeId: hall,
      givenOn: '2026-02-01',
    });
    expect(res.json().error.code).toBe('cctv.consent_not_blood_draw');
  });

  it('R335-8-1 withdrawing the last patient consent turns the camera non-compliant at once and notifies the head and the CCTV officer', async () => {
    await w.officer.request(
      'PUT',
      `${w.base}/cameras/${(await w.officer.get(`${w.base}/cameras`)).json().items.find((c: { number: string }) => c.number === 'К-50').id}/sign`,
      { installed: true },
    );
    const before = (await w.head.get(`${w.base}/compliance`))
      .json()
      .cameras.find((c: { camera: { number: string } }) => c.camera.number === 'К-50');
    expect(before.compliant).toBe(true);
    const res = await w.officer.post(`${w.base}/consents/${patientConsent}/withdraw`, {
      withdrawnOn: '2026-03-01',
      note: 'пациенттің өтініші',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().basisLost).toBe(true);
    const after = (await w.head.get(`${w.base}/compliance`))
      .json()
      .cameras.find((c: { camera: { number: string } }) => c.camera.number === 'К-50');
    expect(after).toMatchObject({
      compliant: false,
      verdict: 'consent_required',
      findings: [{ finding: 'consent_basis_missing', cites: [{ point: '8-1' }] }],
      consent: { ok: false, patientSide: false, workerSide: true },
    });
    const notices = (await w.head.get(`/api/v1/organisations/${w.clinic}/notifications`)).json();
    expect(notices.items ?? notices).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'cctv.consent_basis_lost' })]));
    // The person in charge of CCTV reads the same notice (the notices route serves every role of the organisation).
    const officerNotices = await w.officer.get(`/api/v1/organisations/${w.clinic}/notifications`);
    expect(officerNotices.statusCode).toBe(200);
    expect(officerNotices.json().items ?? officerNotices.json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'cctv.consent_basis_lost' })]),
    );
    const again = await w.officer.post(`${w.base}/consents/${patientConsent}/withdraw`, { withdrawnOn: '2026-03-01', note: 'тағы' });
    expect(again.json().error.code).toBe('cctv.consent_already_withdrawn');
  });
});

describe('R335-3 an application for a deceased patient’s recordings', () => {
  const body = (extra: Record<string, unknown> = {}) => ({
    receivedOn: '2026-03-01',
    applicantName: 'Омарова Гүлжан',
    applicantIin: '820315402511',
    relationship: 'spouse',
    patientName: 'Омаров Ерлан',
    patientIin: '551108301219',
    dateOfDeath: '2026-02-25',
    periodFrom: '2026-02-24T08:00:00Z',
    periodTo: '2026-02-24T14:00:00Z',
    ...extra,
  });

  it('R335-3 receipt puts the period on hold at once; the head decides only after the hold is confirmed; the clips handed over are logged as a disclosure', async () => {
    const hall = (await w.head.get(`${w.base}/places`)).json().items.find((p: { name: string }) => p.name === 'Күту залы').id;
    const bad = await w.officer.post(`${w.base}/requests`, body({ placeIds: [hall], applicantIin: '820315402512' }));
    expect(bad.json().error).toMatchObject({ code: 'cctv.iin_invalid', details: { field: 'applicantIin' } });
    const badDate = await w.officer.post(`${w.base}/requests`, body({ placeIds: [hall], dateOfDeath: '2026-02-30' }));
    // The schema layer refuses an impossible calendar date before the use case, naming the field.
    expect(badDate.json().error).toMatchObject({
      code: 'validation.failed',
      details: { fields: [{ field: 'dateOfDeath', rule: 'format' }] },
    });
    const res = await w.officer.post(`${w.base}/requests`, body({ placeIds: [hall] }));
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ number: '2026-1', state: 'received' });
    expect(r.holdInstruction).toContain('Күту залы');
    const early = await w.head.post(`${w.base}/requests/${r.id}/decision`, { grant: true, reason: 'жұбайы, куәлік ұсынылды' });
    expect(early.json().error).toMatchObject({ code: 'cctv.request_state_invalid', details: { state: 'received' } });
    const proof = await w.officer.request(
      'POST',
      `${w.base}/requests/${r.id}/files?kind=proof&fileName=neke.pdf`,
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(600, 0x20)]),
      { 'content-type': 'application/pdf' },
    );
    expect(proof.statusCode).toBe(201);
    expect(
      (await w.officer.post(`${w.base}/requests/${r.id}/hold-confirmed`, { confirmedBy: 'Ілиясов Марат, оператор' })).json().state,
    ).toBe('hold_confirmed');
    const officerDecides = await w.officer.post(`${w.base}/requests/${r.id}/decision`, { grant: true, reason: 'жұбайы' });
    expect(officerDecides.statusCode).toBe(403);
    const granted = await w.head.post(`${w.base}/requests/${r.id}/decision`, {
      grant: true,
      reason: 'Өтініш беруші — қайтыс болған пациенттің жұбайы, неке туралы куәлік ұсынылды',
    });
    expect(granted.json().state).toBe('granted');
    const noClips = await w.officer.post(`${w.base}/requests/${r.id}/disclosure`, { handedOverOn: '2026-03-05' });
    expect(noClips.json().error.code).toBe('cctv.request_no_clips');
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.alloc(2000, 7)]);
    const clip = await w.officer.request('POST', `${w.base}/requests/${r.id}/files?kind=clip&fileName=zal-0800.mp4`, mp4, {
      'content-type': 'video/mp4',
    });
    expect(clip.statusCode).toBe(201);
    const done = await w.officer.post(`${w.base}/requests/${r.id}/disclosure`, { handedOverOn: '2026-03-05' });
    expect(done.json().state).toBe('provided');
    const disclosure = (await w.head.get(`/api/v1/organisations/${w.clinic}/ledger?action=cctv.recordings_disclosed`)).json();
    expect(disclosure).toHaveLength(1);
    expect(JSON.stringify(disclosure[0].payload)).toContain(clip.json().sha256);
    const letter = await w.head.get(`${w.base}/requests/${r.id}/decision.pdf?lang=ru`);
    expect(letter.statusCode).toBe(200);
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('R335-3 the notice of a new application is worded in the reader’s language: the period and the places, no English instruction', async () => {
    const hall = (await w.head.get(`${w.base}/places`)).json().items.find((p: { name: string }) => p.name === 'Күту залы').id;
    const r = (await w.officer.post(`${w.base}/requests`, body({ placeIds: [hall] }))).json();
    const notices = (await w.head.get(`/api/v1/organisations/${w.clinic}/notifications`)).json() as {
      kind: string;
      payload: Record<string, string>;
    }[];
    const notice = notices.find((n) => n.kind === 'cctv.request_received' && n.payload.number === r.number)!;
    expect(notice.payload).toMatchObject({ from: '24.02.2026 13:00', to: '24.02.2026 19:00', places: 'Күту залы' });
    const { forLocale } = await createTranslator();
    expect(forLocale('kk')('common:notice.cctv.request_received.body', notice.payload)).toBe(
      '24.02.2026 13:00 – 24.02.2026 19:00 кезеңіндегі жазбалардың сақталуын дереу қамтамасыз етіңіз: Күту залы (Қағидалардың 3-тармағы).',
    );
    expect(forLocale('ru')('common:notice.cctv.request_received.body', notice.payload)).toBe(
      'Обеспечьте сохранение записей за период 24.02.2026 13:00 – 24.02.2026 19:00: Күту залы (пункт 3 Правил).',
    );
  });

  it('R335-3 only a child or the surviving spouse can be granted: another applicant is registered and can only be refused', async () => {
    const corridor = (await w.head.get(`${w.base}/places`)).json().items.find((p: { name: string }) => p.name === 'Дәліз').id;
    const r = (
      await w.officer.post(
        `${w.base}/requests`,
        body({ placeIds: [corridor], relationship: 'other', applicantName: 'Омаров Асқар (інісі)' }),
      )
    ).json();
    await w.officer.post(`${w.base}/requests/${r.id}/hold-confirmed`, { confirmedBy: 'оператор' });
    const grant = await w.head.post(`${w.base}/requests/${r.id}/decision`, { grant: true, reason: 'туысы' });
    expect(grant.json().error.code).toBe('cctv.request_not_entitled');
    const refuse = await w.head.post(`${w.base}/requests/${r.id}/decision`, {
      grant: false,
      reason: 'Қағидалардың 3-тармағы жазбаларды тек балаларына және жұбайына береді',
    });
    expect(refuse.json().state).toBe('refused');
    const clip = await w.officer.request('POST', `${w.base}/requests/${r.id}/files?kind=clip&fileName=x.mp4`, Buffer.alloc(100), {
      'content-type': 'video/mp4',
    });
    expect(clip.json().error.code).toBe('cctv.request_state_invalid');
  });
});

describe('R335-7 R444-13 rule sets serve their organisation type', () => {
  it('a subdivision’s head gets no camera register for his subdivision, and a clinic’s head no recorders', async () => {
    const head = await w.world.as('head');
    const res = await head.get(`/api/v1/organisations/${w.world.subdivision}/cctv/cameras`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('organisation.rule_set_not_served');
    const clinicRecorders = await w.head.get(`/api/v1/organisations/${w.clinic}/recorders`);
    expect(clinicRecorders.statusCode).toBe(404);
    expect(clinicRecorders.json().error.code).toBe('organisation.rule_set_not_served');
    // Someone without a role there learns nothing: authorisation answers first.
    expect((await w.officer.get(`/api/v1/organisations/${w.world.subdivision}/recorders`)).statusCode).toBe(403);
  });
});

describe('R335-4 R335-6 printed forms', () => {
  it('R335-6 the sign and the compliance report print as PDF in Kazakh and Russian', async () => {
    const sign = await w.head.get(`${w.base}/sign.pdf`);
    expect(sign.statusCode).toBe(200);
    for (const lang of ['kk', 'ru']) {
      const pdf = await w.head.get(`${w.base}/compliance.pdf?lang=${lang}`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
    }
  });
});
