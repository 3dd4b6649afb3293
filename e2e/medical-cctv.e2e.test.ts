import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { launchBrowser, screenshot, type Browser } from './support/browser.ts';
import { CLIP_MP4, PLAN_SVG, SCAN_PDF, choose, pickFile } from './support/cctv.ts';
import { signIn, signOutQuietly } from './support/demo.ts';
import { pageApi } from './support/evidence.ts';
import { pdfText } from './support/pdf-text.ts';
import { almatyDate } from './support/retention.ts';
import { SERVER_BIN, startDemoServer, type DemoServer } from './support/server.ts';

let server: DemoServer;
let browser: Browser;
let page: Page;
let requestUrl = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  page = await browser.newPage();
  // The person in charge of CCTV at the demo clinic (no second factor).
  await signIn(page, server.url, 'cctv');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-cctv-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});

const nav = () => page.getByRole('navigation');
const dialog = () => page.getByRole('dialog');
const daysAgo = (n: number) => almatyDate(new Date(Date.now() - n * 86_400_000));

interface Camera {
  id: string;
  number: string;
  planX: number | null;
  planY: number | null;
  signInstalled: boolean;
}
const cameras = async () => (await (await pageApi(page)).get<{ items: Camera[] }>('/cctv/cameras')).items;
const camera = async (number: string) => (await cameras()).find((c) => c.number === number)!;

async function pdfOf(download: Download) {
  return pdfText(fs.readFileSync((await download.path())!));
}

