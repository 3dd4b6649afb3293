import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { launchBrowser, screenshot, type Browser } from './support/browser.ts';
import { DEMO_PASSWORD, signIn, signOutQuietly } from './support/demo.ts';
import { dockFolder, pageApi, runDockAgent, tempWatch, type PageApi } from './support/evidence.ts';
import { startDemoServer, type DemoServer } from './support/server.ts';

interface Entry {
  id: string;
  number: number;
  inventoryNumber: string;
  activityId: string;
  issuedAt: string;
}
interface Timeline {
  findings: { kind: string }[];
  recordings: { id: string; fileSequence: number }[];
}

let server: DemoServer;
let browser: Browser;
let page: Page;
let api: PageApi;
let watch: string;
let entry: Entry;
let returned: Entry;
let firstRecording: string;

const dialog = () => page.getByRole('dialog');
const nav = () => page.getByRole('navigation');
const sec = (n: number) => n * 1000;

/**
 * The demo issues ВР-001 to inspector1 for № 27-ТП when it starts. Three clips come from the recorder: files 1
 * and 2 at once, file 3 deleted on the device, file 4 five minutes after file 2 — and one clip of ВР-003 from
 * before its issue. The device clock runs 20 s ahead. The real dock agent uploads them with a dock token.
 */
beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  page = await browser.newPage();
  await signIn(page, server.url, 'responsible');
  api = await pageApi(page);
  const { secret } = await api.post<{ secret: string }>('/api-tokens', { name: 'Кабинет 12: док-станция' });
  const [book] = await api.get<{ id: string; endedOn: string | null }[]>('/journals');
  const entries = await api.get<Entry[]>(`/journals/${book!.id}/entries`);
  entry = entries.find((e) => e.inventoryNumber === 'ВР-001')!;
  returned = entries.find((e) => e.inventoryNumber === 'ВР-003')!;

  const ahead = 20;
  // Within the issue: as early as it allows, or six minutes ago if it was issued long enough before.
  const start = Math.max(Date.parse(entry.issuedAt) + sec(10), Date.now() - sec(6 * 60));
  const device = (ms: number) => new Date(start + ms + sec(ahead));
  watch = tempWatch();
  dockFolder(
    watch,
    'usb-1',
    'ВР-001',
    [
      { name: 'REC_0001.mp4', deviceStart: device(0) },
      { name: 'REC_0002.mp4', deviceStart: device(sec(4)) },
      { name: 'REC_0004.mp4', deviceStart: device(sec(4 + 3 + 300)) },
    ],
    new Date(Date.now() + sec(ahead)),
  );
  // ВР-003 was issued and returned at once; its clock says this clip was made an hour before the issue.
  dockFolder(watch, 'usb-2', 'ВР-003', [{ name: 'REC_0107.mp4', deviceStart: new Date(Date.parse(returned.issuedAt) - sec(3600)) }]);
  const out = await runDockAgent(server.url, secret, watch);
  expect(out).toContain('ВР-001: docked');

  // The continuity job runs after ingest: wait for its findings.
  let timeline: Timeline | undefined;
  for (const deadline = Date.now() + sec(20); Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
    [timeline] = await api.get<Timeline[]>(`/activities/${entry.activityId}/timeline`);
    const kinds = timeline?.findings.map((f) => f.kind) ?? [];
    if (kinds.includes('gap') && kinds.includes('missing_sequence')) break;
  }
  expect(timeline?.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['gap', 'missing_sequence']));
  firstRecording = timeline!.recordings.find((r) => r.fileSequence === 1)!.id;
  await signOutQuietly(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (watch) fs.rmSync(watch, { recursive: true, force: true });
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});

