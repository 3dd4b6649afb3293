import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { resources } from '../packages/i18n/src/index.ts';
import { launchBrowser, screenshot, type Browser } from './support/browser.ts';
import { signIn, signOutQuietly } from './support/demo.ts';
import { pdfText } from './support/pdf-text.ts';
import { kk, tinyPdf } from './support/retention.ts';
import { startDemoServer, type DemoServer } from './support/server.ts';

const common = resources.kk.common as Record<string, string>;
const CANDIDATE = 'Жаңабаев Тимур Асқарұлы';

let server: DemoServer;
let browser: Browser;
let page: Page;
let union = '';
let yearId = '';
let reportingYear = 0;
let applicationUrl = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});

async function choose(testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const saved = (method: string, path: string) =>
  page.waitForResponse((r) => r.request().method() === method && r.url().includes(path) && r.ok());

describe('RC-16 RC-19 RC-22 RC-24 the union competition in the browser', () => {
  it('RC-12 the competition secretary assigns a coordinator and composes a member organisation’s stage I commission', async () => {
    await signIn(page, server.url, 'secretary');
    const me = await (await page.request.get(`${server.url}/api/v1/me`)).json();
    union = me.organisations.find((o: { type: string }) => o.type === 'trade_union').id;
    const members = (await (await page.request.get(`${server.url}/api/v1/organisations/${union}/competition/member-organisations`)).json())
      .items as { id: string; nameKk: string }[];
    const astana = members.find((m) => m.nameKk.startsWith('Астана'))!;
    await page.goto(`${server.url}/app/competition`);
    const assign = page.getByTestId(`assign-coordinator-${astana.id}`);
    await assign.getByTestId('coordinator-select').click();
    await page.getByRole('option', { name: 'Әбілқасымова Гүлмира Серікқызы', exact: true }).click();
    const assigned = saved('POST', '/coordinators');
    await assign.getByRole('button', { name: kk('competition.members.assign') }).click();
    await assigned;
    await page
      .getByText(/Оспанов Ержан Бақытұлы, Әбілқасымова Гүлмира Серікқызы|Әбілқасымова Гүлмира Серікқызы, Оспанов Ержан Бақытұлы/)
      .waitFor();

    await page.getByTestId('competition-years').getByRole('link').first().click();
    await page.waitForURL(/\/app\/competition\/years\/[0-9a-f-]{36}$/);
    // The commissions already formed are listed first: choose once the layout has settled.
    await page.getByTestId('commission-republican').waitFor();
    await choose('commission-whose', kk('competition.commission.whoseRegional', { name: astana.nameKk }));
    await page.getByTestId('commission-formed-by').fill('Астана қалалық кәсіподақ төралқасының 2026 жылғы 12 ақпандағы № 4 қаулысы');
    const formed = saved('POST', '/commissions');
    await page.getByTestId('commission-form').click();
    await formed;
    const panel = page.getByTestId(`commission-${astana.id}`);
    await panel.getByTestId('commission-person').click();
    await page.getByRole('option', { name: 'Нұрмағамбетов Асқар Серікұлы', exact: true }).click();
    await panel.getByTestId('commission-chair').check();
    const added = saved('POST', '/members');
    await panel.getByTestId('commission-add').click();
    await added;
    await expect.poll(() => panel.innerText()).toContain('Нұрмағамбетов Асқар Серікұлы');
    // The badge is set in capitals by CSS, and innerText shows it so.
    expect((await panel.innerText()).toLowerCase()).toContain(kk('competition.commission.stage', { stage: 'I' }).toLowerCase());
    await screenshot(page, 'competition-commissions');
    await signOutQuietly(page);
  });

  it('RC-16 RC-18 a member organisation’s coordinator submits a candidate with documents, and gets the receipt', async () => {
    await signIn(page, server.url, 'coordinator3');
    const me = await (await page.request.get(`${server.url}/api/v1/me`)).json();
    union = me.organisations.find((o: { type: string }) => o.type === 'trade_union').id;
    await page.goto(`${server.url}/app/competition`);
    await page.getByTestId('competition-years').getByRole('link').first().click();
    await page.waitForURL(/\/app\/competition\/years\/[0-9a-f-]{36}$/);
    yearId = page.url().split('/').at(-1)!;
    reportingYear = (await (await page.request.get(`${server.url}/api/v1/organisations/${union}/competition/years/${yearId}`)).json())
      .reportingYear;

    await page.getByTestId('new-application').click();
    await choose('application-member', 'Шымкент қалалық білім және ғылым қызметкерлерінің кәсіподағы');
    await choose('application-type', common['competition.educationType.higher_education']!);
    await page.getByTestId('application-name').fill(CANDIDATE);
    await page.getByRole('button', { name: kk('competition.applications.create') }).click();
    await page.waitForURL(/\/app\/competition\/applications\/[0-9a-f-]{36}$/);
    applicationUrl = page.url();

    const q = page.getByTestId('questionnaire');
    const fields: Record<string, string> = {
      birthDate: '1985-02-01',
      contact: '+7 702 111 22 33, timur@example.kz',
      education: 'Жоғары, инженер-механик',
      position: 'Еңбекті қорғау жөніндегі техникалық инспектор',
      workExperience: '11 жыл',
      oshCertificate: 'Бар, № 77, 2025',
      organisationName: '«Оңтүстік Қазақстан университеті» КеАҚ',
      organisationContact: 'Шымкент қ., Тәуке хан даңғылы, 5',
      organisationHead: 'Университет ректоры',
      unionChair: 'Бастауыш ұйым төрағасы',
      districtUnionName: 'Әл-Фараби аудандық ұйымы',
      districtUnionChair: 'Аудандық ұйым төрағасы',
      regionalUnionName: 'Шымкент қалалық ұйымы',
      regionalUnionChair: 'Қалалық ұйым төрағасы',
    };
    for (const [name, value] of Object.entries(fields)) await q.locator(`input[name="${name}"]`).fill(value);
    await q.locator('textarea[name="characteristic"]').fill('Еңбекті қорғау жөніндегі ішкі бақылауды жүйелі жүргізеді.');
    await q.locator('textarea[name="explanatoryNote"]').fill('Есептік жылы 12 тексеру жүргізілді.');
    let done = saved('PATCH', '/competition/applications/');
    await page.getByTestId('save-questionnaire').click();
    await done;

    await page.getByTestId('indicator-table').locator('input[aria-label="m1"]').fill('12');
    done = saved('PATCH', '/competition/applications/');
    await page.getByTestId('save-counts').click();
    await done;
    await expect.poll(() => page.getByTestId('score-total').innerText()).toMatch(/: 36 /);

    const form = page.getByTestId('document-form');
    await choose('document-kind', common['competition.document.nominating_decision']!);
    await form.locator('input[name="documentTitle"]').fill('Қалалық ұйым төралқасының шешімі');
    await form
      .locator('input[type="file"]')
      .setInputFiles({ name: 'decision.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Decision') });
    done = saved('POST', '/documents');
    await page.getByTestId('document-upload').click();
    await done;

    await choose('document-kind', common['competition.document.evidence']!);
    await choose('document-indicator', common['competition.indicator.m1']!);
    await page.getByTestId('document-date').fill(`15.01.${reportingYear}`);
    await form.locator('input[name="documentTitle"]').click();
    await form.locator('input[name="documentTitle"]').fill('Тексеру актілері (12)');
    await form.locator('input[type="file"]').setInputFiles({ name: 'acts.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Acts 12') });
    done = saved('POST', '/documents');
    await page.getByTestId('document-upload').click();
    await done;
    await page.getByTestId('documents').getByText('Тексеру актілері (12)').waitFor();

    await page.getByTestId('submit-application').click();
    await page.getByTestId('receipt').waitFor();
    expect(await page.getByTestId('receipt').innerText()).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByTestId('application-state').innerText()).toBe(common['competition.state.submitted']);
    await screenshot(page, 'competition-submitted');
  });

  it('RC-19 a commission member reduces one indicator with a written reason; the total is recomputed', async () => {
    await signOutQuietly(page);
    await signIn(page, server.url, 'judge1');
    await page.goto(applicationUrl);
    await page.getByTestId('review-m1').click();
    const form = page.getByTestId('review-form');
    await form.locator('input[name="acceptedCount"]').fill('10');
    await form.locator('textarea[name="reason"]').fill('Екі актіде тексеру күні көрсетілмеген');
    await page.getByTestId('review-submit').click();
    await expect
      .poll(() => page.getByTestId('score-total').innerText())
      .toMatch(new RegExp(`30.*${kk('competition.application.claimedTotal', { total: 36 }).replace(/[()]/g, '\\$&')}`));
    await page.getByText('Екі актіде тексеру күні көрсетілмеген').waitFor();
    await screenshot(page, 'competition-reviewed');
  });

  it('RC-22 RC-19 the chair settles the tie, every member signs, the secretary publishes; the protocol PDF shows the recomputed total and places', async () => {
    await page.goto(`${server.url}/app/competition/years/${yearId}/results`);
    const tie = page.getByTestId('tie-form');
    await tie.getByRole('button', { name: 'Сәрсенова Гүлім Бақытжанқызы' }).click();
    await tie.getByRole('button', { name: 'Бекетов Нұрлан Әлібекұлы' }).click();
    await tie.locator('textarea[name="tieReason"]').fill('Комиссия дауыс беру арқылы шешті: 3 — 0');
    await page.getByTestId('tie-submit').click();
    await tie.waitFor({ state: 'detached' });
    const group2 = page.getByTestId('ranking-2');
    await expect(group2.locator(`tr[data-candidate="${CANDIDATE}"]`).innerText()).resolves.toContain(common['competition.place.2']);
    for (const judge of ['judge1', 'judge2', 'judge3']) {
      if (judge !== 'judge1') {
        await signOutQuietly(page);
        await signIn(page, server.url, judge);
        await page.goto(`${server.url}/app/competition/years/${yearId}/results`);
      }
      const signed = saved('POST', '/protocol/signatures');
      await page.getByTestId('sign-protocol').click();
      await signed;
    }
    await signOutQuietly(page);
    await signIn(page, server.url, 'secretary');
    await page.goto(`${server.url}/app/competition/years/${yearId}/results`);
    await page.getByTestId('publish').click();
    await page.getByRole('link', { name: kk('competition.publicPage') }).waitFor();
    await screenshot(page, 'competition-results');

    const protocol = async (lang: string) =>
      pdfText(
        Buffer.from(
          await (
            await page.request.get(`${server.url}/api/v1/organisations/${union}/competition/years/${yearId}/protocol.pdf?lang=${lang}`)
          ).body(),
        ),
      );
    const kkPdf = await protocol('kk');
    expect(kkPdf.text).toMatch(new RegExp(`II орын\\s+${CANDIDATE}`));
    expect(kkPdf.text).toMatch(/III орын\s+Бекетов Нұрлан/);
    expect(kkPdf.text).toMatch(/жалпы балл: 30 \(мәлімделгені бойынша —\s+36\)/);
    expect(kkPdf.text).toMatch(/Екі актіде тексеру күні көрсетілмеген/);
    const ruPdf = await protocol('ru');
    expect(ruPdf.text).toMatch(new RegExp(`II место\\s+${CANDIDATE}`));
    expect(ruPdf.text).toMatch(/итого баллов: 30 \(по заявленному —\s+36\)/);
  });

  it('RC-24 the public results page shows the winners without sign-in', async () => {
    await signOutQuietly(page);
    await page.goto(`${server.url}/app/public/competition/${union}`);
    const results = page.getByTestId('public-results');
    await results.waitFor();
    await expect(results.locator(`tr[data-candidate="${CANDIDATE}"]`).innerText()).resolves.toContain(common['competition.place.2']);
    await expect(results.locator('tr[data-candidate="Ахметова Дина Сәкенқызы"]').innerText()).resolves.toContain(
      common['competition.place.1'],
    );
    expect(await results.innerText()).not.toMatch(/timur@example\.kz/);
    await screenshot(page, 'competition-public');
  });
});