describe('Order ҚР ДСМ-335/2020 in the browser: the CCTV officer of the demo clinic', () => {
  it('R335-2 opens the section in Kazakh: the compliance picture with both floor plans and every camera', async () => {
    await nav()
      .getByRole('link', { name: /Медициналық ұйымдардағы бейнебақылау/ })
      .click();
    await page.waitForURL('**/app/medical-cctv');
    await page.getByRole('heading', { name: 'Техникалық құралдардың Қағидаларға сәйкестігі' }).waitFor();
    await expect(page.getByTestId('figure-total').innerText()).resolves.toContain('9');
    await expect(page.getByTestId('figure-non-compliant').innerText()).resolves.toContain('2');
    await page.getByRole('region', { name: 'Бас корпус › 1-қабат (емхана)' }).getByTestId('pin-К-01').waitFor();
    // К-03 has no sign: its pin is red and its card says why, with point 6.
    const k03 = page.getByTestId('pin-К-03');
    expect(await k03.getAttribute('data-compliant')).toBe('false');
    await k03.hover();
    await expect(page.getByTestId('pin-card').innerText()).resolves.toContain('«Бейне бақылауда» маңдайшасы жоқ (6-тармақ)');
    const row = page.getByTestId('compliance-row-К-09');
    await expect(row.innerText()).resolves.toContain('4-тармақтың 2) тармақшасы');
    await screenshot(page, 'cctv-dashboard-kk');
  });

  it('R335-2 adds a floor with a procedure room and a waiting hall to the premises register', async () => {
    await nav().getByRole('link', { name: 'Үй-жайлар тізілімі' }).click();
    await page.getByTestId('places-table').waitFor();
    await page.getByRole('button', { name: 'Орын қосу' }).click();
    await choose(page, dialog(), 'Орын түрі', 'Қабат');
    await choose(page, dialog(), 'Қай жерде орналасқан', 'Бас корпус · ғимарат');
    await dialog().getByLabel('Атауы').fill('3-қабат (күндізгі стационар)');
    await dialog().getByRole('button', { name: 'Қосу', exact: true }).click();
    await dialog().getByRole('status').filter({ hasText: '3-қабат (күндізгі стационар)' }).waitFor();

    await choose(page, dialog(), 'Орын түрі', 'Үй-жай');
    await choose(page, dialog(), 'Қай жерде орналасқан', '3-қабат (күндізгі стационар) · қабат');
    for (const [name, type] of [
      ['Ем-шара кабинеті № 3', 'Ем-шара кабинеті'],
      ['Күту залы № 3', 'Холл'],
    ] as const) {
      await choose(page, dialog(), 'Үй-жай түрі', type, type);
      await dialog().getByLabel('Атауы').fill(name);
      await dialog().getByRole('button', { name: 'Қосу', exact: true }).click();
      await dialog().getByRole('status').filter({ hasText: name }).waitFor();
    }
    await dialog().getByRole('button', { name: 'Жабу' }).click();
    const table = page.getByTestId('places-table');
    await table.getByTestId('place-Ем-шара кабинеті № 3').getByText('Ем-шара кабинеті', { exact: true }).waitFor();
    await table.getByTestId('place-Күту залы № 3').getByText('Холл', { exact: true }).waitFor();
  });

  it('R335-2 a CSV with a bad room type is refused naming its line and column, in Kazakh; nothing is imported', async () => {
    await page.getByRole('button', { name: 'Үй-жайларды импорттау' }).click();
    const csv = 'building,floor,room,room_type,unit\nБас корпус,4-қабат,Дәліз,corridor,\nБас корпус,4-қабат,Сауна,sauna,\n';
    await pickFile(dialog(), 'rooms.csv', 'text/csv', Buffer.from(csv));
    await dialog().getByRole('button', { name: 'Импорттау' }).click();
    await dialog().getByText('3-жол, «room_type» бағаны: sauna — мұндай үй-жай түрі жоқ. Ештеңе импортталмады.').waitFor();
    await pickFile(dialog(), 'rooms.csv', 'text/csv', Buffer.from(csv.replace('Сауна,sauna', 'Палата № 401,ward')));
    await dialog().getByRole('button', { name: 'Импорттау' }).click();
    await dialog().getByRole('status').filter({ hasText: 'Импортталды: 3 орын, оның ішінде 2 үй-жай.' }).waitFor();
    await dialog().getByRole('button', { name: 'Жабу' }).click();
    await page.getByTestId('place-Палата № 401').waitFor();
  });

  it('R335-2 uploads the plan of the new floor (SVG)', async () => {
    await page.getByRole('button', { name: '3-қабат (күндізгі стационар): әрекеттер' }).click();
    await page.getByRole('menuitem', { name: 'Қабат жоспарын жүктеу' }).click();
    await pickFile(dialog(), '3-floor.svg', 'image/svg+xml', PLAN_SVG);
    await dialog().getByRole('button', { name: 'Жоспарды жүктеу' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByTestId('place-3-қабат (күндізгі стационар)').getByText('жоспары бар').waitFor();
  });

  it('R335-4 R335-5 R335-7 registers К-10 in the waiting hall with its coverage and objects of control: an internal TM', async () => {
    await nav().getByRole('link', { name: 'ТҚ тізілімі' }).click();
    await page.getByTestId('cameras-table').waitFor();
    await page.getByRole('button', { name: 'ТҚ-ны тізілімге енгізу' }).click();
    await dialog().getByLabel('Нөмірі').fill('К-10');
    await choose(page, dialog(), 'Орны', 'Күту залы № 3 · Холл', 'Күту залы');
    await dialog().getByLabel('Бақыланатын аумақты қамтуы').fill('Күту залы толық, кіреберіс есігімен: келушілердің қауіпсіздігі');
    await dialog().getByRole('checkbox', { name: 'Үй-жайдағы азаматтар' }).check();
    await dialog().getByRole('checkbox', { name: 'Аумақ пен үй-жай' }).check();
    await dialog().getByLabel('Моделі').fill('Dahua IPC-HDW1230');
    await dialog().getByRole('button', { name: 'Тізілімге енгізу', exact: true }).click();
    await dialog().getByRole('status').filter({ hasText: 'Тізілімге енгізілді: К-10' }).waitFor();
  });

  it('R335-12 К-11 in the procedure room is refused under the place field, citing point 12, in Kazakh', async () => {
    await dialog().getByLabel('Нөмірі').fill('К-11');
    await choose(page, dialog(), 'Орны', 'Ем-шара кабинеті № 3 · Ем-шара кабинеті', 'Ем-шара кабинеті № 3');
    await dialog().getByLabel('Бақыланатын аумақты қамтуы').fill('Ем-шара кабинеті: рәсімдер');
    await dialog().getByRole('checkbox', { name: 'Емделуде жүрген пациенттер' }).check();
    await dialog().getByRole('button', { name: 'Тізілімге енгізу', exact: true }).click();
    await dialog()
      .getByText(
        '«Ем-шара кабинеті № 3» ішіне ТҚ орнатуға болмайды: жеке гигиена үй-жайларында, ем-шара және манипуляциялық кабинеттерде, операциялық блоктарда ТҚ қолдануға рұқсат етілмейді (Қағидалардың 12-тармағы).',
      )
      .waitFor();
    await screenshot(page, 'cctv-camera-refused-kk');
    await dialog().getByRole('button', { name: 'Жабу' }).click();
    const table = page.getByTestId('cameras-table');
    await table.getByTestId('camera-row-К-10').waitFor();
    expect(await table.getByTestId('camera-row-К-11').count()).toBe(0);
    await expect(table.getByTestId('camera-row-К-10').innerText()).resolves.toContain('Ішкі ТҚ');
  });

  it('R335-6 records that the sign hangs at К-10 and downloads the sign to print', async () => {
    const row = page.getByTestId('cameras-table').getByTestId('camera-row-К-10');
    await expect(row.getByTestId('sign-state').innerText()).resolves.toBe('жоқ');
    await page.getByRole('button', { name: 'К-10: әрекеттер' }).click();
    await page.getByRole('menuitem', { name: 'Маңдайша орнатылды деп белгілеу' }).click();
    await expect.poll(() => row.getByTestId('sign-state').innerText()).toBe('орнатылған');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '«Бейне бақылауда» маңдайшасы (PDF)' }).click(),
    ]);
    const { text } = await pdfOf(file);
    expect(text).toContain('Бейне бақылауда');
    expect(text).toContain('Ведется видеонаблюдение');
    await screenshot(page, 'cctv-cameras-kk');
  });

  it('R335-4 places К-10 on the new floor plan with a click (a green pin) and drags К-01 on the first floor', async () => {
    await nav().getByRole('link', { name: 'Қағидаларға сәйкестік' }).click();
    const floor = page.getByRole('region', { name: 'Бас корпус › 3-қабат (күндізгі стационар)' });
    await floor.getByText('Жоспарда әлі белгіленбеген: К-10').waitFor();
    await choose(page, floor, 'ТҚ-ны жоспарда белгілеу', /^К-10 — Күту залы № 3/);
    await floor.getByRole('status').filter({ hasText: 'К-10 тұрған жерді жоспардан басыңыз' }).waitFor();
    const plan = floor.locator('svg[data-testid^="floor-plan-"]');
    const box = (await plan.boundingBox())!;
    await plan.click({ position: { x: box.width * 0.72, y: box.height * 0.2 } });
    const pin = floor.getByTestId('pin-К-10');
    await pin.waitFor();
    expect(await pin.getAttribute('data-compliant')).toBe('true');
    await expect.poll(async () => (await camera('К-10')).planX).toBeCloseTo(0.72, 2);
    expect((await camera('К-10')).planY).toBeCloseTo(0.2, 2);

    const first = page.getByRole('region', { name: 'Бас корпус › 1-қабат (емхана)' });
    const k01 = first.getByTestId('pin-К-01');
    const before = await camera('К-01');
    await first.scrollIntoViewIfNeeded();
    const at = (await k01.locator('circle').nth(1).boundingBox())!;
    const planBox = (await first.locator('svg[data-testid^="floor-plan-"]').boundingBox())!;
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    await page.mouse.down();
    await page.mouse.move(at.x + at.width / 2 + planBox.width * 0.1, at.y + at.height / 2 + planBox.height * 0.1, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await camera('К-01')).planX!).toBeCloseTo(before.planX! + 0.1, 1);
    await expect(page.getByTestId('figure-compliant').innerText()).resolves.toContain('8');
    await screenshot(page, 'cctv-plan-pinned');
  });

  it('R335-8-1 an electronic patient consent for blood-draw room № 2 gives К-05 its basis back; a written one goes with its scan', async () => {
    await nav().getByRole('link', { name: 'Келісімдер (8-1-тармақ)' }).click();
    const room2 = page.getByTestId('consent-basis').filter({ hasText: 'Қан алу кабинеті № 2' });
    await expect(room2.innerText()).resolves.toContain('негіз жоқ: сәйкес емес');
    await page.getByRole('button', { name: 'Келісімді тіркеу' }).click();
    await dialog().getByLabel('Пациенттің немесе заңды өкілдің тегі, аты, әкесінің аты').fill('Бекова Сания Асқарқызы');
    await choose(page, dialog(), 'Қан алу кабинеті', 'Қан алу кабинеті № 2');
    await dialog().getByLabel('Немен келіседі').fill('Қан алу рәсімін бейнеге жазу және жазбаны ішкі бақылау үшін пайдалану');
    await dialog().getByRole('button', { name: 'Келісімді тіркеу' }).click();
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(() => room2.innerText()).toContain('негіз күшінде');

    await page.getByRole('button', { name: 'Келісімді тіркеу' }).click();
    await dialog().getByText('Жазбаша (сканерленген көшірмесімен)').click();
    await choose(page, dialog(), 'Кім келісім береді', 'Заңды өкіл');
    await dialog().getByLabel('Пациенттің немесе заңды өкілдің тегі, аты, әкесінің аты').fill('Сейітов Арман Болатұлы');
    await dialog().getByLabel('Кімнің атынан (пациент)').fill('Сейітова Әлия Арманқызы, 2015 ж.т.');
    await choose(page, dialog(), 'Қан алу кабинеті', 'Қан алу кабинеті № 1');
    await dialog().getByLabel('Немен келіседі').fill('Баланың қанын алу рәсімін бейнеге жазу');
    await pickFile(dialog(), 'kelisim-seitova.pdf', 'application/pdf', SCAN_PDF);
    await dialog().getByRole('button', { name: 'Келісімді тіркеу' }).click();
    await dialog().waitFor({ state: 'detached' });
    const row = page.getByTestId('consent-row-Сейітов Арман Болатұлы');
    await expect(row.innerText()).resolves.toContain('Сейітова Әлия Арманқызы, 2015 ж.т. атынан');
    const [scan] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Сканды жүктеп алу' }).click()]);
    expect(
      fs
        .readFileSync((await scan.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await screenshot(page, 'cctv-consents-kk');
  });

  it('R335-3 receives a surviving spouse’s application: numbered, the period kept at once; the hold is confirmed and a proof added', async () => {
    await nav().getByRole('link', { name: 'Жазбаларға өтініштер (3-тармақ)' }).click();
    await page.getByTestId('requests-table').waitFor();
    await page.getByRole('button', { name: 'Өтінішті қабылдау' }).click();
    await choose(page, dialog(), 'Пациентке туыстығы', 'артында қалған жұбайы (зайыбы)');
    await dialog().getByLabel('Өтініш берушінің тегі, аты, әкесінің аты').fill('Нұрпейісова Дана Серікқызы');
    await dialog().getByLabel('Өтініш берушінің ЖСН-і').fill('820315402511');
    await dialog().getByLabel('Байланыс (телефон, мекенжай)').fill('+7 702 111 22 33');
    await dialog().getByLabel('Пациенттің тегі, аты, әкесінің аты').fill('Нұрпейісов Асқар Бекұлы');
    await dialog().getByLabel('Пациенттің ЖСН-і').fill('551108301219');
    await dialog().getByLabel('Қайтыс болған күні').fill(daysAgo(2));
    await dialog()
      .getByRole('textbox', { name: /^Басы( \*)?$/ })
      .fill(daysAgo(3));
    await dialog().getByRole('textbox', { name: 'Басы: Уақыты' }).fill('08:00');
    await dialog()
      .getByRole('textbox', { name: /^Соңы( \*)?$/ })
      .fill(daysAgo(3));
    await dialog().getByRole('textbox', { name: 'Соңы: Уақыты' }).fill('12:30');
    await dialog().getByLabel('Орындар').click();
    await page.getByRole('option', { name: /^Мейірбике посты/ }).click();
    await dialog().getByRole('heading').click(); // the list closes
    await dialog().getByRole('button', { name: 'Қабылдау және кезеңді сақтау' }).click();
    await page.waitForURL(/\/app\/medical-cctv\/requests\/[0-9a-f-]{36}$/);
    requestUrl = page.url();
    await page.getByRole('heading', { name: /№ \d{4}-3 өтініш/ }).waitFor();
    await expect(page.getByTestId('request-state').innerText()).resolves.toBe('қабылданды, кезең сақталуда');
    await expect(page.getByTestId('hold-instruction').innerText()).resolves.toContain(
      '12:30 кезеңіндегі мына орындардың барлық жазбаларын сақтаңыз',
    );

    await page.getByLabel('Растаған').fill('Ілиясов Марат, бейнебақылау жүйесінің операторы');
    await page.getByRole('button', { name: 'Растауды тіркеу' }).click();
    await page.getByTestId('hold-confirmed').filter({ hasText: 'Сақтауды растаған: Ілиясов Марат' }).waitFor();
    const proof = page.getByTestId('upload-proof');
    await pickFile(proof, 'neke-kualigi.pdf', 'application/pdf', SCAN_PDF);
    await proof.getByRole('button', { name: 'Қосу' }).click();
    await page.getByTestId('files-proof').getByRole('link', { name: 'neke-kualigi.pdf' }).waitFor();
    // The officer keeps the register; the decision is the head's.
    await page.getByText('Басшының шешімі күтілуде.').waitFor();
    await screenshot(page, 'cctv-request-received-kk');
  });

  it('R335-3 the head grants it with reasons; the clip is added, the hand-over recorded, the evidence package passes baqylau verify, and the disclosure is in the ledger', async () => {
    await signOutQuietly(page);
    await signIn(page, server.url, 'clinic');
    await page.goto(requestUrl);
    await page.getByTestId('decision-form').waitFor();
    await page.getByRole('radio', { name: 'Жазбаларға қол жеткізу берілсін' }).check();
    await page
      .getByLabel('Себептері')
      .fill('Өтініш беруші — қайтыс болған пациенттің жұбайы, неке куәлігі ұсынылды (Қағидалардың 3-тармағы).');
    await page.getByRole('button', { name: 'Шешім қабылдау' }).click();
    await page.getByTestId('decision').getByText('Жазбаларға қол жеткізу берілді.').waitFor();

    const clip = page.getByTestId('upload-clip');
    await pickFile(clip, 'post-2-qabat.mp4', 'video/mp4', CLIP_MP4);
    await clip.getByRole('button', { name: 'Қосу' }).click();
    await page.getByTestId('files-clip').getByRole('link', { name: 'post-2-qabat.mp4' }).waitFor();
    await page.getByRole('button', { name: 'Берілгенін тіркеу' }).click();
    await page.getByTestId('handed-over').filter({ hasText: 'Жазбаларды Нұрпейісова Дана Серікқызы алды' }).waitFor();
    await expect(page.getByTestId('request-state').innerText()).resolves.toBe('жазбалар берілді');

    const [letter] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByRole('button', { name: 'Шешім туралы хат (PDF)' }).click();
        await page.getByRole('menuitem', { name: 'Қазақ тілінде' }).click();
      })(),
    ]);
    expect((await pdfOf(letter)).text).toContain('Жазбаларға қол жеткізу беріледі.');
    await screenshot(page, 'cctv-request-provided-kk');

    // The clips go to the family as an evidence package they check offline: built here, downloaded, verified.
    await page.getByRole('button', { name: 'Пакетті жасау' }).click();
    const packages = page.getByTestId('disclosure-packages');
    await packages.getByRole('link', { name: 'Жүктеп алу (ZIP)' }).waitFor();
    const [zip] = await Promise.all([page.waitForEvent('download'), packages.getByRole('link', { name: 'Жүктеп алу (ZIP)' }).click()]);
    const zipFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-cctv-zip-')), 'package.zip');
    await zip.saveAs(zipFile);
    const verified = await promisify(execFile)('node', [SERVER_BIN, 'verify', zipFile]).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    expect(verified.code, verified.out).toBe(0);

    const api = await pageApi(page);
    const entries = await api.get<{ action: string; payload: { recipient: { name: string; relationship: string }; clips: unknown[] } }[]>(
      '/ledger?action=cctv.recordings_disclosed',
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]!.payload.recipient).toMatchObject({ name: 'Нұрпейісова Дана Серікқызы', relationship: 'spouse' });
    expect(entries[0]!.payload.clips).toHaveLength(1);
    await nav().getByRole('link', { name: 'Аудит журналы' }).click();
    await page.getByTestId('ledger-table').locator('tbody tr').filter({ hasText: 'Жазбалар өтініш берушіге берілді' }).first().waitFor();
  });

  it('R335-3 R335-8-1 the head’s dashboard lists the DSM-335 notices in her language; in Russian the section speaks Russian', async () => {
    await nav()
      .getByRole('link', { name: /Медициналық ұйымдардағы бейнебақылау/ })
      .click();
    const notices = page.getByTestId('cctv-notices');
    await notices.getByText(/Қайтыс болған пациенттің жазбалары туралы № \d{4}-3 өтініш/).waitFor();
    await expect(notices.innerText()).resolves.toContain('кезеңіндегі жазбалардың сақталуын дереу қамтамасыз етіңіз: Мейірбике посты');
    await notices.getByText('Қан алу кабинеті келісімсіз қалды: Қан алу кабинеті № 2').waitFor();
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'Соответствие технических средств Правилам' }).waitFor();
    await expect(page.getByTestId('compliance-row-К-03').innerText()).resolves.toContain(
      'нет таблички «Ведется видеонаблюдение» (пункт 6)',
    );
    await screenshot(page, 'cctv-dashboard-ru');
  });
});