describe('Order 444 evidence: timeline, findings and playback', () => {
  it('R444-11 R444-19 the journal shows the upload state of the issue; the head’s dashboard lists the findings and the recording without an issue', async () => {
    await signIn(page, server.url, 'head');
    await page.goto(`${server.url}/app/recorders/journal`);
    const row = page.getByTestId('journal-table').locator(`tbody tr[data-number="${entry.number}"]`);
    await row.getByText('файлдар жетіспейді · 3 бейнежазба').waitFor();
    await screenshot(page, 'journal-upload-state');
    await nav().getByRole('link', { name: 'Бақылау тақтасы' }).click();
    const findings = page.getByTestId('findings-panel');
    await findings.getByText('№ 3 файл жоқ (№ 2 және № 4 арасында)').waitFor();
    await findings.getByText(/Жазбада 5 мин \d+ с үзіліс/).waitFor();
    await findings
      .getByText(/№ \d+ жазба, ВР-001, Нұрланов Д\. А\./)
      .first()
      .waitFor();
    await page.getByTestId('unattributed-panel').getByRole('link', { name: 'REC_0107.mp4' }).waitFor();
    await expect(page.getByTestId('unattributed-panel').innerText()).resolves.toContain('ВР-003');
    await screenshot(page, 'evidence-dashboard');
  });

  it('R444-17 R444-18 R444-19 the activity timeline shows the gap and the missing file number; the head annotates a finding', async () => {
    await nav().getByRole('link', { name: 'Бақылау іс-шаралары' }).click();
    await page.getByTestId('activities-table').getByRole('link', { name: '№ 27-ТП' }).click();
    await page.getByRole('heading', { name: '№ 27-ТП іс-шарасы: жазба хронологиясы' }).waitFor();
    const card = page.locator(`[data-testid="entry-timeline"][data-number="${entry.number}"]`);
    await card.getByText('файлдар жетіспейді · 3 бейнежазба').waitFor();
    await expect(card.getByTestId('timeline-bar').count()).resolves.toBe(3);
    await expect(card.getByTestId('timeline-gap').count()).resolves.toBe(1);
    await expect(card.getByTestId('timeline-missing').innerText()).resolves.toBe('№ 3');
    await card.getByText('№ 3 файл жоқ (№ 2 және № 4 арасында)').waitFor();
    await card.getByText(/Жазбада 5 мин \d+ с үзіліс/).waitFor();
    // The device clock was 20 s ahead (less the seconds before the agent docked it): corrected times are shown.
    await expect(card.getByTestId('timeline-recordings').innerText()).resolves.toMatch(/құрылғының сағаты (1\d|20) с алға кеткен/);
    await screenshot(page, 'activity-timeline');

    await card.getByRole('button', { name: 'Қарау: № 3 файл жоқ (№ 2 және № 4 арасында)' }).click();
    await dialog().getByLabel('Тәртіптік жауаптылыққа тарту үшін жіберілді').check();
    await dialog().getByLabel('Негіздеме').fill('3-файл құрылғыдан өшірілген: тәртіптік іс қозғалды');
    await dialog().getByRole('button', { name: 'Шешімді жазу' }).click();
    await dialog().waitFor({ state: 'detached' });
    const annotation = card.getByTestId('annotation');
    await annotation.waitFor();
    const text = await annotation.innerText();
    expect(text).toContain('Тәртіптік жауаптылыққа тарту үшін жіберілді: 3-файл құрылғыдан өшірілген');
    expect(text).toContain('Жұмабеков Ерлан Серікұлы');
  });

  it('R444-21 the head states the purpose, the recording plays from 206 ranges and seeks; the audit shows the view with the head’s name', async () => {
    const media: Response[] = [];
    page.on('response', (r) => {
      if (r.url().includes(`/recordings/${firstRecording}/media`)) media.push(r);
    });
    const card = page.locator(`[data-testid="entry-timeline"][data-number="${entry.number}"]`);
    await card.getByRole('link', { name: 'REC_0001.mp4 бейнежазбасын ашу' }).click();
    // Asked before the first view of the session.
    await dialog().getByText('Бейнежазбалар тек қызметтік мақсатта пайдаланылады', { exact: false }).waitFor();
    expect(await page.getByTestId('player').count()).toBe(0);
    await dialog().getByRole('combobox', { name: 'Мақсаты' }).click();
    await page.getByRole('option', { name: 'Бақылау іс-шарасын талдау' }).click();
    await dialog().getByLabel('Түсініктеме').fill('№ 27-ТП тексеру материалдары');
    await dialog().getByRole('button', { name: 'Көрсету және жалғастыру' }).click();
    await dialog().waitFor({ state: 'detached' });

    const video = page.getByTestId('player');
    await video.waitFor();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      v.currentTime = 2;
    });
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThanOrEqual(1.9);
    expect(media.map((r) => r.status())).toContain(206);
    expect(media.some((r) => r.status() === 428)).toBe(false);

    const facts = await page.getByTestId('recording-facts').innerText();
    expect(facts).toMatch(/[0-9a-f]{64}/);
    expect(facts).toMatch(/құрылғының сағаты (1\d|20) с алға кеткен/);
    // Issue 19: what ffprobe found in the original is on the page.
    const mediaFacts = await page.getByTestId('recording-media').innerText();
    for (const fact of ['Медиа деректер (ffprobe)', 'mov,mp4,m4a,3gp,3g2,mj2', 'h264', 'aac', '320 × 240', '10 кадр/с'])
      expect(mediaFacts).toContain(fact);
    const where = await page.getByTestId('recording-entry').innerText();
    expect(where).toContain('Нұрланов Данияр Асқарұлы');
    expect(where).toContain('«Шахтинск Көмір» ЖШС');
    expect(where).toContain('«Шахтинская» шахтасы');
    await page.getByRole('link', { name: 'Түпнұсқаны жүктеп алу' }).waitFor();
    await screenshot(page, 'player');

    await page.goto(`${server.url}/app/audit`);
    const viewed = page.getByTestId('ledger-table').getByRole('row').filter({ hasText: 'Жазба қаралды' });
    await viewed.first().waitFor();
    await expect(viewed.first().innerText()).resolves.toContain('Жұмабеков Ерлан Серікұлы');
  });

  it('R444-13 the inspector and the auditor get no media: 403 with the coded error; the auditor reads the facts only', async () => {
    for (const login of ['inspector1', 'auditor']) {
      await signOutQuietly(page);
      await signIn(page, server.url, login);
      const mine = await pageApi(page);
      const res = await mine.status(`/recordings/${firstRecording}/media`);
      expect({ login, ...res }).toEqual({ login, status: 403, code: 'auth.forbidden' });
    }
    await page.goto(`${server.url}/app/recorders/recordings/${firstRecording}`);
    await page.getByText('Көру сізге қолжетімсіз').waitFor();
    await page.getByTestId('sha256').waitFor();
    expect(await page.getByTestId('player').count()).toBe(0);
    expect(await dialog().count()).toBe(0);
  });

  it('R444-13 a damaged original: the page says damaged, not readable, plays nothing and offers no "Download original"; only the head gets the warned download', async () => {
    await signOutQuietly(page);
    await signIn(page, server.url, 'head');
    const headApi = await pageApi(page);
    const [timeline] = await headApi.get<Timeline[]>(`/activities/${entry.activityId}/timeline`);
    const fourth = timeline!.recordings.find((r) => r.fileSequence === 4)!.id;
    const { recording } = await headApi.get<{ recording: { sha256: string; integrity: string } }>(`/recordings/${fourth}`);
    expect(recording.integrity).toBe('intact');
    // One byte flips on the disk; the next whole read of the original notices it (the read-time check).
    const file = `${server.dataDir}/blobs/objects/${recording.sha256.slice(0, 2)}/${recording.sha256.slice(2, 4)}/${recording.sha256}`;
    fs.chmodSync(file, 0o644);
    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    fs.writeFileSync(file, bytes);
    await headApi.post('/access-purposes', { purpose: 'activity_review', note: 'Тексеру материалдарын қарау' });
    const orgId = await page.evaluate(() =>
      fetch('/api/v1/me')
        .then((r) => r.json())
        .then((m) => (m.currentOrganisationId ?? m.organisations[0].id) as string),
    );
    const download = `/api/v1/organisations/${orgId}/recordings/${fourth}/media?download=true`;
    // Hashed on its way out, the short clip (one chunk, held back) is answered with the coded refusal, never the damaged bytes.
    expect(await page.evaluate((u) => fetch(u).then((r) => r.status), download)).toBe(409);
    for (const deadline = Date.now() + sec(10); Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      if ((await headApi.get<{ recording: { integrity: string } }>(`/recordings/${fourth}`)).recording.integrity === 'damaged') break;
    }
    await page.goto(`${server.url}/app/recorders/recordings/${fourth}`);
    await page.getByTestId('damaged').getByText('Түпнұсқа зақымдалған').waitFor();
    expect(await page.getByTestId('recording-facts').getByText('зақымдалған', { exact: true }).count()).toBe(1);
    expect(await page.getByTestId('recording-facts').getByText('оқылады', { exact: true }).count()).toBe(0);
    expect(await page.getByTestId('player').count()).toBe(0);
    expect(await page.getByText('Түпнұсқаны жүктеп алу', { exact: true }).count()).toBe(0);
    await page.getByTestId('download-damaged').waitFor();
    expect(await headApi.status(`/recordings/${fourth}/media?download=true`)).toEqual({ status: 409, code: 'recording.original_damaged' });

    await signOutQuietly(page);
    await signIn(page, server.url, 'responsible');
    await page.goto(`${server.url}/app/recorders/recordings/${fourth}`);
    await page.getByTestId('damaged').waitFor();
    expect(await page.getByTestId('download-damaged').count()).toBe(0);
  });

  it('R444-5 the responsible person attaches the recording without an issue to an issue of its recorder, with a reason', async () => {
    await signOutQuietly(page);
    await signIn(page, server.url, 'responsible');
    await page.goto(`${server.url}/app/recorders`);
    const queue = page.getByTestId('unattributed-panel');
    await queue.getByRole('button', { name: 'Байланыстыру: REC_0107.mp4' }).click();
    await dialog().getByRole('combobox', { name: 'Сол бейнетіркеуіштің берілуі' }).click();
    await page.getByRole('option', { name: new RegExp(`^№ ${returned.number}: Омарова Гүлнар Бекқызы`) }).click();
    await dialog().getByLabel('Негіздеме').fill('Аккумулятор отырғаннан кейін құрылғының сағаты бір сағатқа қалып қалды');
    await dialog().getByRole('button', { name: 'Байланыстыру', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
    await queue.getByText('Барлық бейнежазбалар беруге байланыстырылған.').waitFor();
    await page.goto(`${server.url}/app/recorders/journal`);
    const row = page.getByTestId('journal-table').locator(`tbody tr[data-number="${returned.number}"]`);
    await row.getByText('барлығы тексерілді · 1 бейнежазба').waitFor();
  });

  it('at 768 px the timeline and the player fit the width without a horizontal scroll of the page', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.goto(`${server.url}/app/recorders/recordings/${firstRecording}`);
    // The responsible person is asked too; "other" needs a few words.
    await dialog().getByRole('combobox', { name: 'Мақсаты' }).click();
    await page.getByRole('option', { name: 'Басқа қызметтік мақсат' }).click();
    await dialog().getByRole('button', { name: 'Көрсету және жалғастыру' }).click();
    await dialog().getByText('Мақсатты бірнеше сөзбен сипаттаңыз').first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await dialog().getByLabel('Түсініктеме').fill('Прокуратураның 12.11 сұрауы');
    await dialog().getByRole('button', { name: 'Көрсету және жалғастыру' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByTestId('player').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'player-tablet');
    await page.goto(`${server.url}/app/recorders/activities/${entry.activityId}`);
    await page.getByTestId('timeline-band').first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'activity-timeline-tablet');
  });

  it('R444-9 R444-10 after a new journal book is opened, a recorder issued under the earlier book is returned against its entry there', async () => {
    await page.setViewportSize({ width: 1280, height: 860 });
    const responsible = await pageApi(page);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
    const [book] = await responsible.get<{ id: string }[]>('/journals');
    await responsible.post(`/journals/${book!.id}/close`, { endedOn: today, sheetCount: 50 });
    await responsible.post('/journals', { registrationNumber: '04-12/18', registrationDate: today, startedOn: today });
    await page.goto(`${server.url}/app/recorders/journal`);
    await page.getByText('Журналда әлі жазба жоқ.').waitFor();
    await page.getByRole('button', { name: 'Қабылдау', exact: true }).click();
    const field = dialog().getByPlaceholder('Штрихкодты сканерлеңіз немесе теріңіз');
    await field.fill('ВР-002');
    await field.press('Enter');
    const open = dialog().getByTestId('open-entry');
    await open.waitFor();
    expect(await open.innerText()).toContain('ВР-002');
    await open.getByText('Алдыңғы № 04-12/17 журнал бойынша берілген').waitFor();
    await dialog().getByLabel('Инспектордың логині').fill('inspector3');
    await dialog().getByLabel('Инспектордың құпиясөзі').fill(DEMO_PASSWORD);
    await dialog().getByRole('button', { name: 'Қабылдау (Enter)' }).click();
    await dialog().getByTestId('return-done').waitFor();
  });
});
